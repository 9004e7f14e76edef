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
exports.RevealController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const shared_1 = require("@huanxin/shared");
const auth_decorators_1 = require("../auth/auth.decorators");
const reveal_dto_1 = require("./reveal.dto");
const reveal_service_1 = require("./reveal.service");
let RevealController = class RevealController {
    constructor(reveals) {
        this.reveals = reveals;
    }
    reveal(user, id, body) {
        return this.reveals.reveal(user, id, body);
    }
};
exports.RevealController = RevealController;
__decorate([
    (0, common_1.Post)('residents/:id/reveal'),
    (0, auth_decorators_1.RequirePermission)(shared_1.Permission.PersonalDataReveal),
    (0, common_1.HttpCode)(200),
    (0, swagger_1.ApiOperation)({
        summary: 'Reveal one full personal-data value of a resident for one of their claims in review, with a published reason (limited per day; audited)',
    }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', new common_1.ParseUUIDPipe({ version: '4' }))),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, reveal_dto_1.RevealDto]),
    __metadata("design:returntype", void 0)
], RevealController.prototype, "reveal", null);
exports.RevealController = RevealController = __decorate([
    (0, swagger_1.ApiTags)('profile'),
    (0, common_1.Controller)(),
    __metadata("design:paramtypes", [reveal_service_1.RevealService])
], RevealController);
//# sourceMappingURL=reveal.controller.js.map