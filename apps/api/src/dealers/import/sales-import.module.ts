import { Module } from '@nestjs/common';
import { DealersModule } from '../dealers.module';
import { SalesModule } from '../sales/sales.module';
import { SalesImportController } from './sales-import.controller';
import { SalesImportService } from './sales-import.service';

/**
 * Bulk import of goods sale records (issue 13): the template and the import routes. The rows are
 * written by the sales service, in one transaction.
 */
@Module({
  imports: [DealersModule, SalesModule],
  controllers: [SalesImportController],
  providers: [SalesImportService],
})
export class SalesImportModule {}
