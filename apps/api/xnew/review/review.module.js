"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ReviewModule = void 0;
const common_1 = require("@nestjs/common");
const applications_module_1 = require("../applications/applications.module");
const dealer_records_module_1 = require("../dealers/certificates/dealer-records.module");
const sales_module_1 = require("../dealers/sales/sales.module");
const documents_module_1 = require("../documents/documents.module");
const programs_module_1 = require("../programs/programs.module");
const certificate_source_1 = require("./matrix/certificate.source");
const claim_source_1 = require("./matrix/claim.source");
const dealer_sale_source_1 = require("./matrix/dealer-sale.source");
const matrix_registry_1 = require("./matrix/matrix.registry");
const profile_source_1 = require("./matrix/profile.source");
const recycling_receipt_source_1 = require("./matrix/recycling-receipt.source");
const review_case_service_1 = require("./review-case.service");
const review_decision_service_1 = require("./review-decision.service");
const review_lease_service_1 = require("./review-lease.service");
const review_queue_service_1 = require("./review-queue.service");
const review_controller_1 = require("./review.controller");
const review_repository_1 = require("./review.repository");
/**
 * The field matrix's sources, in the order their values are shown: the resident's claim and
 * profile, then the dealers' records (the dealer's sale, the dismantler's certificate, the
 * recycler's receipt). A new source is one class and one line here.
 */
const MATRIX_SOURCES = [
    claim_source_1.ClaimMatrixSource,
    profile_source_1.ProfileMatrixSource,
    dealer_sale_source_1.DealerSaleMatrixSource,
    certificate_source_1.CertificateMatrixSource,
    recycling_receipt_source_1.RecyclingReceiptMatrixSource,
];
/** The review workbench (issue 11): queue, leases, the case screen, four-eyes decisions. */
let ReviewModule = class ReviewModule {
};
exports.ReviewModule = ReviewModule;
exports.ReviewModule = ReviewModule = __decorate([
    (0, common_1.Module)({
        imports: [applications_module_1.ApplicationsModule, programs_module_1.ProgramsModule, documents_module_1.DocumentsModule, dealer_records_module_1.DealerRecordsModule, sales_module_1.SalesModule],
        controllers: [review_controller_1.ReviewController],
        providers: [
            review_repository_1.ReviewRepository,
            review_queue_service_1.ReviewQueueService,
            review_lease_service_1.ReviewLeaseService,
            review_case_service_1.ReviewCaseService,
            review_decision_service_1.ReviewDecisionService,
            ...MATRIX_SOURCES,
            {
                provide: matrix_registry_1.MatrixRegistry,
                useFactory: (...sources) => new matrix_registry_1.MatrixRegistry(sources),
                inject: MATRIX_SOURCES,
            },
        ],
        exports: [review_repository_1.ReviewRepository, matrix_registry_1.MatrixRegistry],
    })
], ReviewModule);
//# sourceMappingURL=review.module.js.map