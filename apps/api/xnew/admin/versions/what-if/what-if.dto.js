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
exports.WhatIfJobParams = exports.VersionParams = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
class VersionParams {
}
exports.VersionParams = VersionParams;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'digital-2026' }),
    (0, class_validator_1.Matches)(/^[a-z0-9-]{2,64}$/, { message: 'INVALID_FORMAT' }),
    __metadata("design:type", String)
], VersionParams.prototype, "code", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 2 }),
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)({ message: 'INVALID_FORMAT' }),
    (0, class_validator_1.Min)(1, { message: 'INVALID_FORMAT' }),
    (0, class_validator_1.Max)(1_000_000, { message: 'INVALID_FORMAT' }),
    __metadata("design:type", Number)
], VersionParams.prototype, "version", void 0);
class WhatIfJobParams extends VersionParams {
}
exports.WhatIfJobParams = WhatIfJobParams;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'what-if-3f0c8f0e-6f7d-4d4e-9b1c-2a5e2f7f4b11' }),
    (0, class_validator_1.Matches)(/^what-if-[0-9a-f-]{36}$/, { message: 'INVALID_FORMAT' }),
    __metadata("design:type", String)
], WhatIfJobParams.prototype, "jobId", void 0);
//# sourceMappingURL=what-if.dto.js.map