import { useState } from 'react';
import { Alert, Button, Descriptions, Input, Space, Steps, Table, Tag } from 'antd';
import {
  FILED_PRICE_RAISE_RULE,
  formatFen,
  isFlaggedPriceRaise,
  organizationMayWrite,
  type DealerMeView,
  type OrganizationStatus,
  type ProductView,
} from '@huanxin/shared';
import { useForm, type FieldPath, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Form, FormAlert, FormField, SubmitButton } from '@/components/ui/form';
import { NativeSelect } from '@/components/ui/native-select';
import { ErrorState, LoadingState } from '@/components/ui/query-state';
import { useDealerMe } from '../api/dealer-me';
import { useChangeProductPrice, useCreateProduct, useProducts } from '../api/products';
import { productRules, yuanToFen } from '../lib/rules';
import { DealerNav } from './dealer-nav';
import { RegistrationDocuments } from './registration-documents';

export const STATUS_COLOR: Record<OrganizationStatus, string> = {
  pending: 'gold',
  active: 'green',
  suspended: 'orange',
  disqualified: 'red',
};

export interface GoodsProgramChoice {
  code: string;
  title: string;
  categories: { value: string; label: string }[];
  hasGrade: boolean;
}

/** The organisation's status, as the dealer sees it (payout account masked). */
export function OrganizationStatusCard({ me }: { me: DealerMeView }) {
  const { t } = useTranslation('dealer');
  const { organization } = me;
  return (
    <section className="hx-section" aria-labelledby="dealer-org-title" data-testid="dealer-status">
      <h2 id="dealer-org-title" className="hx-section__title">
        {organization.name}{' '}
        <Tag color={STATUS_COLOR[organization.status]}>{t(`status.${organization.status}`)}</Tag>
      </h2>
      {organization.status !== 'active' ? (
        <Alert
          type={organization.status === 'pending' ? 'info' : 'warning'}
          showIcon
          title={t(`statusNote.${organization.status}`)}
          description={t(`statusNext.${organization.status}`)}
        />
      ) : null}
      {organization.status === 'pending' ? (
        <Steps
          size="small"
          current={1}
          className="hx-registration-steps"
          data-testid="registration-steps"
          items={[
            { title: t('registration.submitted') },
            { title: t('registration.review'), description: t('registration.reviewChecks') },
            { title: t('registration.active') },
          ]}
        />
      ) : null}
      <Descriptions column={1} size="small" className="hx-descriptions">
        <Descriptions.Item label={t('fields.uscc')}>{organization.uscc}</Descriptions.Item>
        <Descriptions.Item label={t('fields.kinds')}>
          {organization.kinds.map((kind) => t(`kinds.${kind}`)).join('、')}
        </Descriptions.Item>
        {organization.statusReason ? (
          <Descriptions.Item label={t('fields.statusReason')}>{organization.statusReason}</Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('fields.payoutAccountNo')}>
          {organization.payoutBankName ?? '—'} {organization.payoutAccountMasked ?? ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.username')}>
          {me.user.username} {me.user.orgAdmin ? <Tag>{t('orgAdmin')}</Tag> : null}
        </Descriptions.Item>
      </Descriptions>
    </section>
  );
}

interface ProductValues {
  programCode: string;
  category: string;
  barcode: string;
  brand: string;
  model: string;
  efficiencyGrade: string;
  price: string;
}

const PRODUCT_FIELDS = ['programCode', 'category', 'barcode', 'brand', 'model', 'efficiencyGrade'] as const;

function AddProductForm({ programs }: { programs: GoodsProgramChoice[] }) {
  const { t } = useTranslation('dealer');
  const create = useCreateProduct();
  const [serverError, setServerError] = useState<unknown>(null);
  const blank: ProductValues = {
    programCode: programs[0]?.code ?? '',
    category: '',
    barcode: '',
    brand: '',
    model: '',
    efficiencyGrade: '1',
    price: '',
  };
  const form = useForm<ProductValues>({ mode: 'onChange', defaultValues: blank });
  // useWatch, not form.watch: a subscription the React Compiler can reason about.
  const programCode = useWatch({ control: form.control, name: 'programCode' });
  const program = programs.find((p) => p.code === programCode);
  const select = (
    name: 'programCode' | 'category' | 'efficiencyGrade',
    options: { value: string; label: string }[],
  ) => (
    <FormField<ProductValues, typeof name>
      name={name}
      label={t(`fields.${name}`)}
      rules={{ validate: (value: string) => value !== '' || 'REQUIRED' }}
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
  const text = (
    name: 'barcode' | 'brand' | 'model' | 'price' | 'category',
    max: number,
    extra: Record<string, unknown> = {},
  ) => (
    <FormField<ProductValues, typeof name>
      name={name}
      label={t(`fields.${name}`)}
      rules={{ validate: productRules[name] }}
    >
      {({ textInputProps }) => <Input {...textInputProps} maxLength={max} {...extra} />}
    </FormField>
  );
  const onSubmit = async (values: ProductValues) => {
    setServerError(null);
    try {
      await create.mutateAsync({
        programCode: values.programCode,
        category: values.category,
        barcode: values.barcode.trim(),
        brand: values.brand.trim(),
        model: values.model.trim(),
        ...(program?.hasGrade ? { efficiencyGrade: Number(values.efficiencyGrade) } : {}),
        filedPriceFen: yuanToFen(values.price)!,
      });
      form.reset({ ...blank, programCode: values.programCode });
    } catch (error) {
      setServerError(error);
    }
  };
  return (
    <Form
      form={form}
      onSubmit={onSubmit}
      pending={create.isPending}
      serverError={serverError}
      serverFieldName={(key) =>
        key === 'filedPriceFen'
          ? 'price'
          : (PRODUCT_FIELDS.find((f) => f === key) as FieldPath<ProductValues> | undefined)
      }
      aria-labelledby="dealer-add-product"
      className="hx-profile-form"
    >
      <h3 id="dealer-add-product">{t('products.add')}</h3>
      {select(
        'programCode',
        programs.map((p) => ({ value: p.code, label: p.title })),
      )}
      {program && program.categories.length > 0
        ? select('category', program.categories)
        : text('category', 64)}
      {text('barcode', 16, { inputMode: 'numeric', autoComplete: 'off' })}
      {text('brand', 60)}
      {text('model', 80)}
      {program?.hasGrade
        ? select(
            'efficiencyGrade',
            ['1', '2', '3', '4', '5'].map((g) => ({ value: g, label: t('grade', { grade: g }) })),
          )
        : null}
      {text('price', 12, { inputMode: 'decimal', suffix: t('yuan') })}
      <FormAlert />
      <div className="hx-form-actions">
        <SubmitButton data-testid="product-submit">{t('products.submit')}</SubmitButton>
      </div>
    </Form>
  );
}

function PriceChange({ product, disabled }: { product: ProductView; disabled: boolean }) {
  const { t } = useTranslation('dealer');
  const change = useChangeProductPrice();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  // The page's time, taken once: the 90-day window of the hint (the server decides the flag).
  const [now] = useState(() => Date.now());
  const fen = yuanToFen(value);
  const lowest = Math.min(
    ...product.priceHistory
      .filter((p) => Date.parse(p.effectiveAt) > now - FILED_PRICE_RAISE_RULE.windowDays * 86_400_000)
      .map((p) => p.priceFen),
    product.filedPriceFen,
  );
  const willFlag = fen !== null && isFlaggedPriceRaise(lowest, fen);
  const submit = async () => {
    const valid = productRules.price(value);
    if (valid !== true) return setError(valid);
    setError(null);
    try {
      await change.mutateAsync({ id: product.id, filedPriceFen: fen! });
      setValue('');
    } catch (e) {
      setError(e instanceof Error && 'code' in e ? String((e as { code: string }).code) : 'GENERIC');
    }
  };
  return (
    <Space direction="vertical" size={2}>
      <Space.Compact>
        <Input
          aria-label={t('products.newPrice', { model: product.model })}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          inputMode="decimal"
          style={{ width: 120 }}
          disabled={disabled}
          data-testid={`price-input-${product.barcode}`}
        />
        <Button onClick={() => void submit()} disabled={disabled || change.isPending}>
          {t('products.changePrice')}
        </Button>
      </Space.Compact>
      {willFlag ? <span className="hx-field__warning">{t('products.willFlag')}</span> : null}
      {error ? (
        <span className="hx-field__error" role="alert">
          {t([`errors:field.${error}`, `errors:${error}`, 'errors:GENERIC'])}
        </span>
      ) : null}
    </Space>
  );
}

/** The dealer console page: the organisation's status and its product register. */
export function DealerHome({ programs }: { programs: GoodsProgramChoice[] }) {
  const { t } = useTranslation('dealer');
  const me = useDealerMe();
  const products = useProducts();
  const writable = me.data ? organizationMayWrite(me.data.organization.status) : false;
  const joined = programs.filter((p) => me.data?.organization.programs.includes(p.code));
  if (me.isPending) return <LoadingState />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  const data = me.data;
  return (
    <>
      <DealerNav kinds={data.organization.kinds} />
      <OrganizationStatusCard me={data} />
      {/* Pending: the documents are what the review waits for, so they come first. */}
      {data.organization.status === 'pending' ? <RegistrationDocuments writable /> : null}
      <section className="hx-section" aria-labelledby="dealer-products-title">
        <h2 id="dealer-products-title" className="hx-section__title">
          {t('products.title')}
        </h2>
        <Table<ProductView>
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: true }}
          loading={products.isLoading}
          dataSource={products.data ?? []}
          locale={{ emptyText: t('products.empty') }}
          columns={[
            { title: t('fields.barcode'), dataIndex: 'barcode' },
            { title: t('fields.brand'), render: (_, p) => `${p.brand} ${p.model}` },
            {
              title: t('fields.category'),
              render: (_, p) => {
                const program = programs.find((choice) => choice.code === p.programCode);
                return (
                  <>
                    {program?.categories.find((c) => c.value === p.category)?.label ?? p.category}
                    <div className="hx-note">{program?.title ?? p.programCode}</div>
                  </>
                );
              },
            },
            {
              title: t('fields.price'),
              render: (_, p) => (
                <>
                  {formatFen(p.filedPriceFen)}{' '}
                  {p.priceRaiseFlagged ? <Tag color="orange">{t('products.flagged')}</Tag> : null}
                  <div className="hx-note">{t('products.history', { count: p.priceHistory.length })}</div>
                </>
              ),
            },
            {
              title: t('products.changePrice'),
              render: (_, p) => <PriceChange product={p} disabled={!writable} />,
            },
          ]}
        />
        {writable && joined.length > 0 ? <AddProductForm programs={joined} /> : null}
      </section>
      {data.organization.status === 'active' ? <RegistrationDocuments writable /> : null}
    </>
  );
}
