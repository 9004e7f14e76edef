"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.DealerRecordsModule = void 0;
const common_1 = require("@nestjs/common");
const documents_module_1 = require("../../documents/documents.module");
const programs_module_1 = require("../../programs/programs.module");
const dealers_module_1 = require("../dealers.module");
const dealer_records_controller_1 = require("./dealer-records.controller");
const dealer_records_repository_1 = require("./dealer-records.repository");
const dealer_records_service_1 = require("./dealer-records.service");
const organization_documents_service_1 = require("./organization-documents.service");
/**
 * Dismantlers' certificates, recyclers' receipts and registration documents (issue 13). The
 * repository is exported for the review matrix's sources and the risk rules, which read the
 * records by number.
 */
let DealerRecordsModule = class DealerRecordsModule {
};
exports.DealerRecordsModule = DealerRecordsModule;
exports.DealerRecordsModule = DealerRecordsModule = __decorate([
    (0, common_1.Module)({
        imports: [dealers_module_1.DealersModule, documents_module_1.DocumentsModule, programs_module_1.ProgramsModule],
        controllers: [dealer_records_controller_1.DealerRecordsController, dealer_records_controller_1.DealerDocumentsController, dealer_records_controller_1.AdminOrganizationDocumentsController],
        providers: [dealer_records_repository_1.DealerRecordsRepository, dealer_records_service_1.DealerRecordsService, organization_documents_service_1.OrganizationDocumentsService],
        exports: [dealer_records_repository_1.DealerRecordsRepository],
    })
], DealerRecordsModule);
//# sourceMappingURL=dealer-records.module.js.map