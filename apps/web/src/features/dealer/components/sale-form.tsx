import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Checkbox, Result } from 'antd';
import { CheckCircleOutlined, WarningOutlined } from '@ant-design/icons';
import {
  categoryNeedsImei,
  formatFen,
  normalizeIdentifier,
  todayInShanghai,
  validateImei,
  validateInvoiceNo,
  validateResidentId,
  validateUscc,
  validateVin,
  type ProgramDefinition,
  type ProductView,
} from '@huanxin/shared';
import { useForm, useWatch, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Form, FormAlert, FormField, FormSection, SubmitButton } from '@/components/ui/form';
import { NativeSelect } from '@/components/ui/native-select';
import {
  BuyerSection,
  CODE,
  DeliverySection,
  InvoiceFields,
  MONEY,
  OldItemSection,
  TextField,
  useFieldMessage,
} from './sale-fields';
import {
  useCreateSale,
  type CarSaleRequest,
  type DealerSaleResult,
  type GoodsSaleRequest,
} from '../api/sales';
import { yuanToFen } from '../lib/rules';
import {
  CAR_CODE_FIELDS,
  carFieldOf,
  checkAmounts,
  estimateSubsidy,
  fenOrZero,
  GOODS_CODE_FIELDS,
  goodsFieldOf,
  priceRule,
  saleRules,
  yuanRule,
  type AmountsCheck,
} from '../lib/sale-rules';

/** A program the organisation may record sales for, with the definition the subsidy estimate runs. */
export interface SaleProgramChoice {
  code: string;
  title: string;
  kind: string;
  definition?: ProgramDefinition;
  categories: { value: string; label: string }[];
}

/** "paid + subsidy + other = invoice total", live; a mismatch says by how much. */
export function AmountsLine({ check, subsidyFen }: { check: AmountsCheck; subsidyFen: number | null }) {
  const { t } = useTranslation('dealer');
  if (check.state === 'incomplete')
    return (
      <p className="hx-note" data-testid="amounts-check" data-state="incomplete">
        {subsidyFen === null ? t('sale.amounts.noEstimate') : t('sale.amounts.incomplete')}
      </p>
    );
  if (check.state === 'ok')
    return (
      <Alert
        type="success"
        showIcon
        icon={<CheckCircleOutlined aria-hidden />}
        data-testid="amounts-check"
        data-state="ok"
        title={t('sale.amounts.ok', { total: formatFen(check.totalFen) })}
      />
    );
  return (
    <Alert
      type="warning"
      showIcon
      icon={<WarningOutlined aria-hidden />}
      data-testid="amounts-check"
      data-state="mismatch"
      title={t('sale.amounts.mismatch', {
        total: formatFen(check.totalFen),
        sum: formatFen(check.sumFen),
        difference: formatFen(Math.abs(check.differenceFen)),
      })}
    />
  );
}

function SaleDone({ created, onAgain }: { created: DealerSaleResult; onAgain: () => void }) {
  const { t } = useTranslation('dealer');
  return (
    <Result
      status="success"
      title={t('sale.doneTitle')}
      subTitle={
        created.subsidyFen > 0
          ? t('sale.doneTextVoucher', { subsidy: formatFen(created.subsidyFen) })
          : t('sale.doneText')
      }
      data-testid="sale-done"
      extra={
        <Button type="primary" onClick={onAgain}>
          {t('sale.again')}
        </Button>
      }
    />
  );
}

export interface GoodsSaleValues {
  voucherCode: string;
  productId: string;
  serialNo: string;
  imei: string;
  price: string;
  paid: string;
  otherDiscount: string;
  invoiceNo: string;
  invoiceDate: string;
  buyerName: string;
  buyerIdNumber: string;
  deliveryMode: 'pickup' | 'delivery';
  deliveryAddress: string;
  trackingNo: string;
  deliveredOn: string;
  hasOldItem: boolean;
  recyclerUscc: string;
  receiptNo: string;
  recycledOn: string;
}

const goodsBlank = (): GoodsSaleValues => ({
  voucherCode: '',
  productId: '',
  serialNo: '',
  imei: '',
  price: '',
  paid: '',
  otherDiscount: '',
  invoiceNo: '',
  invoiceDate: todayInShanghai(),
  buyerName: '',
  buyerIdNumber: '',
  deliveryMode: 'pickup',
  deliveryAddress: '',
  trackingNo: '',
  deliveredOn: '',
  hasOldItem: false,
  recyclerUscc: '',
  receiptNo: '',
  recycledOn: '',
});

/** The request the goods form sends: normalised identifiers, fen, optional parts only when given. */
export function goodsSaleRequest(values: GoodsSaleValues, product: ProductView): GoodsSaleRequest {
  const delivery: GoodsSaleRequest['delivery'] =
    values.deliveryMode === 'pickup'
      ? { mode: 'pickup' }
      : {
          mode: 'delivery',
          address: values.deliveryAddress.trim(),
          ...(values.trackingNo.trim() ? { trackingNo: values.trackingNo.trim() } : {}),
          ...(values.deliveredOn ? { deliveredOn: values.deliveredOn } : {}),
        };
  const voucherCode = normalizeIdentifier(values.voucherCode);
  return {
    programCode: product.programCode,
    ...(voucherCode ? { voucherCode } : {}),
    productId: product.id,
    serialNo: values.serialNo.trim(),
    ...(categoryNeedsImei(product.category) ? { imei: validateImei(values.imei).value } : {}),
    priceFen: yuanToFen(values.price)!,
    paidFen: yuanToFen(values.paid)!,
    otherDiscountFen: fenOrZero(values.otherDiscount)!,
    invoiceNo: validateInvoiceNo(values.invoiceNo).value,
    invoiceDate: values.invoiceDate,
    buyer: { name: values.buyerName.trim(), idNumber: validateResidentId(values.buyerIdNumber).value },
    delivery,
    ...(values.hasOldItem
      ? {
          oldItem: {
            recyclerUscc: validateUscc(values.recyclerUscc).value,
            receiptNo: values.receiptNo.trim(),
            recycledOn: values.recycledOn,
          },
        }
      : {}),
  };
}

/**
 * A goods sale at the counter: the product from the register (its filed price caps the price), the
 * item's serial (and IMEI for phones and tablets), the invoice, the buyer (a person: ID checksum), the
 * delivery and the old item. The subsidy is the program's formula on the item, so "the amounts add up"
 * shows as the dealer types.
 */
export function GoodsSaleForm({
  products,
  programs,
}: {
  products: ProductView[];
  programs: SaleProgramChoice[];
}) {
  const { t } = useTranslation('dealer');
  const message = useFieldMessage();
  const create = useCreateSale();
  const [serverError, setServerError] = useState<unknown>(null);
  const [created, setCreated] = useState<DealerSaleResult | null>(null);
  const form = useForm<GoodsSaleValues>({ mode: 'onChange', defaultValues: goodsBlank() });
  const [productId, price, paid, other, invoiceDate, voucherCode] = useWatch({
    control: form.control,
    name: ['productId', 'price', 'paid', 'otherDiscount', 'invoiceDate', 'voucherCode'],
  });
  const withVoucher = voucherCode.trim() !== '';
  const product = products.find((p) => p.id === productId);
  const program = programs.find((p) => p.code === product?.programCode);
  const priceFen = yuanToFen(price);
  const estimate = useMemo(
    () =>
      product
        ? estimateSubsidy(program?.definition, {
            category: product.category,
            efficiencyGrade: product.efficiencyGrade,
            priceFen,
            invoiceDate,
          })
        : { subsidyFen: null, failedClauses: [] },
    [product, program, priceFen, invoiceDate],
  );
  // Without a voucher nothing is granted at the till (the resident claims afterwards): subsidy 0.
  const tillSubsidyFen = withVoucher ? estimate.subsidyFen : 0;
  const check = checkAmounts(priceFen, yuanToFen(paid), tillSubsidyFen, fenOrZero(other));
  const needsImei = product ? categoryNeedsImei(product.category) : false;
  // The paid field's "does not add up" follows the price, discount and subsidy too, not only its own edits.
  const { trigger, getValues } = form;
  useEffect(() => {
    if (getValues('paid') !== '') void trigger('paid');
  }, [check.state, trigger, getValues]);

  const onSubmit = async (values: GoodsSaleValues) => {
    if (!product) return;
    setServerError(null);
    try {
      const result = await create.mutateAsync(goodsSaleRequest(values, product));
      setCreated(result);
    } catch (error) {
      setServerError(error);
    } finally {
      create.reset();
    }
  };
  const again = () => {
    form.reset({ ...goodsBlank(), productId: form.getValues('productId') });
    setCreated(null);
  };
  if (created) return <SaleDone created={created} onAgain={again} />;

  const fillPaid = () => {
    if (priceFen === null || tillSubsidyFen === null) return;
    const rest = priceFen - tillSubsidyFen - (fenOrZero(other) ?? 0);
    form.setValue('paid', (rest / 100).toFixed(2), { shouldValidate: true, shouldDirty: true });
  };
  const categoryLabel = (p: ProductView) =>
    programs.find((c) => c.code === p.programCode)?.categories.find((c) => c.value === p.category)?.label ??
    p.category;

  return (
    <Form
      form={form}
      onSubmit={onSubmit}
      pending={create.isPending}
      serverError={serverError}
      serverFieldName={(key) => goodsFieldOf(key) as FieldPath<GoodsSaleValues> | undefined}
      serverCodeField={GOODS_CODE_FIELDS}
      aria-labelledby="dealer-goods-sale"
      className="hx-profile-form"
    >
      <h2 id="dealer-goods-sale" className="hx-section__title">
        {t('sale.goodsTitle')}
      </h2>
      <FormSection title={t('sale.item')}>
        <FormField<GoodsSaleValues, 'productId'>
          name="productId"
          label={t('sale.fields.productId')}
          rules={{ validate: (value: string) => value !== '' || 'REQUIRED' }}
          errorMessage={message('productId')}
          {...(product ? { help: t('sale.filedPrice', { price: formatFen(product.filedPriceFen) }) } : {})}
        >
          {({ field, inputProps }) => (
            <NativeSelect
              field={{
                ...field,
                onChange: (value: string) => {
                  field.onChange(value);
                  const chosen = products.find((p) => p.id === value);
                  if (chosen && form.getValues('price') === '')
                    form.setValue('price', (chosen.filedPriceFen / 100).toFixed(2), { shouldValidate: true });
                },
              }}
              inputProps={inputProps}
              placeholder={t('sale.chooseProduct')}
              options={products.map((p) => ({
                value: p.id,
                label: `${p.brand} ${p.model} · ${categoryLabel(p)} · ${formatFen(p.filedPriceFen)}`,
              }))}
            />
          )}
        </FormField>
        <TextField<GoodsSaleValues> name="serialNo" rule={saleRules.serialNo} max={64} extra={CODE} />
        {needsImei ? (
          <TextField<GoodsSaleValues>
            name="imei"
            rule={saleRules.imei}
            max={20}
            extra={{ inputMode: 'numeric', autoComplete: 'off' }}
            help={t('sale.help.imei')}
          />
        ) : null}
      </FormSection>
      <FormSection title={t('sale.money')} description={t('sale.moneyIntro')}>
        <TextField<GoodsSaleValues>
          name="price"
          rule={priceRule(product?.filedPriceFen)}
          max={12}
          extra={{ ...MONEY, suffix: t('yuan') }}
        />
        <TextField<GoodsSaleValues>
          name="otherDiscount"
          rule={yuanRule({ optional: true })}
          max={12}
          extra={{ ...MONEY, suffix: t('yuan') }}
          help={t('sale.help.otherDiscount')}
        />
        <TextField<GoodsSaleValues>
          name="voucherCode"
          rule={saleRules.voucherCode}
          max={64}
          extra={CODE}
          help={t('sale.help.voucherCode')}
        />
        <div className="hx-field" data-testid="subsidy-estimate">
          <span className="hx-field__label">{t('sale.subsidy')}</span>
          <strong>{tillSubsidyFen === null ? '—' : formatFen(tillSubsidyFen)}</strong>
          <p className="hx-field__help">
            {withVoucher
              ? t('sale.help.subsidyVoucher')
              : estimate.subsidyFen === null
                ? t('sale.help.subsidyNone')
                : t('sale.help.subsidyLater', { amount: formatFen(estimate.subsidyFen) })}
          </p>
        </div>
        <TextField<GoodsSaleValues>
          name="paid"
          rule={(value) => {
            const valid = yuanRule()(value);
            if (valid !== true) return valid;
            return check.state !== 'mismatch' || 'AMOUNTS_DO_NOT_ADD_UP';
          }}
          max={12}
          extra={{
            ...MONEY,
            suffix: t('yuan'),
            addonAfter:
              check.state !== 'ok' && tillSubsidyFen !== null && priceFen !== null ? (
                <Button type="link" size="small" onClick={fillPaid} data-testid="fill-paid">
                  {t('sale.fillPaid')}
                </Button>
              ) : undefined,
          }}
        />
        <AmountsLine check={check} subsidyFen={tillSubsidyFen} />
      </FormSection>
      <FormSection title={t('sale.invoice')}>
        <InvoiceFields<GoodsSaleValues> />
      </FormSection>
      <BuyerSection<GoodsSaleValues> />
      <DeliverySection<GoodsSaleValues> />
      <OldItemSection<GoodsSaleValues> />
      {estimate.failedClauses.length > 0 ? (
        <Alert type="warning" showIcon title={t('sale.itemNotEligible')} />
      ) : null}
      <FormAlert />
      <div className="hx-form-actions">
        <SubmitButton data-testid="sale-submit">{t('sale.submit')}</SubmitButton>
      </div>
    </Form>
  );
}

export interface CarSaleValues {
  programCode: string;
  vin: string;
  powertrain: '' | 'nev' | 'fuel';
  displacementL: string;
  inNevCatalogue: boolean;
  price: string;
  invoiceNo: string;
  invoiceDate: string;
  buyerName: string;
  buyerIdNumber: string;
}

const carBlank = (programCode = ''): CarSaleValues => ({
  programCode,
  vin: '',
  powertrain: '',
  displacementL: '',
  inNevCatalogue: false,
  price: '',
  invoiceNo: '',
  invoiceDate: todayInShanghai(),
  buyerName: '',
  buyerIdNumber: '',
});

export function carSaleRequest(values: CarSaleValues): CarSaleRequest {
  return {
    programCode: values.programCode,
    vehicle: {
      vin: validateVin(values.vin).value,
      powertrain: values.powertrain as 'nev' | 'fuel',
      displacementL: Number(values.displacementL),
      inNevCatalogue: values.powertrain === 'nev' && values.inNevCatalogue,
    },
    priceFen: yuanToFen(values.price)!,
    invoiceNo: validateInvoiceNo(values.invoiceNo).value,
    invoiceDate: values.invoiceDate,
    buyer: { name: values.buyerName.trim(), idNumber: validateResidentId(values.buyerIdNumber).value },
  };
}

/** A new car's sale (car dealers): the VIN with its check digit, powertrain, the invoice and the buyer. */
export function CarSaleForm({ programs }: { programs: SaleProgramChoice[] }) {
  const { t } = useTranslation('dealer');
  const message = useFieldMessage();
  const create = useCreateSale();
  const [serverError, setServerError] = useState<unknown>(null);
  const [created, setCreated] = useState<DealerSaleResult | null>(null);
  const form = useForm<CarSaleValues>({ mode: 'onChange', defaultValues: carBlank(programs[0]?.code) });
  const powertrain = useWatch({ control: form.control, name: 'powertrain' });

  const onSubmit = async (values: CarSaleValues) => {
    setServerError(null);
    try {
      setCreated(await create.mutateAsync(carSaleRequest(values)));
    } catch (error) {
      setServerError(error);
    } finally {
      create.reset();
    }
  };
  if (created)
    return (
      <SaleDone
        created={created}
        onAgain={() => {
          form.reset(carBlank(form.getValues('programCode')));
          setCreated(null);
        }}
      />
    );

  const select = (name: 'programCode' | 'powertrain', options: { value: string; label: string }[]) => (
    <FormField<CarSaleValues, typeof name>
      name={name}
      label={t(`sale.fields.${name}`)}
      rules={{ validate: (value: string) => value !== '' || 'REQUIRED' }}
      errorMessage={message(name)}
    >
      {({ field, inputProps }) => (
        <NativeSelect
          field={field}
          inputProps={inputProps}
          placeholder={t('placeholder.choose')}
          options={options}
        />
      )}
    </FormField>
  );

  return (
    <Form
      form={form}
      onSubmit={onSubmit}
      pending={create.isPending}
      serverError={serverError}
      serverFieldName={(key) => carFieldOf(key) as FieldPath<CarSaleValues> | undefined}
      serverCodeField={CAR_CODE_FIELDS}
      aria-labelledby="dealer-car-sale"
      className="hx-profile-form"
    >
      <h2 id="dealer-car-sale" className="hx-section__title">
        {t('sale.carTitle')}
      </h2>
      <FormSection title={t('sale.vehicle')}>
        {select(
          'programCode',
          programs.map((p) => ({ value: p.code, label: p.title })),
        )}
        <TextField<CarSaleValues>
          name="vin"
          rule={saleRules.vin}
          max={20}
          extra={CODE}
          help={t('sale.help.vin')}
        />
        {select(
          'powertrain',
          (['nev', 'fuel'] as const).map((p) => ({ value: p, label: t(`sale.powertrain.${p}`) })),
        )}
        <TextField<CarSaleValues>
          name="displacementL"
          rule={saleRules.displacementL}
          max={5}
          extra={{ inputMode: 'decimal', suffix: 'L' }}
          help={t('sale.help.displacementL')}
        />
        {powertrain === 'nev' ? (
          <FormField<CarSaleValues, 'inNevCatalogue'>
            name="inNevCatalogue"
            label={t('sale.fields.inNevCatalogueLabel')}
          >
            {({ field, inputProps }) => (
              <Checkbox
                {...inputProps}
                checked={field.value}
                onChange={(e) => field.onChange(e.target.checked)}
              >
                {t('sale.fields.inNevCatalogue')}
              </Checkbox>
            )}
          </FormField>
        ) : null}
      </FormSection>
      <FormSection title={t('sale.invoice')}>
        <TextField<CarSaleValues>
          name="price"
          rule={priceRule(undefined)}
          max={12}
          extra={{ ...MONEY, suffix: t('yuan') }}
          help={t('sale.help.carPrice')}
        />
        <InvoiceFields<CarSaleValues> />
      </FormSection>
      <BuyerSection<CarSaleValues> />
      <FormAlert />
      <div className="hx-form-actions">
        <SubmitButton data-testid="car-sale-submit">{t('sale.submit')}</SubmitButton>
      </div>
    </Form>
  );
}
