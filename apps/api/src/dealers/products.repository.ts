import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { ProductEntity, ProductPriceEntity } from './product.entity';

const DAY_MS = 86_400_000;

/** Named product-register queries; always scoped by the caller's organisation. */
@Injectable()
export class ProductsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** A new product, or null when the organisation filed this barcode for this program already. */
  async insert(
    product: Pick<
      ProductEntity,
      | 'organizationId'
      | 'programCode'
      | 'category'
      | 'barcode'
      | 'brand'
      | 'model'
      | 'efficiencyGrade'
      | 'filedPriceFen'
    >,
    manager: EntityManager,
  ): Promise<ProductEntity | null> {
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(ProductEntity)
      .values(product)
      .orIgnore()
      .returning(['id'])
      .execute();
    const id = (inserted.raw as { id: string }[])[0]?.id;
    return id ? manager.getRepository(ProductEntity).findOneByOrFail({ id }) : null;
  }

  /** The organisation's product, locked for a price change; null for another organisation's id. */
  lockOwn(id: string, organizationId: string, manager: EntityManager): Promise<ProductEntity | null> {
    return manager
      .getRepository(ProductEntity)
      .createQueryBuilder('p')
      .setLock('pessimistic_write')
      .where('p.id = :id AND p.organization_id = :organizationId', { id, organizationId })
      .getOne();
  }

  /**
   * The lowest price in force at any moment of the window: the prices filed since `since` and the
   * one in force when the window opened (the last filed before it).
   */
  async lowestPriceSince(productId: string, since: Date, manager: EntityManager): Promise<number | null> {
    const [row] = (await manager.query(
      `SELECT min(price_fen)::text AS lowest FROM dealer_product_price
        WHERE product_id = $1
          AND (effective_at >= $2 OR id = (SELECT id FROM dealer_product_price
                                             WHERE product_id = $1 AND effective_at < $2
                                             ORDER BY effective_at DESC LIMIT 1))`,
      [productId, since],
    )) as { lowest: string | null }[];
    return row?.lowest == null ? null : Number(row.lowest);
  }

  async insertPrice(
    price: Pick<
      ProductPriceEntity,
      'productId' | 'priceFen' | 'baselineFen' | 'raiseBasisPoints' | 'flagged' | 'changedBy' | 'effectiveAt'
    >,
    manager: EntityManager,
  ): Promise<void> {
    await manager.getRepository(ProductPriceEntity).insert(price);
  }

  async setFiledPrice(id: string, filedPriceFen: number, at: Date, manager: EntityManager): Promise<void> {
    await manager.getRepository(ProductEntity).update({ id }, { filedPriceFen, updatedAt: at });
  }

  listOwn(organizationId: string): Promise<ProductEntity[]> {
    return this.dataSource.getRepository(ProductEntity).find({
      where: { organizationId },
      order: { createdAt: 'ASC' },
    });
  }

  findOwn(id: string, organizationId: string): Promise<ProductEntity | null> {
    return this.dataSource.getRepository(ProductEntity).findOneBy({ id, organizationId });
  }

  /** Price histories of these products, oldest first. */
  async histories(productIds: string[]): Promise<Map<string, ProductPriceEntity[]>> {
    const byProduct = new Map<string, ProductPriceEntity[]>(productIds.map((id) => [id, []]));
    if (productIds.length === 0) return byProduct;
    const rows = await this.dataSource.getRepository(ProductPriceEntity).find({
      where: { productId: In(productIds) },
      order: { effectiveAt: 'ASC' },
    });
    for (const row of rows) byProduct.get(row.productId)?.push(row);
    return byProduct;
  }

  /**
   * The review signal for a later claim: the flagged raises of this product in the `windowDays`
   * before the sale (newest first). The sale-records slice calls this; empty when the price was not
   * raised before the discount.
   */
  flaggedRaisesBefore(productId: string, saleAt: Date, windowDays: number): Promise<ProductPriceEntity[]> {
    return this.dataSource
      .getRepository(ProductPriceEntity)
      .createQueryBuilder('pp')
      .where('pp.product_id = :productId AND pp.flagged', { productId })
      .andWhere('pp.effective_at > :from AND pp.effective_at <= :to', {
        from: new Date(saleAt.getTime() - windowDays * DAY_MS),
        to: saleAt,
      })
      .orderBy('pp.effective_at', 'DESC')
      .getMany();
  }
}
