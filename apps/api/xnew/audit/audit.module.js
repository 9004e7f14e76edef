"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.AuditModule = exports.AuditCoreModule = void 0;
const common_1 = require("@nestjs/common");
const audit_console_service_1 = require("./audit-console.service");
const audit_controller_1 = require("./audit.controller");
const audit_repository_1 = require("./audit.repository");
const audit_service_1 = require("./audit.service");
const security_audit_service_1 = require("./security-audit.service");
/** Global: every domain records audit rows. The controller is mounted only by the HTTP app. */
let AuditCoreModule = class AuditCoreModule {
};
exports.AuditCoreModule = AuditCoreModule;
exports.AuditCoreModule = AuditCoreModule = __decorate([
    (0, common_1.Global)(),
    (0, common_1.Module)({
        providers: [audit_service_1.AuditService, audit_repository_1.AuditRepository, security_audit_service_1.SecurityAuditService],
        exports: [audit_service_1.AuditService, audit_repository_1.AuditRepository, security_audit_service_1.SecurityAuditService],
    })
], AuditCoreModule);
let AuditModule = class AuditModule {
};
exports.AuditModule = AuditModule;
exports.AuditModule = AuditModule = __decorate([
    (0, common_1.Module)({ controllers: [audit_controller_1.AuditController], providers: [audit_console_service_1.AuditConsoleService] })
], AuditModule);
//# sourceMappingURL=audit.module.js.map