import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { maskIdNumber, type ProgramDefinition } from '@huanxin/shared';
import type { DataSource } from 'typeorm';
import { PiiCipher } from '../../common/crypto/pii-cipher';
import { maskText } from '../../common/logging/redact';
import type { DealerSaleRecord } from '../../dealers/sales/sales.repository';
import { SalesRepository } from '../../dealers/sales/sales.repository';
import type { MatrixCase, MatrixSourceProvider, MatrixValue } from './matrix-source';

/** The buyer's ID number column's encryption context (SalesService binds it as additional data). */
const BUYER_ID_FIELD = 'dealer_sale.buyer_id_number';

/** Which fact of the claim each of the sale's columns answers, for goods and for cars. */
const GOODS: readonly [string, (sale: DealerSaleRecord) => string | number | null][] = [
  ['item.invoiceNo', (sale) => sale.invoiceNo],
  ['item.invoiceDate', (sale) => sale.invoiceDate],
  ['item.serialNo', (sale) => sale.serialNo],
  ['item.priceFen', (sale) => sale.priceFen],
  ['item.dealerUscc', (sale) => sale.organizationUscc],
];
const CARS: readonly [string, (sale: DealerSaleRecord) => string | number | null][] = [
  ['newVehicle.vin', (sale) => sale.vin],
  ['newVehicle.invoiceNo', (sale) => sale.invoiceNo],
  ['newVehicle.invoiceDate', (sale) => sale.invoiceDate],
  ['newVehicle.priceFen', (sale) => sale.priceFen],
];

/** The claim's own fields a dealer sale speaks to: the new car's for car programs, the item's for goods. */
function saleFields(definition: ProgramDefinition) {
  const has = (path: string) => definition.factFields.some((field) => field.path === path);
  if (has('newVehicle.vin')) return CARS.filter(([path]) => has(path));
  if (has('item.invoiceNo')) return GOODS.filter(([path]) => has(path));
  return [];
}

/**
 * The dealer's record of the sale behind the claim (operations.md §3, §4), matched by
 * `SalesRepository.salesForApplications` (the sale that created it, else invoice number, serial,
 * new VIN): goods' invoice number and date, serial, price and the seller's credit code; cars' new
 * VIN, invoice number and date, price; and the buyer (masked, compared by the ID's blind index as
 * the claim source does). No sale on record: the fields are `null` here (`insufficient`).
 */
@Injectable()
export class DealerSaleMatrixSource implements MatrixSourceProvider {
  readonly source = 'dealer_sale' as const;

  constructor(
    private readonly sales: SalesRepository,
    private readonly cipher: PiiCipher,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async values({ application, definition }: MatrixCase): Promise<MatrixValue[]> {
    const fields = saleFields(definition);
    if (fields.length === 0) return [];
    const sale = (await this.sales.salesForApplications(this.dataSource.manager, [application.id])).get(
      application.id,
    );
    if (!sale)
      return [
        ...fields.map(([field]) => ({ field, value: null })),
        { field: 'applicant.idNumber', value: null },
      ];
    const values: MatrixValue[] = fields.map(([field, read]) => {
      const value = read(sale);
      return typeof value === 'string'
        ? { field, value: maskText(value), compareAs: value }
        : { field, value };
    });
    values.push({
      field: 'applicant.idNumber',
      value: maskIdNumber(this.cipher.decrypt(sale.buyerIdNumberEnc, BUYER_ID_FIELD)),
      compareAs: sale.buyerIdNumberBidx,
    });
    return values;
  }
}
