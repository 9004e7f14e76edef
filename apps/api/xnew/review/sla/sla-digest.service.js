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
var SlaDigestService_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.SlaDigestService = exports.SLA_DIGEST_KIND = void 0;
exports.reviewDaysOf = reviewDaysOf;
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const clock_1 = require("../../common/clock");
const programs_repository_1 = require("../../programs/programs.repository");
const sla_repository_1 = require("./sla.repository");
const staff_notifications_repository_1 = require("./staff-notifications.repository");
/** How many cases a digest lists by code (the counts are always complete). */
const LISTED_CASES = 50;
const CODES_IN_TEXT = 10;
exports.SLA_DIGEST_KIND = 'review_sla_digest';
/** The review time of a program's `serviceLevels` (the national car rules' 15 days when unset). */
function reviewDaysOf(definition) {
    return definition.settings?.serviceLevels?.reviewDays ?? 15;
}
/**
 * The daily SLA digest (operations.md §7: approvers are notified of warnings and overdue cases
 * daily): one in-app notice per active approver with the counts and the cases' codes. Keyed by
 * approver and Shanghai date, so running it twice the same day (a retried job, a second worker, a
 * manual run) notifies once. No cases, no notice.
 */
let SlaDigestService = SlaDigestService_1 = class SlaDigestService {
    constructor(programs, sla, notifications, clock) {
        this.programs = programs;
        this.sla = sla;
        this.notifications = notifications;
        this.clock = clock;
        this.logger = new common_1.Logger(SlaDigestService_1.name);
    }
    async notifyApprovers() {
        const now = this.clock.now();
        const date = (0, clock_1.shanghaiDate)(now);
        const programs = await this.programs.listCurrent();
        const reviewDays = new Map(programs.map((p) => [p.id, reviewDaysOf(p.definition)]));
        const codes = new Map(programs.map((p) => [p.id, p.code]));
        const cases = await this.sla.cases(programs.map((p) => (0, sla_repository_1.slaBoundaries)(p.id, reviewDays.get(p.id), now)));
        const overdue = cases.filter((c) => c.slaState === 'overdue').length;
        const warning = cases.length - overdue;
        if (!cases.length)
            return { date, warning, overdue, notified: 0 };
        const params = {
            date,
            warning,
            overdue,
            cases: cases.slice(0, LISTED_CASES).map((c) => ({
                code: c.code,
                programCode: codes.get(c.programId),
                slaState: c.slaState,
                dueAt: (0, shared_1.reviewDueAt)(c.completeAt, reviewDays.get(c.programId)).toISOString(),
            })),
        };
        const listed = cases
            .slice(0, CODES_IN_TEXT)
            .map((c) => `${c.code}（${c.slaState === 'overdue' ? '已超期' : '即将到期'}）`)
            .join('、');
        const more = cases.length > CODES_IN_TEXT ? `等 ${cases.length} 件` : '';
        const textZh = `【章丘换新】审核时限提醒（${date}）：已超期 ${overdue} 件，即将到期 ${warning} 件：${listed}${more}。请登录审核台处理。`;
        let notified = 0;
        for (const userId of await this.notifications.activeApprovers()) {
            const written = await this.notifications.insertOnce({
                userId,
                eventKey: `review-sla:${date}:${userId}`,
                kind: exports.SLA_DIGEST_KIND,
                params: params,
                textZh,
            });
            if (written)
                notified += 1;
        }
        if (notified)
            this.logger.log({ date, warning, overdue, notified }, 'review SLA digest sent');
        return { date, warning, overdue, notified };
    }
};
exports.SlaDigestService = SlaDigestService;
exports.SlaDigestService = SlaDigestService = SlaDigestService_1 = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [programs_repository_1.ProgramsRepository,
        sla_repository_1.SlaRepository,
        staff_notifications_repository_1.StaffNotificationsRepository,
        clock_1.Clock])
], SlaDigestService);
//# sourceMappingURL=sla-digest.service.js.map