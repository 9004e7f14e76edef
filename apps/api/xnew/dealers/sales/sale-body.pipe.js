"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.SaleBodyPipe = void 0;
const common_1 = require("@nestjs/common");
const shared_1 = require("@huanxin/shared");
const validation_pipe_1 = require("../../common/validation/validation.pipe");
const sales_dto_1 = require("./sales.dto");
/**
 * `POST /api/dealer/sales` takes two bodies (api-contract.md): a car sale is the one with a
 * `vehicle`. This pipe picks the DTO and runs the app's own validation on it, so either body is
 * refused exactly as any other route's (unknown fields, types, field paths in `fields`).
 */
let SaleBodyPipe = class SaleBodyPipe {
    constructor() {
        this.validation = (0, validation_pipe_1.createValidationPipe)();
    }
    transform(value, metadata) {
        const metatype = (0, shared_1.saleKindOf)(value) === 'car' ? sales_dto_1.CarSaleDto : sales_dto_1.GoodsSaleDto;
        return this.validation.transform(value, { ...metadata, metatype });
    }
};
exports.SaleBodyPipe = SaleBodyPipe;
exports.SaleBodyPipe = SaleBodyPipe = __decorate([
    (0, common_1.Injectable)()
], SaleBodyPipe);
//# sourceMappingURL=sale-body.pipe.js.map