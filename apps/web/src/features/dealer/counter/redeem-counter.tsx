import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Input, Select, Steps } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import {
  categoryNeedsImei,
  formatFen,
  formatVoucherCode,
  normalizeVoucherCode,
  todayInShanghai,
  type DealerMeView,
  type ProductView,
} from '@huanxin/shared';
import { useForm, useWatch, type FieldPath, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Form, FormAlert, FormField, FormSection, SubmitButton } from '@/components/ui/form';
import { isApiError } from '@/lib/api-client';
import { moneyLocale } from '@/lib/i18n';
import { useCreateSale, type DealerSaleResult } from '../api/sales';
import {
  BuyerSection,
  CODE,
  DeliverySection,
  InvoiceFields,
  MONEY,
  OldItemSection,
  SaleErrorKeys,
  TextField,
  useFieldMessage,
} from '../components/sale-fields';
import { goodsSaleRequest, type SaleProgramChoice } from '../components/sale-form';
import { yuanToFen } from '../lib/rules';
import { estimateSubsidy, fenOrZero, priceRule, saleRules, yuanRule } from '../lib/sale-rules';
import { RedeemReceipt, type ReceiptFacts } from './redeem-receipt';
import {
  redeemFieldOf,
  REDEEM_CODE_FIELDS,
  residentShareFen,
  VOUCHER_ERROR_CODES,
  voucherCodeRule,
} from './redeem-rules';
import { VoucherScanner } from './voucher-scanner';
import type { QrDetectorFactory } from './qr-detector';

/** The counter words some refusals for the cashier before the dealer's own texts. */
const COUNTER_ERROR_KEYS = ['dealer:counter.errors'] as const;

// ---------------------------------------------------------------------------------------------
// Step 1: the voucher

interface CodeValues {
  voucherCode: string;
}

/**
 * The voucher: the camera reads the QR code into the code input, or the cashier types the code the
 * resident reads aloud (always there, checked as typed). A refusal of the till about the voucher
 * (expired, used, unknown) comes back here, on the input.
 */
function VoucherStep({
  initial,
  refusal,
  onNext,
  createDetector,
}: {
  initial: string;
  refusal: unknown;
  onNext: (code: string) => void;
  createDetector?: QrDetectorFactory;
}) {
  const { t } = useTranslation('dealer');
  const message = useFieldMessage();
  const form = useForm<CodeValues>({ mode: 'onChange', defaultValues: { voucherCode: initial } });
  const [scanned, setScanned] = useState(false);
  return (
    <section className="hx-section hx-counter__step" aria-labelledby="counter-voucher-title">
      <h2 id="counter-voucher-title" className="hx-section__title" tabIndex={-1}>
        {t('counter.voucher.title')}
      </h2>
      <p className="hx-note">{t('counter.voucher.intro')}</p>
      <VoucherScanner
        {...(createDetector ? { createDetector } : {})}
        onCode={(code) => {
          form.setValue('voucherCode', formatVoucherCode(code), { shouldValidate: true, shouldDirty: true });
          setScanned(true);
        }}
      />
      <Form
        form={form}
        onSubmit={(values) => onNext(normalizeVoucherCode(values.voucherCode)!)}
        serverError={refusal}
        serverFieldName={(key) => (key === 'voucherCode' ? 'voucherCode' : undefined)}
        serverCodeField={{
          VOUCHER_NOT_FOUND: 'voucherCode',
          VOUCHER_EXPIRED: 'voucherCode',
          VOUCHER_USED: 'voucherCode',
        }}
        aria-labelledby="counter-voucher-title"
        className="hx-profile-form"
      >
        <FormField<CodeValues, 'voucherCode'>
          name="voucherCode"
          label={t('counter.voucher.code')}
          rules={{ validate: voucherCodeRule }}
          errorMessage={message('voucherCode')}
          help={scanned ? t('counter.voucher.scanned') : t('counter.voucher.codeHelp')}
        >
          {({ textInputProps }) => (
            <Input
              {...textInputProps}
              {...CODE}
              maxLength={14}
              className="hx-counter__code"
              placeholder="XXXX-XXX-XXX"
              data-testid="voucher-code"
            />
          )}
        </FormField>
        <div className="hx-form-actions">
          <SubmitButton data-testid="voucher-next" block>
            {t('counter.voucher.next')}
          </SubmitButton>
        </div>
      </Form>
    </section>
  );
}

// ---------------------------------------------------------------------------------------------
// Step 2: the sale

export interface RedeemValues {
  productId: string;
  serialNo: string;
  imei: string;
  price: string;
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

export const redeemBlank = (): RedeemValues => ({
  productId: '',
  serialNo: '',
  imei: '',
  price: '',
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

/** The till's subsidy estimate for the chosen product at the typed price (the engine the server runs). */
function useEstimate(
  form: UseFormReturn<RedeemValues>,
  products: ProductView[],
  programs: SaleProgramChoice[],
) {
  const [productId, price, other, invoiceDate] = useWatch({
    control: form.control,
    name: ['productId', 'price', 'otherDiscount', 'invoiceDate'],
  });
  const product = products.find((p) => p.id === productId);
  const program = programs.find((p) => p.code === product?.programCode);
  const priceFen = yuanToFen(price);
  const otherFen = fenOrZero(other);
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
  return {
    product,
    priceFen,
    otherFen,
    subsidyFen: estimate.subsidyFen,
    failedClauses: estimate.failedClauses,
    shareFen: residentShareFen(priceFen, estimate.subsidyFen, otherFen),
  };
}

/** "price − subsidy − other discount = the resident pays", live as the cashier types. */
export function ShareLine({
  priceFen,
  subsidyFen,
  otherFen,
  shareFen,
}: {
  priceFen: number | null;
  subsidyFen: number | null;
  otherFen: number | null;
  shareFen: number | null;
}) {
  const { t, i18n } = useTranslation('dealer');
  const yuan = (fen: number | null) => (fen === null ? '—' : formatFen(fen, moneyLocale(i18n.language)));
  const negative = shareFen !== null && shareFen < 0;
  return (
    <div
      className={`hx-counter__share${negative ? ' is-negative' : ''}`}
      data-testid="resident-share"
      data-share={shareFen ?? ''}
      aria-live="polite"
    >
      <dl>
        <div>
          <dt>{t('counter.share.price')}</dt>
          <dd>{yuan(priceFen)}</dd>
        </div>
        <div>
          <dt>{t('counter.share.subsidy')}</dt>
          <dd data-testid="share-subsidy">− {yuan(subsidyFen)}</dd>
        </div>
        <div>
          <dt>{t('counter.share.other')}</dt>
          <dd>− {yuan(otherFen)}</dd>
        </div>
        <div className="hx-counter__share-total">
          <dt>{t('counter.share.resident')}</dt>
          <dd data-testid="share-amount">{yuan(shareFen)}</dd>
        </div>
      </dl>
      <p className="hx-note">
        {subsidyFen === null
          ? priceFen === null
            ? t('counter.share.typePrice')
            : t('counter.share.noEstimate')
          : t('counter.share.estimate')}
      </p>
      {negative ? (
        <p className="hx-field__error" role="alert">
          {t('counter.share.negative')}
        </p>
      ) : null}
    </div>
  );
}

function SaleStep({
  form,
  voucherCode,
  products,
  programs,
  onBack,
  onRefused,
  onDone,
}: {
  form: UseFormReturn<RedeemValues>;
  voucherCode: string;
  products: ProductView[];
  programs: SaleProgramChoice[];
  onBack: () => void;
  onRefused: (error: unknown) => void;
  onDone: (result: DealerSaleResult, facts: Omit<ReceiptFacts, 'subsidyFen' | 'paidFen' | 'at'>) => void;
}) {
  const { t, i18n } = useTranslation('dealer');
  const message = useFieldMessage();
  const create = useCreateSale();
  const [serverError, setServerError] = useState<unknown>(null);
  const live = useEstimate(form, products, programs);
  const needsImei = live.product ? categoryNeedsImei(live.product.category) : false;
  const locale = moneyLocale(i18n.language);
  const categoryLabel = (p: ProductView) =>
    programs.find((c) => c.code === p.programCode)?.categories.find((c) => c.value === p.category)?.label ??
    p.category;
  const programTitle = (code: string) => programs.find((p) => p.code === code)?.title ?? code;
  // Grouped by program: the voucher's program decides which of them the till accepts.
  const options = [...new Set(products.map((p) => p.programCode))].map((code) => ({
    label: programTitle(code),
    title: programTitle(code),
    options: products
      .filter((p) => p.programCode === code)
      .map((p) => ({
        value: p.id,
        label: `${p.brand} ${p.model} · ${categoryLabel(p)} · ${formatFen(p.filedPriceFen, locale)}`,
        search: `${p.brand} ${p.model} ${p.barcode} ${categoryLabel(p)}`.toLowerCase(),
      })),
  }));

  const onSubmit = async (values: RedeemValues) => {
    const product = live.product;
    if (!product || live.shareFen === null || live.shareFen < 0) return;
    setServerError(null);
    const request = goodsSaleRequest(
      { ...values, voucherCode, paid: (live.shareFen / 100).toFixed(2) },
      product,
    );
    try {
      const result = await create.mutateAsync(request);
      onDone(result, {
        product,
        serialNo: request.serialNo,
        ...(request.imei ? { imei: request.imei } : {}),
        priceFen: request.priceFen,
        otherDiscountFen: request.otherDiscountFen,
        voucherCode,
        invoiceNo: request.invoiceNo,
      });
    } catch (error) {
      if (
        isApiError(error) &&
        (VOUCHER_ERROR_CODES.has(error.code) || Object.keys(error.fields).includes('voucherCode'))
      )
        onRefused(error);
      else setServerError(error);
    } finally {
      create.reset();
    }
  };

  return (
    <Form
      form={form}
      onSubmit={onSubmit}
      pending={create.isPending}
      serverError={serverError}
      serverFieldName={(key) => redeemFieldOf(key) as FieldPath<RedeemValues> | undefined}
      serverCodeField={REDEEM_CODE_FIELDS}
      aria-labelledby="counter-sale-title"
      className="hx-profile-form hx-counter__step"
    >
      <h2 id="counter-sale-title" className="hx-section__title" tabIndex={-1}>
        {t('counter.sale.title')}
      </h2>
      <div className="hx-counter__voucher" data-testid="counter-voucher">
        <span>{t('counter.sale.voucher')}</span>
        <strong className="hx-counter__mono">{formatVoucherCode(voucherCode)}</strong>
        <Button type="link" size="small" icon={<EditOutlined aria-hidden />} onClick={onBack}>
          {t('counter.sale.changeVoucher')}
        </Button>
      </div>
      <FormSection title={t('sale.item')}>
        <FormField<RedeemValues, 'productId'>
          name="productId"
          label={t('sale.fields.productId')}
          rules={{ validate: (value: string) => value !== '' || 'REQUIRED' }}
          errorMessage={message('productId')}
          help={
            live.product
              ? t('sale.filedPrice', { price: formatFen(live.product.filedPriceFen, locale) })
              : t('counter.sale.productHelp')
          }
        >
          {({ field, inputProps }) => (
            <Select
              {...inputProps}
              ref={field.ref}
              value={field.value || null}
              onChange={(value: string) => {
                field.onChange(value);
                const chosen = products.find((p) => p.id === value);
                if (chosen && form.getValues('price') === '')
                  form.setValue('price', (chosen.filedPriceFen / 100).toFixed(2), { shouldValidate: true });
              }}
              onBlur={field.onBlur}
              placeholder={t('counter.sale.searchProduct')}
              options={options}
              showSearch={{
                filterOption: (input, option) =>
                  Boolean(
                    option &&
                    'search' in option &&
                    String(option.search).includes(input.trim().toLowerCase()),
                  ),
              }}
              notFoundContent={t('counter.sale.noProduct')}
              className="hx-counter__product"
              popupMatchSelectWidth
              // A shop files tens of products, not thousands: plain options (read by screen readers).
              virtual={false}
              data-testid="product-picker"
            />
          )}
        </FormField>
        <TextField<RedeemValues> name="serialNo" rule={saleRules.serialNo} max={64} extra={CODE} />
        {needsImei ? (
          <TextField<RedeemValues>
            name="imei"
            rule={saleRules.imei}
            max={20}
            extra={{ inputMode: 'numeric', autoComplete: 'off' }}
            help={t('sale.help.imei')}
          />
        ) : null}
      </FormSection>
      <FormSection title={t('sale.money')}>
        <TextField<RedeemValues>
          name="price"
          rule={priceRule(live.product?.filedPriceFen)}
          max={12}
          extra={{ ...MONEY, suffix: t('yuan') }}
        />
        <TextField<RedeemValues>
          name="otherDiscount"
          rule={yuanRule({ optional: true })}
          max={12}
          extra={{ ...MONEY, suffix: t('yuan') }}
          help={t('sale.help.otherDiscount')}
        />
        <ShareLine
          priceFen={live.priceFen}
          subsidyFen={live.subsidyFen}
          otherFen={live.otherFen}
          shareFen={live.shareFen}
        />
        {live.failedClauses.length > 0 ? (
          <Alert type="warning" showIcon title={t('sale.itemNotEligible')} />
        ) : null}
      </FormSection>
      <FormSection title={t('sale.invoice')}>
        <InvoiceFields<RedeemValues> />
      </FormSection>
      <BuyerSection<RedeemValues> description={t('counter.sale.buyerIntro')} />
      <DeliverySection<RedeemValues> />
      <OldItemSection<RedeemValues> />
      <FormAlert />
      <div className="hx-form-actions">
        <SubmitButton
          data-testid="redeem-submit"
          block
          disabled={live.shareFen === null || live.shareFen < 0}
        >
          {live.shareFen !== null && live.shareFen >= 0
            ? t('counter.sale.submitWithShare', { share: formatFen(live.shareFen, locale) })
            : t('counter.sale.submit')}
        </SubmitButton>
      </div>
    </Form>
  );
}

// ---------------------------------------------------------------------------------------------
// The wizard

type Step = 'voucher' | 'sale' | 'receipt';
const STEPS: Step[] = ['voucher', 'sale', 'receipt'];

/**
 * The counter's redeem screen (phone-first): 1 the voucher (camera or typed code), 2 the sale with the
 * resident's share live, 3 a receipt. The sale's inputs live in the wizard, so going back to fix the
 * voucher keeps them; a refusal about the voucher returns to step 1 with the till's reason on the code.
 */
export function RedeemCounter({
  me,
  products,
  programs,
  createDetector,
}: {
  me: DealerMeView;
  products: ProductView[];
  programs: SaleProgramChoice[];
  createDetector?: QrDetectorFactory;
}) {
  const { t } = useTranslation('dealer');
  const [step, setStep] = useState<Step>('voucher');
  const [voucherCode, setVoucherCode] = useState('');
  const [refusal, setRefusal] = useState<unknown>(null);
  const [receipt, setReceipt] = useState<ReceiptFacts | null>(null);
  const [saleId, setSaleId] = useState<string | null>(null);
  const form = useForm<RedeemValues>({ mode: 'onChange', defaultValues: redeemBlank() });

  // Each later step starts at its heading, so a screen reader and a phone's scroll both land on it.
  const moved = useRef(false);
  useEffect(() => {
    if (!moved.current) {
      moved.current = true;
      return;
    }
    document.getElementById(`counter-${step}-title`)?.focus();
  }, [step]);

  const next = () => {
    setStep('voucher');
    setVoucherCode('');
    setRefusal(null);
    setReceipt(null);
    setSaleId(null);
    // The next customer often buys the same model: keep it, at its filed price.
    const kept = products.find((p) => p.id === form.getValues('productId'));
    form.reset({
      ...redeemBlank(),
      ...(kept ? { productId: kept.id, price: (kept.filedPriceFen / 100).toFixed(2) } : {}),
    });
  };

  return (
    <SaleErrorKeys.Provider value={COUNTER_ERROR_KEYS}>
      <div className="hx-counter">
        <Steps
          size="small"
          orientation="horizontal"
          // Titles under the numbers: three steps fit a 390 px phone side by side.
          titlePlacement="vertical"
          responsive={false}
          current={STEPS.indexOf(step)}
          className="hx-counter__steps"
          items={STEPS.map((s) => ({ title: t(`counter.steps.${s}`) }))}
        />
        {step === 'voucher' ? (
          <VoucherStep
            key={voucherCode}
            initial={voucherCode ? formatVoucherCode(voucherCode) : ''}
            refusal={refusal}
            {...(createDetector ? { createDetector } : {})}
            onNext={(code) => {
              setVoucherCode(code);
              setRefusal(null);
              setStep('sale');
            }}
          />
        ) : step === 'sale' ? (
          <SaleStep
            form={form}
            voucherCode={voucherCode}
            products={products}
            programs={programs}
            onBack={() => setStep('voucher')}
            onRefused={(error) => {
              setRefusal(error);
              setStep('voucher');
            }}
            onDone={(result, facts) => {
              setSaleId(result.id);
              setReceipt({
                ...facts,
                subsidyFen: result.subsidyFen,
                paidFen: facts.priceFen - result.subsidyFen - facts.otherDiscountFen,
                at: new Date().toISOString(),
              });
              setStep('receipt');
            }}
          />
        ) : receipt && saleId ? (
          <RedeemReceipt
            shop={me.organization.name}
            saleId={saleId}
            facts={receipt}
            categoryLabel={(p) =>
              programs.find((c) => c.code === p.programCode)?.categories.find((c) => c.value === p.category)
                ?.label ?? p.category
            }
            onNext={next}
          />
        ) : null}
      </div>
    </SaleErrorKeys.Provider>
  );
}
