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
exports.MyLotteryEntriesController = exports.LotteryController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const shared_1 = require("@huanxin/shared");
const auth_decorators_1 = require("../auth/auth.decorators");
const domain_error_1 = require("../common/errors/domain-error");
const programs_dto_1 = require("../programs/programs.dto");
const public_read_limit_guard_1 = require("../programs/public-read-limit.guard");
const vouchers_dto_1 = require("./vouchers.dto");
const lottery_service_1 = require("./lottery.service");
let LotteryController = class LotteryController {
    constructor(lottery) {
        this.lottery = lottery;
    }
    round(params, round) {
        if (round !== undefined && !/^[1-9]\d{0,3}$/.test(round))
            throw (0, domain_error_1.validationFailed)({ round: 'INVALID_FORMAT' });
        return this.lottery.publicRound(params.code, round === undefined ? undefined : Number(round));
    }
    enter(user, params, body) {
        return this.lottery.enter(user.id, params.code, body.category);
    }
};
exports.LotteryController = LotteryController;
__decorate([
    (0, common_1.Get)(),
    (0, auth_decorators_1.Public)(),
    (0, common_1.UseGuards)(public_read_limit_guard_1.PublicReadLimitGuard),
    (0, swagger_1.ApiQuery)({ name: 'round', required: false, description: 'A past round (default: the latest opened)' }),
    (0, swagger_1.ApiOperation)({
        summary: 'A lottery round, public: seed hash, entries (random ids), and after the draw the seed and winners',
    }),
    __param(0, (0, common_1.Param)()),
    __param(1, (0, common_1.Query)('round')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [programs_dto_1.ProgramCodeParams, String]),
    __metadata("design:returntype", void 0)
], LotteryController.prototype, "round", null);
__decorate([
    (0, common_1.Post)('entries'),
    (0, auth_decorators_1.RequirePermission)(shared_1.Permission.VouchersOwn),
    (0, swagger_1.ApiOperation)({
        summary: 'Enter the current round for a category (one entry per person, category and round)',
    }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)()),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, programs_dto_1.ProgramCodeParams, vouchers_dto_1.LotteryEntryDto]),
    __metadata("design:returntype", void 0)
], LotteryController.prototype, "enter", null);
exports.LotteryController = LotteryController = __decorate([
    (0, swagger_1.ApiTags)('vouchers'),
    (0, common_1.Controller)('programs/:code/lottery'),
    __metadata("design:paramtypes", [lottery_service_1.LotteryService])
], LotteryController);
let MyLotteryEntriesController = class MyLotteryEntriesController {
    constructor(lottery) {
        this.lottery = lottery;
    }
    list(user) {
        return this.lottery.mine(user.id);
    }
};
exports.MyLotteryEntriesController = MyLotteryEntriesController;
__decorate([
    (0, common_1.Get)(),
    (0, swagger_1.ApiOperation)({
        summary: "The caller's lottery entries, newest round first, with each one's result after the draw",
    }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], MyLotteryEntriesController.prototype, "list", null);
exports.MyLotteryEntriesController = MyLotteryEntriesController = __decorate([
    (0, swagger_1.ApiTags)('vouchers'),
    (0, common_1.Controller)('me/lottery-entries'),
    (0, auth_decorators_1.RequirePermission)(shared_1.Permission.VouchersOwn),
    __metadata("design:paramtypes", [lottery_service_1.LotteryService])
], MyLotteryEntriesController);
//# sourceMappingURL=lottery.controller.js.map