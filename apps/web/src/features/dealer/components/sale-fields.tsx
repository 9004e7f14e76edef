/**
 * The fields a dealer's goods sale is made of wherever it is typed — the sale form
 * (`sale-form.tsx`) and the counter's redeem screen (`counter/redeem-counter.tsx`) — so both ask
 * the same things with the same rules, labels and error texts: the invoice, the buyer, the
 * delivery and the old item, and the text input they are built from.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { Checkbox, Input } from 'antd';
import { todayInShanghai } from '@huanxin/shared';
import { useFormContext, useWatch, type FieldPath, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { fieldErrorKeys, FormField, FormSection, type ErrorMessageFor } from '@/components/ui/form';
import { NativeSelect } from '@/components/ui/native-select';
import { saleRules } from '../lib/sale-rules';

export const MONEY = { inputMode: 'decimal', autoComplete: 'off' } as const;
export const CODE = { autoComplete: 'off', spellCheck: false, autoCapitalize: 'characters' } as const;

/**
 * Translation key prefixes tried before the dealer's own `dealer:errors.<field>.<code>` (the counter
 * words some refusals for the cashier: `dealer:counter.errors`).
 */
export const SaleErrorKeys = createContext<readonly string[]>([]);

export function useFieldMessage(): (field: string) => ErrorMessageFor {
  const { t } = useTranslation('dealer');
  const prefixes = useContext(SaleErrorKeys);
  return (field) => (code) =>
    t(
      fieldErrorKeys(
        code,
        ...prefixes.map((prefix) => `${prefix}.${field}.${code}`),
        `dealer:errors.${field}.${code}`,
      ),
    );
}

/** A text input bound to a FormField, with the field's label and the dealer's error texts. */
export function TextField<T extends FieldValues>({
  name,
  rule,
  max,
  extra = {},
  help,
  warning,
  label,
}: {
  name: FieldPath<T>;
  rule: (value: string, values: T) => true | string;
  max: number;
  extra?: Record<string, unknown>;
  help?: ReactNode;
  warning?: ReactNode;
  label?: ReactNode;
}) {
  const { t } = useTranslation('dealer');
  const message = useFieldMessage();
  return (
    <FormField<T, typeof name>
      name={name}
      label={label ?? t(`sale.fields.${name}`)}
      rules={{ validate: rule as never }}
      errorMessage={message(name)}
      {...(help ? { help } : {})}
      {...(warning ? { warning } : {})}
    >
      {({ textInputProps }) => <Input {...textInputProps} maxLength={max} {...extra} />}
    </FormField>
  );
}

/** The fields both sale forms share (goods and car): the invoice and the buyer. */
export interface SharedSaleValues extends FieldValues {
  invoiceNo: string;
  invoiceDate: string;
  buyerName: string;
  buyerIdNumber: string;
}

/** A goods sale's delivery and old item, besides the shared fields. */
export interface GoodsRecordValues extends SharedSaleValues {
  deliveryMode: 'pickup' | 'delivery';
  deliveryAddress: string;
  trackingNo: string;
  deliveredOn: string;
  hasOldItem: boolean;
  recyclerUscc: string;
  receiptNo: string;
  recycledOn: string;
}

/** The invoice number and date (the same rules for goods and cars). */
export function InvoiceFields<T extends SharedSaleValues>() {
  const { t } = useTranslation('dealer');
  return (
    <>
      <TextField<T>
        name={'invoiceNo' as FieldPath<T>}
        rule={saleRules.invoiceNo}
        max={30}
        extra={{ inputMode: 'numeric', autoComplete: 'off' }}
        help={t('sale.help.invoiceNo')}
      />
      <TextField<T>
        name={'invoiceDate' as FieldPath<T>}
        rule={saleRules.invoiceDate}
        max={10}
        extra={{ type: 'date', max: todayInShanghai() }}
      />
    </>
  );
}

/** The buyer: a person, named with their resident ID number (a company is refused as typed). */
export function BuyerSection<T extends SharedSaleValues>({ description }: { description?: ReactNode }) {
  const { t } = useTranslation('dealer');
  return (
    <FormSection title={t('sale.buyer')} description={description ?? t('sale.buyerIntro')}>
      <TextField<T> name={'buyerName' as FieldPath<T>} rule={saleRules.buyerName} max={40} />
      <TextField<T>
        name={'buyerIdNumber' as FieldPath<T>}
        rule={saleRules.buyerIdNumber}
        max={20}
        extra={CODE}
      />
    </FormSection>
  );
}

/** Pickup, or delivery with its address, tracking number and day. */
export function DeliverySection<T extends GoodsRecordValues>() {
  const { t } = useTranslation('dealer');
  const message = useFieldMessage();
  const { control } = useFormContext<T>();
  const mode = useWatch({ control, name: 'deliveryMode' as FieldPath<T> }) as T['deliveryMode'];
  return (
    <FormSection title={t('sale.delivery')}>
      <FormField<T, FieldPath<T>>
        name={'deliveryMode' as FieldPath<T>}
        label={t('sale.fields.deliveryMode')}
        errorMessage={message('deliveryMode')}
      >
        {({ field, inputProps }) => (
          <NativeSelect
            field={field}
            inputProps={inputProps}
            placeholder={t('placeholder.choose')}
            options={(['pickup', 'delivery'] as const).map((m) => ({
              value: m,
              label: t(`sale.deliveryMode.${m}`),
            }))}
          />
        )}
      </FormField>
      {mode === 'delivery' ? (
        <>
          <TextField<T>
            name={'deliveryAddress' as FieldPath<T>}
            rule={saleRules.deliveryAddress}
            max={200}
            extra={{ autoComplete: 'street-address' }}
          />
          <TextField<T>
            name={'trackingNo' as FieldPath<T>}
            rule={saleRules.trackingNo}
            max={64}
            extra={CODE}
          />
          <TextField<T>
            name={'deliveredOn' as FieldPath<T>}
            rule={saleRules.deliveredOn}
            max={10}
            extra={{ type: 'date' }}
          />
        </>
      ) : null}
    </FormSection>
  );
}

/** The old item taken back (a recycler's receipt), when there is one. */
export function OldItemSection<T extends GoodsRecordValues>() {
  const { t } = useTranslation('dealer');
  const { control } = useFormContext<T>();
  const hasOldItem = useWatch({ control, name: 'hasOldItem' as FieldPath<T> }) as boolean;
  return (
    <FormSection title={t('sale.oldItem')}>
      <FormField<T, FieldPath<T>>
        name={'hasOldItem' as FieldPath<T>}
        label={t('sale.fields.hasOldItemLabel')}
      >
        {({ field, inputProps }) => (
          <Checkbox {...inputProps} checked={field.value} onChange={(e) => field.onChange(e.target.checked)}>
            {t('sale.fields.hasOldItem')}
          </Checkbox>
        )}
      </FormField>
      {hasOldItem ? (
        <>
          <TextField<T>
            name={'recyclerUscc' as FieldPath<T>}
            rule={saleRules.recyclerUscc}
            max={22}
            extra={CODE}
          />
          <TextField<T> name={'receiptNo' as FieldPath<T>} rule={saleRules.receiptNo} max={64} extra={CODE} />
          <TextField<T>
            name={'recycledOn' as FieldPath<T>}
            rule={saleRules.recycledOn}
            max={10}
            extra={{ type: 'date' }}
          />
        </>
      ) : null}
    </FormSection>
  );
}
