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
exports.VoucherExpiryService = void 0;
exports.reminderText = reminderText;
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const clock_1 = require("../common/clock");
const programs_repository_1 = require("../programs/programs.repository");
const vouchers_repository_1 = require("./vouchers.repository");
const vouchers_service_1 = require("./vouchers.service");
/** Vouchers handled per sweep step: a backlog drains over a few runs, each run stays short. */
const SWEEP_LIMIT = 500;
const SHANGHAI_TIME = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
});
/**
 * The voucher sweep (job `vouchers.sweep`): expiry, then the day-before reminders. Each expiry is
 * its own short transaction (the voucher row locked, re-checked, closed, its reservation released
 * — the budget row last); a voucher cancelled or redeemed meanwhile is skipped. Reminders are
 * marked and written in one transaction, keyed by voucher, so a re-run tells nobody twice.
 */
let VoucherExpiryService = class VoucherExpiryService {
    constructor(vouchers, service, programs, clock) {
        this.vouchers = vouchers;
        this.service = service;
        this.programs = programs;
        this.clock = clock;
    }
    async sweep() {
        const expired = await this.expire();
        const reminded = await this.remind();
        return { expired, reminded };
    }
    /** Expires what is due; answers how many expired. */
    async expire() {
        const now = this.clock.now();
        let expired = 0;
        for (const id of await this.vouchers.expiredIds(now, SWEEP_LIMIT)) {
            expired += await this.vouchers.transaction(async (manager) => {
                const voucher = await this.vouchers.lock(manager, id, null);
                if (!voucher || voucher.status !== 'issued' || voucher.expiresAt.getTime() > now.getTime())
                    return 0;
                await this.service.closeLocked(manager, voucher, 'expired', now);
                return 1;
            });
        }
        return expired;
    }
    /** Tells each holder whose voucher lapses within a day (in-app and SMS); answers how many. */
    async remind() {
        const now = this.clock.now();
        return this.vouchers.transaction(async (manager) => {
            const due = await this.vouchers.markReminders(manager, now, shared_1.VOUCHER_REMINDER_MS, SWEEP_LIMIT);
            for (const voucher of due) {
                const definition = await this.programs.definitionByVersionId(voucher.programVersionId, manager);
                await this.vouchers.queueNotice(manager, {
                    userId: voucher.holderId,
                    eventKey: `voucher-expiring-${voucher.id}`,
                    kind: 'voucher_expiring',
                    params: { voucherId: voucher.id, code: voucher.code, expiresAt: voucher.expiresAt.toISOString() },
                    text: reminderText(voucher, definition),
                });
            }
            return due.length;
        });
    }
};
exports.VoucherExpiryService = VoucherExpiryService;
exports.VoucherExpiryService = VoucherExpiryService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [vouchers_repository_1.VouchersRepository,
        vouchers_service_1.VouchersService,
        programs_repository_1.ProgramsRepository,
        clock_1.Clock])
], VoucherExpiryService);
function reminderText(voucher, definition) {
    const path = definition.historyFields?.category;
    const label = definition.factFields
        .find((field) => field.path === path)
        ?.options?.find((option) => option.value === voucher.category)?.label.zh ?? voucher.category;
    return `【章丘换新】您的${definition.title.zh}（${label}）补贴资格券 ${(0, shared_1.formatVoucherCode)(voucher.code)} 将于${SHANGHAI_TIME.format(voucher.expiresAt)}到期，请尽快到参与门店使用，逾期自动作废。`;
}
//# sourceMappingURL=voucher-expiry.service.js.map