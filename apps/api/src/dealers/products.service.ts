import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  FieldErrorCode,
  FILED_PRICE_RAISE_RULE,
  isFlaggedPriceRaise,
  priceRaiseBasisPoints,
  type ProductView,
  validateGtin13,
} from '@huanxin/shared';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { DomainError, validationFailed } from '../common/errors/domain-error';
import type { AuthUser } from '../common/http/request-context';
import { ProgramsRepository } from '../programs/programs.repository';
import type { CreateProductDto, UpdateProductPriceDto } from './dealers.dto';
import { OrganizationsRepository } from './organizations.repository';
import type { ProductEntity, ProductPriceEntity } from './product.entity';
import { ProductsRepository } from './products.repository';

const DAY_MS = 86_400_000;
const notFound = () => new DomainError(ErrorCode.PRODUCT_NOT_FOUND, 'No such product');

/** Car programs have no product register: their goods are vehicles, identified by VIN. */
const isGoodsProgram = (kind: string) => !kind.startsWith('car');

/**
 * The product register (operations.md §2): SKUs per organisation and goods program with their filed
 * price, every price kept. A raise more than 10 % above the lowest price in force during the 90 days
 * before it is flagged on its history row (the "raise before the discount" signal for later claims).
 */
@Injectable()
export class ProductsService {
  constructor(
    private readonly products: ProductsRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly programs: ProgramsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(caller: AuthUser): Promise<ProductView[]> {
    const rows = await this.products.listOwn(caller.organizationId!);
    const histories = await this.products.histories(rows.map((row) => row.id));
    const now = this.clock.now();
    return rows.map((row) => this.view(row, histories.get(row.id) ?? [], now));
  }

  async create(caller: AuthUser, input: CreateProductDto): Promise<ProductView> {
    const organizationId = caller.organizationId!;
    await this.checkProgram(organizationId, input);
    const now = this.clock.now();
    const barcode = validateGtin13(input.barcode).value;
    const { product, history } = await this.products.transaction(async (manager) => {
      const product = await this.products.insert(
        {
          organizationId,
          programCode: input.programCode,
          category: input.category,
          barcode,
          brand: input.brand.trim(),
          model: input.model.trim(),
          efficiencyGrade: input.efficiencyGrade ?? null,
          filedPriceFen: input.filedPriceFen,
        },
        manager,
      );
      if (!product)
        throw new DomainError(ErrorCode.DUPLICATE_PRODUCT, 'This barcode is filed for this program already', {
          fields: { barcode: ErrorCode.DUPLICATE_PRODUCT },
        });
      const first = {
        productId: product.id,
        priceFen: input.filedPriceFen,
        baselineFen: null,
        raiseBasisPoints: 0,
        flagged: false,
        changedBy: caller.id,
        effectiveAt: now,
      };
      await this.products.insertPrice(first, manager);
      await this.audit.record(
        {
          action: 'product.created',
          result: 'success',
          objectType: 'product',
          objectId: product.id,
          detail: { programCode: input.programCode, filedPriceFen: input.filedPriceFen },
        },
        manager,
      );
      return { product, history: [first as ProductPriceEntity] };
    });
    return this.view(product, history, now);
  }

  async changePrice(caller: AuthUser, id: string, input: UpdateProductPriceDto): Promise<ProductView> {
    const organizationId = caller.organizationId!;
    const now = this.clock.now();
    const windowStart = new Date(now.getTime() - FILED_PRICE_RAISE_RULE.windowDays * DAY_MS);
    await this.products.transaction(async (manager) => {
      const product = await this.products.lockOwn(id, organizationId, manager);
      if (!product) throw notFound();
      if (product.filedPriceFen === input.filedPriceFen) return;
      const baseline =
        (await this.products.lowestPriceSince(id, windowStart, manager)) ?? product.filedPriceFen;
      const flagged = isFlaggedPriceRaise(baseline, input.filedPriceFen);
      await this.products.insertPrice(
        {
          productId: id,
          priceFen: input.filedPriceFen,
          baselineFen: baseline,
          raiseBasisPoints: priceRaiseBasisPoints(baseline, input.filedPriceFen),
          flagged,
          changedBy: caller.id,
          effectiveAt: now,
        },
        manager,
      );
      await this.products.setFiledPrice(id, input.filedPriceFen, now, manager);
      await this.audit.record(
        {
          action: 'product.price_changed',
          result: 'success',
          objectType: 'product',
          objectId: id,
          detail: {
            fromFen: product.filedPriceFen,
            toFen: input.filedPriceFen,
            baselineFen: baseline,
            flagged,
          },
        },
        manager,
      );
    });
    const product = (await this.products.findOwn(id, organizationId))!;
    const histories = await this.products.histories([id]);
    return this.view(product, histories.get(id) ?? [], now);
  }

  /** The program must be a published goods program the organisation joined; category and grade as it defines. */
  private async checkProgram(organizationId: string, input: CreateProductDto): Promise<void> {
    const program = await this.programs.findCurrentByCode(input.programCode);
    if (!program || !isGoodsProgram(program.definition.kind))
      throw validationFailed({ programCode: FieldErrorCode.NOT_IN_OPTIONS });
    const organization = await this.organizations.findById(organizationId);
    if (!organization?.programs.includes(input.programCode))
      throw validationFailed({ programCode: FieldErrorCode.PROGRAM_NOT_JOINED });
    const fields = program.definition.factFields;
    const category = fields.find((field) => field.path === 'item.category');
    const options = category?.options ?? [];
    if (options.length > 0 && !options.some((option) => option.value === input.category))
      throw validationFailed({ category: FieldErrorCode.NOT_IN_OPTIONS });
    const grade = fields.some((field) => field.path === 'item.efficiencyGrade');
    if (grade && (input.efficiencyGrade === undefined || input.efficiencyGrade === null))
      throw validationFailed({ efficiencyGrade: FieldErrorCode.REQUIRED });
  }

  private view(product: ProductEntity, history: ProductPriceEntity[], now: Date): ProductView {
    const windowStart = now.getTime() - FILED_PRICE_RAISE_RULE.windowDays * DAY_MS;
    return {
      id: product.id,
      programCode: product.programCode,
      category: product.category,
      barcode: product.barcode,
      brand: product.brand,
      model: product.model,
      efficiencyGrade: product.efficiencyGrade,
      filedPriceFen: product.filedPriceFen,
      priceRaiseFlagged: history.some((row) => row.flagged && row.effectiveAt.getTime() > windowStart),
      priceHistory: history.map((row) => ({
        priceFen: row.priceFen,
        effectiveAt: row.effectiveAt.toISOString(),
        baselineFen: row.baselineFen,
        flagged: row.flagged,
      })),
      createdAt: product.createdAt.toISOString(),
      updatedAt: product.updatedAt.toISOString(),
    };
  }
}
