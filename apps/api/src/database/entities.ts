import { ApplicationEventEntity } from '../applications/application-event.entity';
import { ApplicationFlagEntity } from '../applications/application-flag.entity';
import { ApplicationEntity } from '../applications/application.entity';
import { ClaimKeyEntity } from '../applications/claim-key.entity';
import { IdempotencyKeyEntity } from '../applications/idempotency-key.entity';
import { AuditLogEntity } from '../audit/audit-log.entity';
import { BudgetLedgerEntity } from '../budget/budget-ledger.entity';
import { BudgetSnapshotEntity } from '../budget/budget-snapshot.entity';
import { BudgetEntity } from '../budget/budget.entity';
import { BudgetTrancheEntity } from '../budget/budget-tranche.entity';
import { ProgramVersionEntity } from '../programs/program-version.entity';
import { ProgramEntity } from '../programs/program.entity';
import { ProgramPauseEntity } from '../programs/program-pause.entity';
import { DocumentEntity } from '../documents/document.entity';
import { NotificationEntity } from '../notifications/notification.entity';
import { ConsentRecordEntity } from '../profile/consent-record.entity';
import { ResidentProfileEntity } from '../profile/resident-profile.entity';
import { OutboxEntity } from '../queue/outbox.entity';
import { OrganizationStatusEventEntity } from '../dealers/organization-status-event.entity';
import { ProductEntity, ProductPriceEntity } from '../dealers/product.entity';
import { CertificateEntity } from '../dealers/certificates/certificate.entity';
import { OrganizationDocumentEntity } from '../dealers/certificates/organization-document.entity';
import { RecyclingReceiptEntity } from '../dealers/certificates/recycling-receipt.entity';
import { DealerSaleEntity } from '../dealers/sales/dealer-sale.entity';
import { OrganizationEntity } from '../users/organization.entity';
import { UserEntity } from '../users/user.entity';
import { RiskKeyEntity } from '../risk/risk-key.entity';
import { ReceivableEntity } from '../review/sampling/receivable.entity';
import { ReviewSampleEntity, ReviewSampleItemEntity } from '../review/sampling/review-sample.entity';
import { ReviewDecisionEntity } from '../review/review-decision.entity';
import { ReviewLeaseEntity } from '../review/review-lease.entity';
import { PaymentBatchEntity } from '../payments/payment-batch.entity';
import { PaymentLineEntity } from '../payments/payment-line.entity';
import { PaymentNettingEntity } from '../payments/payment-netting.entity';
import { LotteryEntryEntity, LotteryRoundEntity } from '../vouchers/lottery.entity';
import { ApplicationRepriceEntity } from '../admin/versions/repricing/application-reprice.entity';
import { VoucherEntity } from '../vouchers/voucher.entity';

/** Every entity, listed explicitly (no globs: the same list works compiled, in Jest and in the CLI). */
export const ENTITIES = [
  ProgramEntity,
  ProgramVersionEntity,
  BudgetEntity,
  BudgetLedgerEntity,
  BudgetSnapshotEntity,
  OutboxEntity,
  OrganizationEntity,
  UserEntity,
  ResidentProfileEntity,
  ConsentRecordEntity,
  AuditLogEntity,
  ApplicationEntity,
  ApplicationEventEntity,
  ClaimKeyEntity,
  ApplicationFlagEntity,
  IdempotencyKeyEntity,
  DocumentEntity,
  NotificationEntity,
  RiskKeyEntity,
  ReviewSampleEntity,
  ReviewSampleItemEntity,
  ReceivableEntity,
  ReviewLeaseEntity,
  ReviewDecisionEntity,
  PaymentBatchEntity,
  PaymentLineEntity,
  PaymentNettingEntity,
  OrganizationStatusEventEntity,
  ProductEntity,
  ProductPriceEntity,
  BudgetTrancheEntity,
  ProgramPauseEntity,
  CertificateEntity,
  RecyclingReceiptEntity,
  OrganizationDocumentEntity,
  DealerSaleEntity,
  VoucherEntity,
  LotteryRoundEntity,
  LotteryEntryEntity,
  ApplicationRepriceEntity,
];
