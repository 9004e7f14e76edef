"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SubmitDevice1795895651066 = void 0;
class SubmitDevice1795895651066 {
    constructor() {
        this.name = 'SubmitDevice1795895651066';
    }
    async up(queryRunner) {
        await queryRunner.query('ALTER TABLE "application" ADD "submit_device" text');
        await queryRunner.query('CREATE INDEX "IDX_158511a181f5237db1b0fc77e5" ON "application"  ("submit_device") ');
    }
    async down(queryRunner) {
        await queryRunner.query('DROP INDEX "public"."IDX_158511a181f5237db1b0fc77e5"');
        await queryRunner.query('ALTER TABLE "application" DROP COLUMN "submit_device"');
    }
}
exports.SubmitDevice1795895651066 = SubmitDevice1795895651066;
//# sourceMappingURL=1795895651066-SubmitDevice.js.map