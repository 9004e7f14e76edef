"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.DocumentsModule = void 0;
const common_1 = require("@nestjs/common");
const config_module_1 = require("../config/config.module");
const programs_module_1 = require("../programs/programs.module");
const documents_controller_1 = require("./documents.controller");
const documents_repository_1 = require("./documents.repository");
const documents_service_1 = require("./documents.service");
const storage_1 = require("./storage");
/**
 * A claim's documents. Reads the claim through its own queries (not the applications domain), so
 * applications can later depend on documents without a cycle; the audit service is global.
 */
let DocumentsModule = class DocumentsModule {
};
exports.DocumentsModule = DocumentsModule;
exports.DocumentsModule = DocumentsModule = __decorate([
    (0, common_1.Module)({
        imports: [programs_module_1.ProgramsModule],
        controllers: [documents_controller_1.DocumentsController],
        providers: [
            documents_repository_1.DocumentsRepository,
            documents_service_1.DocumentsService,
            { provide: storage_1.DocumentStorage, useFactory: storage_1.createDocumentStorage, inject: [config_module_1.APP_CONFIG] },
        ],
        exports: [documents_service_1.DocumentsService, storage_1.DocumentStorage],
    })
], DocumentsModule);
//# sourceMappingURL=documents.module.js.map