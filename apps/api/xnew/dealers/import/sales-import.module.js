"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.SalesImportModule = void 0;
const common_1 = require("@nestjs/common");
const dealers_module_1 = require("../dealers.module");
const sales_module_1 = require("../sales/sales.module");
const sales_import_controller_1 = require("./sales-import.controller");
const sales_import_service_1 = require("./sales-import.service");
/**
 * Bulk import of goods sale records (issue 13): the template and the import routes. The rows are
 * written by the sales service, in one transaction.
 */
let SalesImportModule = class SalesImportModule {
};
exports.SalesImportModule = SalesImportModule;
exports.SalesImportModule = SalesImportModule = __decorate([
    (0, common_1.Module)({
        imports: [dealers_module_1.DealersModule, sales_module_1.SalesModule],
        controllers: [sales_import_controller_1.SalesImportController],
        providers: [sales_import_service_1.SalesImportService],
    })
], SalesImportModule);
//# sourceMappingURL=sales-import.module.js.map