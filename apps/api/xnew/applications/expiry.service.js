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
Object.defineProperty(exports, "__esModule", { value: true });
exports.ExpiryService = void 0;
const common_1 = require("@nestjs/common");
const clock_1 = require("../common/clock");
const application_state_service_1 = require("./application-state.service");
const applications_repository_1 = require("./applications.repository");
const DAY_MS = 24 * 3600_000;
/** Drafts untouched and returned claims not resubmitted within the program's deadlines expire. */
let ExpiryService = class ExpiryService {
    constructor(applications, state, clock) {
        this.applications = applications;
        this.state = state;
        this.clock = clock;
    }
    /** Expires what is due, one guarded transaction per claim; returns how many expired. */
    async expire() {
        const now = this.clock.now().getTime();
        const candidates = await this.applications.expiryCandidates();
        const due = candidates.filter((row) => {
            const { draftExpiryDays = 30, returnedExpiryDays = 15 } = row.definition.settings;
            return row.status === 'draft'
                ? now - row.updated_at.getTime() > draftExpiryDays * DAY_MS
                : now - (row.returned_at ?? row.updated_at).getTime() > returnedExpiryDays * DAY_MS;
        });
        let expired = 0;
        for (const row of due) {
            expired += await this.applications.transaction(async (manager) => {
                const application = await this.applications.lockById(manager, row.id);
                if (!application || application.status !== row.status)
                    return 0;
                await this.state.move(manager, application, {
                    to: 'expired',
                    actorId: null,
                    note: `not completed in time (${row.status})`,
                });
                return 1;
            });
        }
        return expired;
    }
};
exports.ExpiryService = ExpiryService;
exports.ExpiryService = ExpiryService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [applications_repository_1.ApplicationsRepository,
        application_state_service_1.ApplicationStateService,
        clock_1.Clock])
], ExpiryService);
//# sourceMappingURL=expiry.service.js.map