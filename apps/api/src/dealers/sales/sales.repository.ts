import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type ApplicationStatus,
  type DealerSaleStatus,
  normalizeIdentifier,
  normalizeSerialNo,
  type ProgramDefinition,
} from '@huanxin/shared';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { readPath } from '../../eligibility/server-evaluator';
import { ProductEntity } from '../product.entity';
import { DealerSaleEntity } from './dealer-sale.entity';

/** A row to insert: every column but the generated ones. */
export type NewDealerSale = Omit<
  DealerSaleEntity,
  | 'id'
  | 'createdAt'
  | 'status'
  | 'organization'
  | 'recorder'
  | 'product'
  | 'application'
  | 'returnedOn'
  | 'returnReason'
  | 'returnOutcome'
  | 'returnedAt'
>;

/** How a sale was matched to a claim, strongest first. */
export type SaleMatch = 'application' | 'invoiceNo' | 'serialNo' | 'vin';

/**
 * The dealer sale that backs a claim, for the review matrix and the risk rules: the row (personal
 * data still encrypted, blind indexes as stored), the selling organisation's credit code (claims
 * name it as `item.dealerUscc`) and how the match was made.
 */
export interface DealerSaleRecord extends DealerSaleEntity {
  organizationUscc: string;
  matchedBy: SaleMatch;
}

/** The claim listed beside a sale. */
export interface SaleClaim {
  id: string;
  code: string;
  status: ApplicationStatus;
}

/** Rows per INSERT: 34 columns × 1,000 rows stays well under PostgreSQL's 65,535 parameters. */
const INSERT_CHUNK = 1000;

/** The claim keys (program definitions' `claimKeys` names) a dealer sale is matched by. */
const KEY_INVOICE = 'invoiceNo';
const KEY_SERIAL = 'serialNo';
const KEY_NEW_VIN = 'newVin';

/** The claim's category fact (goods programs), to prefer a same-category sale for a serial. */
const CATEGORY_PATH = 'item.category';

/** Named dealer-sale queries; reads of a dealer's own sales are always scoped by its organisation. */
@Injectable()
export class SalesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Inserts the rows in batches of INSERT_CHUNK (one statement each), in order; the ids in the
   * rows' order. A unique violation throws (the caller maps its constraint to a code).
   */
  async insertMany(manager: EntityManager, rows: readonly NewDealerSale[]): Promise<string[]> {
    const ids: string[] = [];
    for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
      const chunk = rows.slice(start, start + INSERT_CHUNK);
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(DealerSaleEntity)
        .values(chunk)
        .returning(['id'])
        .updateEntity(false)
        .execute();
      for (const row of inserted.raw as { id: string }[]) ids.push(row.id);
    }
    return ids;
  }

  /** The organisation's products among `ids` (another organisation's ids are simply absent). */
  async ownProducts(organizationId: string, ids: readonly string[]): Promise<Map<string, ProductEntity>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(ProductEntity)
      .findBy({ organizationId, id: In([...new Set(ids)]) });
    return new Map(rows.map((row) => [row.id, row]));
  }

  /**
   * Which of these keys are recorded already (any organisation): serials as `serial\u0000category`,
   * the others as their values. One statement per kind of key, each on its unique index.
   */
  async existingKeys(
    keys: {
      serials: readonly { serialNo: string; category: string }[];
      imeis: readonly string[];
      invoices: readonly string[];
      vins: readonly string[];
    },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ serials: Set<string>; imeis: Set<string>; invoices: Set<string>; vins: Set<string> }> {
    const column = async (name: 'imei' | 'invoice_no' | 'vin', values: readonly string[]) => {
      if (values.length === 0) return new Set<string>();
      const rows = (await manager.query(
        `SELECT ${name} AS value FROM dealer_sale WHERE ${name} = ANY($1::text[])`,
        [[...new Set(values)]],
      )) as { value: string }[];
      return new Set(rows.map((row) => row.value));
    };
    let serials = new Set<string>();
    if (keys.serials.length > 0) {
      const rows = (await manager.query(
        `SELECT s.serial_no, s.category FROM dealer_sale s
           JOIN unnest($1::text[], $2::text[]) AS k(serial_no, category)
             ON s.serial_no = k.serial_no AND s.category = k.category`,
        [keys.serials.map((key) => key.serialNo), keys.serials.map((key) => key.category)],
      )) as { serial_no: string; category: string }[];
      serials = new Set(rows.map((row) => serialKey(row.serial_no, row.category)));
    }
    return {
      serials,
      imeis: await column('imei', keys.imeis),
      invoices: await column('invoice_no', keys.invoices),
      vins: await column('vin', keys.vins),
    };
  }

  /**
   * The dealer sale that backs each claim (operations.md §7, the review matrix's `dealer_sale`
   * source). A claim is matched, in this order, by
   * 1. the sale that created it (a point-of-sale claim, `dealer_sale.application_id`);
   * 2. its invoice number (claims' `invoiceNo` key: `item.invoiceNo`, `newVehicle.invoiceNo`);
   * 3. its serial number (`serialNo`), a sale of the claim's category first;
   * 4. its new car's VIN (`newVin`).
   * The invoice decides before the serial and VIN so a sale whose invoice agrees but whose serial
   * or VIN does not is still returned: the matrix shows that as a `conflict`, not as `insufficient`.
   * Values are compared normalised as `normalizeIdentifier` does (the stored form of a sale's
   * identifiers; claims' facts are normalised by their fact validators, serials only trimmed).
   * Claims without a match are absent from the map. Two statements whatever the number of claims.
   */
  async salesForApplications(
    manager: EntityManager,
    applicationIds: readonly string[],
  ): Promise<Map<string, DealerSaleRecord>> {
    const result = new Map<string, DealerSaleRecord>();
    if (applicationIds.length === 0) return result;
    const claims = (await manager.query(
      `SELECT a.id, a.facts, v.definition FROM application a
         JOIN program_version v ON v.id = a.program_version_id
        WHERE a.id = ANY($1::uuid[])`,
      [[...new Set(applicationIds)]],
    )) as { id: string; facts: Record<string, unknown>; definition: ProgramDefinition }[];
    const wanted = claims.map((claim) => ({
      id: claim.id,
      invoiceNo: keyValue(claim, KEY_INVOICE),
      serialNo: keyValue(claim, KEY_SERIAL, normalizeSerialNo),
      vin: keyValue(claim, KEY_NEW_VIN),
      category: readPath(claim.facts, CATEGORY_PATH),
    }));
    const values = (pick: (claim: (typeof wanted)[number]) => string | null) => [
      ...new Set(wanted.map(pick).filter((value): value is string => value !== null)),
    ];
    const rows = (await manager.query(
      `SELECT s.id, o.uscc FROM dealer_sale s JOIN organization o ON o.id = s.organization_id
        WHERE s.application_id = ANY($1::uuid[]) OR s.invoice_no = ANY($2::text[])
           OR s.serial_no = ANY($3::text[]) OR s.vin = ANY($4::text[])`,
      [
        wanted.map((claim) => claim.id),
        values((c) => c.invoiceNo),
        values((c) => c.serialNo),
        values((c) => c.vin),
      ],
    )) as { id: string; uscc: string }[];
    if (rows.length === 0) return result;
    const usccs = new Map(rows.map((row) => [row.id, row.uscc]));
    const sales = await manager.getRepository(DealerSaleEntity).findBy({ id: In([...usccs.keys()]) });
    const record = (sale: DealerSaleEntity, matchedBy: SaleMatch): DealerSaleRecord =>
      Object.assign(sale, { organizationUscc: usccs.get(sale.id)!, matchedBy });
    for (const claim of wanted) {
      const byApplication = sales.find((sale) => sale.applicationId === claim.id);
      const byInvoice = claim.invoiceNo && sales.find((sale) => sale.invoiceNo === claim.invoiceNo);
      const bySerial =
        claim.serialNo &&
        (sales.find((sale) => sale.serialNo === claim.serialNo && sale.category === claim.category) ??
          sales.find((sale) => sale.serialNo === claim.serialNo));
      const byVin = claim.vin && sales.find((sale) => sale.vin === claim.vin);
      const match: [DealerSaleEntity | undefined | null | '', SaleMatch][] = [
        [byApplication, 'application'],
        [byInvoice, 'invoiceNo'],
        [bySerial, 'serialNo'],
        [byVin, 'vin'],
      ];
      const found = match.find(([sale]) => sale);
      if (found) result.set(claim.id, record({ ...(found[0] as DealerSaleEntity) }, found[1]));
    }
    return result;
  }

  /** The organisation's sales, newest first, one page, and how many there are. */
  async listOwn(
    organizationId: string,
    filter: { status?: DealerSaleStatus; page: number; pageSize: number },
  ): Promise<{ rows: DealerSaleEntity[]; total: number }> {
    const [rows, total] = await this.dataSource.getRepository(DealerSaleEntity).findAndCount({
      where: { organizationId, ...(filter.status && { status: filter.status }) },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: (filter.page - 1) * filter.pageSize,
      take: filter.pageSize,
    });
    return { rows, total };
  }

  /**
   * The claim beside each sale: the one it created (point of sale), else a live claim holding the
   * sale's invoice number, serial or new VIN as a claim key (`claim_key` rows exist from submit
   * until a claim is released; a rejected or withdrawn claim is no longer shown). A claim that
   * names another seller (`item.dealerUscc`) is not shown: a dealer learns nothing about a claim
   * on another shop's invoice by recording its number. (The review matrix, which wants exactly
   * that conflict, reads `salesForApplications`.) Keys are compared as stored, on claim_key's
   * index: invoice numbers and VINs are normalised alike on both sides; a claim's serial is only
   * trimmed, so it matches here when written as the sale stores it (`salesForApplications`
   * normalises the claim's serial and finds it either way).
   */
  async claimsForSales(sales: readonly DealerSaleEntity[]): Promise<Map<string, SaleClaim>> {
    const result = new Map<string, SaleClaim>();
    if (sales.length === 0) return result;
    const rows = (await this.dataSource.query(
      `SELECT s.id AS sale_id, a.id, a.code, a.status,
              CASE WHEN a.id = s.application_id THEN 0 WHEN k.name = 'invoiceNo' THEN 1 ELSE 2 END AS rank
         FROM dealer_sale s
         JOIN LATERAL (
           SELECT application_id AS id, name FROM claim_key
            WHERE (name = 'invoiceNo' AND value = s.invoice_no)
               OR (name = 'serialNo' AND value = s.serial_no)
               OR (name = 'newVin' AND value = s.vin)
           UNION ALL SELECT s.application_id, 'application' WHERE s.application_id IS NOT NULL
         ) k ON true
         JOIN application a ON a.id = k.id
         JOIN organization o ON o.id = s.organization_id
        WHERE s.id = ANY($1::uuid[])
          AND (a.id = s.application_id OR coalesce(a.facts #>> '{item,dealerUscc}', o.uscc) = o.uscc)
        ORDER BY rank, a.created_at DESC`,
      [sales.map((sale) => sale.id)],
    )) as { sale_id: string; id: string; code: string; status: ApplicationStatus }[];
    for (const row of rows)
      if (!result.has(row.sale_id))
        result.set(row.sale_id, { id: row.id, code: row.code, status: row.status });
    return result;
  }
}

/** The key `serials` of `existingKeys` answers with. */
export function serialKey(serialNo: string, category: string): string {
  return `${serialNo}\u0000${category}`;
}

/** A claim's key value by the definition's key name, normalised as sales store identifiers. */
function keyValue(
  claim: { facts: Record<string, unknown>; definition: ProgramDefinition },
  name: string,
  normalize: (value: string) => string = normalizeIdentifier,
): string | null {
  const key = claim.definition.claimKeys.find((candidate) => candidate.name === name);
  if (!key) return null;
  const value = readPath(claim.facts, key.path);
  if (typeof value !== 'string') return null;
  const normalized = normalize(value);
  return normalized === '' ? null : normalized;
}
