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
exports.VouchersProcessor = void 0;
const common_1 = require("@nestjs/common");
const job_processor_1 = require("../queue/job-processor");
const voucher_expiry_service_1 = require("./voucher-expiry.service");
const lottery_service_1 = require("./lottery.service");
const vouchers_jobs_1 = require("./vouchers.jobs");
/** The `vouchers` queue: the sweep (expiry and reminders) and the lottery rounds. Both idempotent. */
let VouchersProcessor = class VouchersProcessor {
    constructor(expiry, lottery) {
        this.expiry = expiry;
        this.lottery = lottery;
        this.jobs = (0, job_processor_1.handleJobs)([vouchers_jobs_1.SWEEP_VOUCHERS, vouchers_jobs_1.RUN_LOTTERIES], {
            'vouchers.sweep': () => this.expiry.sweep(),
            'vouchers.lottery': () => this.lottery.run(),
        });
    }
};
exports.VouchersProcessor = VouchersProcessor;
exports.VouchersProcessor = VouchersProcessor = __decorate([
    (0, common_1.Injectable)(),
    (0, job_processor_1.JobProcessor)({ concurrency: 1 }),
    __metadata("design:paramtypes", [voucher_expiry_service_1.VoucherExpiryService,
        lottery_service_1.LotteryService])
], VouchersProcessor);
//# sourceMappingURL=vouchers.processor.js.map