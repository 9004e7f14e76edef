import { Module } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import { ProgramsModule } from '../programs/programs.module';
import { DocumentsController } from './documents.controller';
import { DocumentsRepository } from './documents.repository';
import { DocumentsService } from './documents.service';
import { createDocumentStorage, DocumentStorage } from './storage';

/**
 * A claim's documents. Reads the claim through its own queries (not the applications domain), so
 * applications can later depend on documents without a cycle; the audit service is global.
 */
@Module({
  imports: [ProgramsModule],
  controllers: [DocumentsController],
  providers: [
    DocumentsRepository,
    DocumentsService,
    { provide: DocumentStorage, useFactory: createDocumentStorage, inject: [APP_CONFIG] },
  ],
  exports: [DocumentsService, DocumentStorage],
})
export class DocumentsModule {}
