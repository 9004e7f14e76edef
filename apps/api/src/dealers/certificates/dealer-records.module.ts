import { Module } from '@nestjs/common';
import { DocumentsModule } from '../../documents/documents.module';
import { ProgramsModule } from '../../programs/programs.module';
import { DealersModule } from '../dealers.module';
import {
  AdminOrganizationDocumentsController,
  DealerDocumentsController,
  DealerRecordsController,
} from './dealer-records.controller';
import { DealerRecordsRepository } from './dealer-records.repository';
import { DealerRecordsService } from './dealer-records.service';
import { OrganizationDocumentsService } from './organization-documents.service';

/**
 * Dismantlers' certificates, recyclers' receipts and registration documents (issue 13). The
 * repository is exported for the review matrix's sources and the risk rules, which read the
 * records by number.
 */
@Module({
  imports: [DealersModule, DocumentsModule, ProgramsModule],
  controllers: [DealerRecordsController, DealerDocumentsController, AdminOrganizationDocumentsController],
  providers: [DealerRecordsRepository, DealerRecordsService, OrganizationDocumentsService],
  exports: [DealerRecordsRepository],
})
export class DealerRecordsModule {}
