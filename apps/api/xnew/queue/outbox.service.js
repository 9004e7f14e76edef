"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.OutboxService = void 0;
exports.writeOutbox = writeOutbox;
const common_1 = require("@nestjs/common");
/**
 * Writes a job into the outbox inside the caller's transaction (`manager` is that transaction's).
 * The job comes from its definition (`DEFINITION.job(payload)`), which made and checked its id.
 */
async function writeOutbox(manager, job) {
    await manager.query('INSERT INTO outbox (queue, job_name, job_id, payload) VALUES ($1, $2, $3, $4::jsonb)', [job.queue, job.name, job.jobId, JSON.stringify(job.payload)]);
}
let OutboxService = class OutboxService {
    enqueue(manager, job) {
        return writeOutbox(manager, job);
    }
};
exports.OutboxService = OutboxService;
exports.OutboxService = OutboxService = __decorate([
    (0, common_1.Injectable)()
], OutboxService);
//# sourceMappingURL=outbox.service.js.map