import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { DealerRecordsModule } from '../dealers/certificates/dealer-records.module';
import { SalesModule } from '../dealers/sales/sales.module';
import { DocumentsModule } from '../documents/documents.module';
import { ProgramsModule } from '../programs/programs.module';
import { CertificateMatrixSource } from './matrix/certificate.source';
import { ClaimMatrixSource } from './matrix/claim.source';
import { DealerSaleMatrixSource } from './matrix/dealer-sale.source';
import type { MatrixSourceProvider } from './matrix/matrix-source';
import { MatrixRegistry } from './matrix/matrix.registry';
import { ProfileMatrixSource } from './matrix/profile.source';
import { RecyclingReceiptMatrixSource } from './matrix/recycling-receipt.source';
import { ReviewCaseService } from './review-case.service';
import { ReviewDecisionService } from './review-decision.service';
import { ReviewLeaseService } from './review-lease.service';
import { ReviewQueueService } from './review-queue.service';
import { ReviewController } from './review.controller';
import { ReviewRepository } from './review.repository';

/**
 * The field matrix's sources, in the order their values are shown: the resident's claim and
 * profile, then the dealers' records (the dealer's sale, the dismantler's certificate, the
 * recycler's receipt). A new source is one class and one line here.
 */
const MATRIX_SOURCES = [
  ClaimMatrixSource,
  ProfileMatrixSource,
  DealerSaleMatrixSource,
  CertificateMatrixSource,
  RecyclingReceiptMatrixSource,
];

/** The review workbench (issue 11): queue, leases, the case screen, four-eyes decisions. */
@Module({
  imports: [ApplicationsModule, ProgramsModule, DocumentsModule, DealerRecordsModule, SalesModule],
  controllers: [ReviewController],
  providers: [
    ReviewRepository,
    ReviewQueueService,
    ReviewLeaseService,
    ReviewCaseService,
    ReviewDecisionService,
    ...MATRIX_SOURCES,
    {
      provide: MatrixRegistry,
      useFactory: (...sources: MatrixSourceProvider[]) => new MatrixRegistry(sources),
      inject: MATRIX_SOURCES,
    },
  ],
  exports: [ReviewRepository, MatrixRegistry],
})
export class ReviewModule {}
