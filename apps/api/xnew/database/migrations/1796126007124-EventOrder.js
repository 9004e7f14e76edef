"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EventOrder1796126007124 = void 0;
/**
 * Timeline order within one instant: a claim's submitted → checking → in_review events can share one
 * `at` (one clock, one job), and ordering by `at` alone returned them in physical order.
 */
class EventOrder1796126007124 {
    constructor() {
        this.name = 'EventOrder1796126007124';
    }
    async up(queryRunner) {
        await queryRunner.query('ALTER TABLE "application_event" ADD "seq" bigint GENERATED ALWAYS AS IDENTITY NOT NULL');
    }
    async down(queryRunner) {
        await queryRunner.query('ALTER TABLE "application_event" DROP COLUMN "seq"');
    }
}
exports.EventOrder1796126007124 = EventOrder1796126007124;
//# sourceMappingURL=1796126007124-EventOrder.js.map