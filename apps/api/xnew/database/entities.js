"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ENTITIES = void 0;
const application_event_entity_1 = require("../applications/application-event.entity");
const application_flag_entity_1 = require("../applications/application-flag.entity");
const application_entity_1 = require("../applications/application.entity");
const claim_key_entity_1 = require("../applications/claim-key.entity");
const idempotency_key_entity_1 = require("../applications/idempotency-key.entity");
const audit_log_entity_1 = require("../audit/audit-log.entity");
const budget_ledger_entity_1 = require("../budget/budget-ledger.entity");
const budget_snapshot_entity_1 = require("../budget/budget-snapshot.entity");
const budget_entity_1 = require("../budget/budget.entity");
const budget_tranche_entity_1 = require("../budget/budget-tranche.entity");
const program_version_entity_1 = require("../programs/program-version.entity");
const program_entity_1 = require("../programs/program.entity");
const program_pause_entity_1 = require("../programs/program-pause.entity");
const document_entity_1 = require("../documents/document.entity");
const notification_entity_1 = require("../notifications/notification.entity");
const consent_record_entity_1 = require("../profile/consent-record.entity");
const resident_profile_entity_1 = require("../profile/resident-profile.entity");
const outbox_entity_1 = require("../queue/outbox.entity");
const organization_status_event_entity_1 = require("../dealers/organization-status-event.entity");
const product_entity_1 = require("../dealers/product.entity");
const certificate_entity_1 = require("../dealers/certificates/certificate.entity");
const organization_document_entity_1 = require("../dealers/certificates/organization-document.entity");
const recycling_receipt_entity_1 = require("../dealers/certificates/recycling-receipt.entity");
const dealer_sale_entity_1 = require("../dealers/sales/dealer-sale.entity");
const organization_entity_1 = require("../users/organization.entity");
const user_entity_1 = require("../users/user.entity");
const risk_key_entity_1 = require("../risk/risk-key.entity");
const receivable_entity_1 = require("../review/sampling/receivable.entity");
const review_sample_entity_1 = require("../review/sampling/review-sample.entity");
const review_decision_entity_1 = require("../review/review-decision.entity");
const review_lease_entity_1 = require("../review/review-lease.entity");
const payment_batch_entity_1 = require("../payments/payment-batch.entity");
const payment_line_entity_1 = require("../payments/payment-line.entity");
const payment_netting_entity_1 = require("../payments/payment-netting.entity");
const lottery_entity_1 = require("../vouchers/lottery.entity");
const application_reprice_entity_1 = require("../admin/versions/repricing/application-reprice.entity");
const voucher_entity_1 = require("../vouchers/voucher.entity");
/** Every entity, listed explicitly (no globs: the same list works compiled, in Jest and in the CLI). */
exports.ENTITIES = [
    program_entity_1.ProgramEntity,
    program_version_entity_1.ProgramVersionEntity,
    budget_entity_1.BudgetEntity,
    budget_ledger_entity_1.BudgetLedgerEntity,
    budget_snapshot_entity_1.BudgetSnapshotEntity,
    outbox_entity_1.OutboxEntity,
    organization_entity_1.OrganizationEntity,
    user_entity_1.UserEntity,
    resident_profile_entity_1.ResidentProfileEntity,
    consent_record_entity_1.ConsentRecordEntity,
    audit_log_entity_1.AuditLogEntity,
    application_entity_1.ApplicationEntity,
    application_event_entity_1.ApplicationEventEntity,
    claim_key_entity_1.ClaimKeyEntity,
    application_flag_entity_1.ApplicationFlagEntity,
    idempotency_key_entity_1.IdempotencyKeyEntity,
    document_entity_1.DocumentEntity,
    notification_entity_1.NotificationEntity,
    risk_key_entity_1.RiskKeyEntity,
    review_sample_entity_1.ReviewSampleEntity,
    review_sample_entity_1.ReviewSampleItemEntity,
    receivable_entity_1.ReceivableEntity,
    review_lease_entity_1.ReviewLeaseEntity,
    review_decision_entity_1.ReviewDecisionEntity,
    payment_batch_entity_1.PaymentBatchEntity,
    payment_line_entity_1.PaymentLineEntity,
    payment_netting_entity_1.PaymentNettingEntity,
    organization_status_event_entity_1.OrganizationStatusEventEntity,
    product_entity_1.ProductEntity,
    product_entity_1.ProductPriceEntity,
    budget_tranche_entity_1.BudgetTrancheEntity,
    program_pause_entity_1.ProgramPauseEntity,
    certificate_entity_1.CertificateEntity,
    recycling_receipt_entity_1.RecyclingReceiptEntity,
    organization_document_entity_1.OrganizationDocumentEntity,
    dealer_sale_entity_1.DealerSaleEntity,
    voucher_entity_1.VoucherEntity,
    lottery_entity_1.LotteryRoundEntity,
    lottery_entity_1.LotteryEntryEntity,
    application_reprice_entity_1.ApplicationRepriceEntity,
];
//# sourceMappingURL=entities.js.map