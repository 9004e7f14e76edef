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
Object.defineProperty(exports, "__esModule", { value: true });
exports.DevController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const shared_1 = require("@huanxin/shared");
const auth_decorators_1 = require("../auth/auth.decorators");
const domain_error_1 = require("../common/errors/domain-error");
const sms_service_1 = require("../notifications/sms.service");
const programs_dto_1 = require("../programs/programs.dto");
const lottery_service_1 = require("../vouchers/lottery.service");
/** Development helpers. This module is not even registered when NODE_ENV=production. */
let DevController = class DevController {
    constructor(sms, lottery) {
        this.sms = sms;
        this.lottery = lottery;
    }
    outbox(phone) {
        const checked = (0, shared_1.validateMobile)(phone ?? '');
        if (!checked.ok)
            throw (0, domain_error_1.validationFailed)({ phone: checked.errors[0] ?? 'INVALID_FORMAT' });
        return this.sms.devOutbox(checked.value);
    }
    runLottery(params) {
        return this.lottery.runProgram(params.code);
    }
};
exports.DevController = DevController;
__decorate([
    (0, common_1.Get)('sms-outbox'),
    (0, auth_decorators_1.Public)(),
    (0, swagger_1.ApiOperation)({ summary: 'Development only: SMS sent to a phone through the dev-outbox transport' }),
    __param(0, (0, common_1.Query)('phone')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], DevController.prototype, "outbox", null);
__decorate([
    (0, common_1.Post)('lottery/:code/run'),
    (0, auth_decorators_1.Public)(),
    (0, common_1.HttpCode)(200),
    (0, swagger_1.ApiOperation)({
        summary: "Development only: the lottery job's step for one program now (draws its rounds whose draw time has come)",
    }),
    __param(0, (0, common_1.Param)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [programs_dto_1.ProgramCodeParams]),
    __metadata("design:returntype", Promise)
], DevController.prototype, "runLottery", null);
exports.DevController = DevController = __decorate([
    (0, swagger_1.ApiTags)('dev'),
    (0, common_1.Controller)('dev'),
    __metadata("design:paramtypes", [sms_service_1.SmsService,
        lottery_service_1.LotteryService])
], DevController);
//# sourceMappingURL=dev.controller.js.map