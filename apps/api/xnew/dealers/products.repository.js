"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ProductsRepository = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const product_entity_1 = require("./product.entity");
const DAY_MS = 86_400_000;
/** Named product-register queries; always scoped by the caller's organisation. */
let ProductsRepository = class ProductsRepository {
    constructor(dataSource) {
        this.dataSource = dataSource;
    }
    transaction(work) {
        return this.dataSource.transaction(work);
    }
    /** A new product, or null when the organisation filed this barcode for this program already. */
    async insert(product, manager) {
        const inserted = await manager
            .createQueryBuilder()
            .insert()
            .into(product_entity_1.ProductEntity)
            .values(product)
            .orIgnore()
            .returning(['id'])
            .execute();
        const id = inserted.raw[0]?.id;
        return id ? manager.getRepository(product_entity_1.ProductEntity).findOneByOrFail({ id }) : null;
    }
    /** The organisation's product, locked for a price change; null for another organisation's id. */
    lockOwn(id, organizationId, manager) {
        return manager
            .getRepository(product_entity_1.ProductEntity)
            .createQueryBuilder('p')
            .setLock('pessimistic_write')
            .where('p.id = :id AND p.organization_id = :organizationId', { id, organizationId })
            .getOne();
    }
    /**
     * The lowest price in force at any moment of the window: the prices filed since `since` and the
     * one in force when the window opened (the last filed before it).
     */
    async lowestPriceSince(productId, since, manager) {
        const [row] = (await manager.query(`SELECT min(price_fen)::text AS lowest FROM dealer_product_price
        WHERE product_id = $1
          AND (effective_at >= $2 OR id = (SELECT id FROM dealer_product_price
                                             WHERE product_id = $1 AND effective_at < $2
                                             ORDER BY effective_at DESC LIMIT 1))`, [productId, since]));
        return row?.lowest == null ? null : Number(row.lowest);
    }
    async insertPrice(price, manager) {
        await manager.getRepository(product_entity_1.ProductPriceEntity).insert(price);
    }
    async setFiledPrice(id, filedPriceFen, at, manager) {
        await manager.getRepository(product_entity_1.ProductEntity).update({ id }, { filedPriceFen, updatedAt: at });
    }
    listOwn(organizationId) {
        return this.dataSource.getRepository(product_entity_1.ProductEntity).find({
            where: { organizationId },
            order: { createdAt: 'ASC' },
        });
    }
    findOwn(id, organizationId) {
        return this.dataSource.getRepository(product_entity_1.ProductEntity).findOneBy({ id, organizationId });
    }
    /** Price histories of these products, oldest first. */
    async histories(productIds) {
        const byProduct = new Map(productIds.map((id) => [id, []]));
        if (productIds.length === 0)
            return byProduct;
        const rows = await this.dataSource.getRepository(product_entity_1.ProductPriceEntity).find({
            where: { productId: (0, typeorm_2.In)(productIds) },
            order: { effectiveAt: 'ASC' },
        });
        for (const row of rows)
            byProduct.get(row.productId)?.push(row);
        return byProduct;
    }
    /**
     * The review signal for a later claim: the flagged raises of this product in the `windowDays`
     * before the sale (newest first). The sale-records slice calls this; empty when the price was not
     * raised before the discount.
     */
    flaggedRaisesBefore(productId, saleAt, windowDays) {
        return this.dataSource
            .getRepository(product_entity_1.ProductPriceEntity)
            .createQueryBuilder('pp')
            .where('pp.product_id = :productId AND pp.flagged', { productId })
            .andWhere('pp.effective_at > :from AND pp.effective_at <= :to', {
            from: new Date(saleAt.getTime() - windowDays * DAY_MS),
            to: saleAt,
        })
            .orderBy('pp.effective_at', 'DESC')
            .getMany();
    }
};
exports.ProductsRepository = ProductsRepository;
exports.ProductsRepository = ProductsRepository = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectDataSource)()),
    __metadata("design:paramtypes", [Function])
], ProductsRepository);
//# sourceMappingURL=products.repository.js.map