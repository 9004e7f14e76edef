"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
var AccountsProcessor_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.AccountsProcessor = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const audit_service_1 = require("../audit/audit.service");
const session_service_1 = require("../auth/session.service");
const clock_1 = require("../common/clock");
const job_processor_1 = require("../queue/job-processor");
const users_repository_1 = require("../users/users.repository");
const accounts_jobs_1 = require("./accounts.jobs");
/** Daily: disables staff accounts unused for 90 days and ends their sessions. Idempotent. */
let AccountsProcessor = AccountsProcessor_1 = class AccountsProcessor {
    constructor(dataSource, users, sessions, audit, clock) {
        this.dataSource = dataSource;
        this.users = users;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
        this.jobs = (0, job_processor_1.handleJobs)([accounts_jobs_1.DISABLE_STALE_ACCOUNTS], {
            'accounts.disable-stale': async () => ({ disabled: await this.disableStale() }),
        });
        this.logger = new common_1.Logger(AccountsProcessor_1.name);
    }
    /** Public for tests (with a moved clock). */
    async disableStale() {
        const now = this.clock.now();
        const before = new Date(now.getTime() - accounts_jobs_1.STALE_ACCOUNT_DAYS * 24 * 3600_000);
        const disabled = await this.dataSource.transaction(async (manager) => {
            const ids = await this.users.disableStaffIdleSince(before, now, manager);
            for (const id of ids) {
                await this.audit.record({
                    action: 'user.disabled',
                    result: 'success',
                    actor: null,
                    objectType: 'user',
                    objectId: id,
                    detail: { reason: 'unused_90_days' },
                }, manager);
            }
            return ids;
        });
        for (const id of disabled)
            await this.sessions.destroyAllForUser(id);
        if (disabled.length)
            this.logger.log({ count: disabled.length }, 'disabled stale staff accounts');
        return disabled.length;
    }
};
exports.AccountsProcessor = AccountsProcessor;
exports.AccountsProcessor = AccountsProcessor = AccountsProcessor_1 = __decorate([
    (0, common_1.Injectable)(),
    (0, job_processor_1.JobProcessor)({ concurrency: 1 }),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [Function, users_repository_1.UsersRepository,
        session_service_1.SessionService,
        audit_service_1.AuditService,
        clock_1.Clock])
], AccountsProcessor);
//# sourceMappingURL=accounts.processor.js.map