import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { checkGoodsSale, type SalesImportResult, type SalesImportRowError } from '@huanxin/shared';
import { AuditService } from '../../audit/audit.service';
import { Clock } from '../../common/clock';
import { AdmissionGate } from '../../common/http/admission';
import type { AuthUser } from '../../common/http/request-context';
import { ProductsRepository } from '../products.repository';
import { SaleRowsError } from '../sales/sale-errors';
import { GoodsSaleDto } from '../sales/sales.dto';
import { SalesService } from '../sales/sales.service';
import { readImportFile } from './import-file';
import { templateCsv, templateXlsx, type ImportTemplateFormat } from './import-template';
import { importFailed, validateSaleRows } from './sale-rows';

/**
 * Imports at once per process. One holds up to the 20 MB upload and the 64 MB an XLSX may inflate
 * to, so a few at a time keep a replica's memory bounded; the next waits up to the queue's limit,
 * then gets 503 with Retry-After (common/http/admission.ts).
 */
const IMPORT_ADMISSION = { maxInFlight: 2, queueLength: 4, queueTimeoutMs: 20_000 };

/**
 * The bulk import of goods sale records: the file read and checked row by row (parsers, limits
 * and rules in this folder), then every row recorded by `SalesService.recordGoodsMany` in one
 * transaction, all or none; a row it refuses (a duplicate serial, a price above the filed one) is
 * reported at its file line. One audit row per import, with the count and the file's hash.
 */
@Injectable()
export class SalesImportService {
  private readonly gate = new AdmissionGate(IMPORT_ADMISSION);

  constructor(
    private readonly sales: SalesService,
    private readonly products: ProductsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async template(caller: AuthUser, format: ImportTemplateFormat): Promise<Buffer> {
    if (format === 'csv') return templateCsv();
    return templateXlsx(await this.products.listOwn(caller.organizationId!));
  }

  async import(caller: AuthUser, upload: () => Promise<Buffer>): Promise<SalesImportResult> {
    const release = await this.gate.acquire();
    try {
      const content = await upload();
      const { kind, sheet } = await readImportFile(content);
      const today = this.clock.today();
      const { inputs, lines } = await validateSaleRows(sheet, GoodsSaleDto, (input) => {
        const checked = checkGoodsSale(input, { today });
        return checked.ok ? {} : checked.fields;
      });
      try {
        await this.sales.recordGoodsMany(caller, inputs);
      } catch (error) {
        if (!(error instanceof SaleRowsError)) throw error;
        throw importFailed(
          error.rows.map((row): SalesImportRowError => ({
            line: lines[row.index] ?? 0,
            field: row.field,
            code: row.code,
          })),
        );
      }
      await this.audit.record({
        action: 'dealer_sale.imported',
        result: 'success',
        objectType: 'organization',
        objectId: caller.organizationId!,
        detail: {
          count: inputs.length,
          format: kind,
          bytes: content.length,
          sha256: createHash('sha256').update(content).digest('hex'),
        },
      });
      return { created: inputs.length, errors: [] };
    } finally {
      release();
    }
  }
}
