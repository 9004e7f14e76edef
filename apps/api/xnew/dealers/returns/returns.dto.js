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
exports.ReturnSaleDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const shared_1 = require("@huanxin/shared");
const class_validator_1 = require("class-validator");
/**
 * `POST /api/dealer/sales/:id/return`. The fields are checked by the shared `checkSaleReturn`
 * (the dealer's form runs the same rules), which needs the sale's date: so here they are only
 * allowed through (unknown fields are still refused by the global pipe).
 */
class ReturnSaleDto {
}
exports.ReturnSaleDto = ReturnSaleDto;
__decorate([
    (0, swagger_1.ApiProperty)({
        example: '2026-05-03',
        description: 'When the goods came back (not in the future, not before the sale)',
    }),
    (0, class_validator_1.Allow)(),
    __metadata("design:type", Object)
], ReturnSaleDto.prototype, "returnedOn", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '七天无理由退货', maxLength: shared_1.RETURN_REASON_MAX }),
    (0, class_validator_1.Allow)(),
    __metadata("design:type", Object)
], ReturnSaleDto.prototype, "reason", void 0);
//# sourceMappingURL=returns.dto.js.map