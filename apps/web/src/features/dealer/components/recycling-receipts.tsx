import { useState } from 'react';
import { Input } from 'antd';
import {
  normalizeIdentifier,
  RECEIPT_NO_PATTERN,
  todayInShanghai,
  validateResidentId,
} from '@huanxin/shared';
import { useForm, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { fieldErrorKeys, Form, FormAlert, FormField, SubmitButton } from '@/components/ui/form';
import { NativeSelect } from '@/components/ui/native-select';
import { useCreateReceipt, useReceipts, type ReceiptView } from '../api/recycling-receipts';
import { pastDate, saleRules } from '../lib/sale-rules';
import { RecordList } from './record-list';

export interface ReceiptValues {
  receiptNo: string;
  category: string;
  sellerIdNumber: string;
  recycledOn: string;
}

const blank: ReceiptValues = { receiptNo: '', category: '', sellerIdNumber: '', recycledOn: '' };

export const receiptRules = {
  receiptNo: (value: string): true | string => {
    const v = normalizeIdentifier(value);
    if (v === '') return 'REQUIRED';
    return RECEIPT_NO_PATTERN.test(v) || 'INVALID_FORMAT';
  },
  category: (value: string): true | string => value !== '' || 'REQUIRED',
  sellerIdNumber: saleRules.buyerIdNumber,
  recycledOn: pastDate(),
};

/** Recyclers: the receipt given for an old appliance, which backs the resident's trade-in claim. */
export function RecyclingReceipts({
  categories,
  writable,
}: {
  categories: { value: string; label: string }[];
  writable: boolean;
}) {
  const { t } = useTranslation('dealer');
  const list = useReceipts();
  const create = useCreateReceipt();
  const [serverError, setServerError] = useState<unknown>(null);
  const form = useForm<ReceiptValues>({ mode: 'onChange', defaultValues: blank });
  const message = (field: string) => (code: string) =>
    t(fieldErrorKeys(code, `dealer:errors.${field}.${code}`));
  const label = (value: string) => categories.find((c) => c.value === value)?.label ?? value;

  const onSubmit = async (values: ReceiptValues) => {
    setServerError(null);
    try {
      await create.mutateAsync({
        receiptNo: values.receiptNo.trim(),
        category: values.category,
        sellerIdNumber: validateResidentId(values.sellerIdNumber).value,
        recycledOn: values.recycledOn,
      });
      form.reset(blank);
    } catch (error) {
      setServerError(error);
    } finally {
      create.reset();
    }
  };

  return (
    <>
      <RecordList<ReceiptView>
        id="dealer-receipts-title"
        title={t('receipts.title')}
        empty={t('receipts.empty')}
        list={list}
        columns={[
          { title: t('receipts.fields.receiptNo'), dataIndex: 'receiptNo' },
          { title: t('receipts.fields.category'), render: (_, r) => label(r.category) },
          { title: t('receipts.fields.recycledOn'), dataIndex: 'recycledOn' },
          { title: t('receipts.fields.sellerIdNumber'), dataIndex: 'sellerIdNumberMasked' },
        ]}
      />
      {writable ? (
        <Form
          form={form}
          onSubmit={onSubmit}
          pending={create.isPending}
          serverError={serverError}
          serverFieldName={(key) => (key in blank ? (key as FieldPath<ReceiptValues>) : undefined)}
          serverCodeField={{ DUPLICATE_RECEIPT: 'receiptNo', BUYER_NOT_HOLDER: 'sellerIdNumber' }}
          aria-labelledby="dealer-receipt-add"
          className="hx-profile-form"
        >
          <h3 id="dealer-receipt-add">{t('receipts.add')}</h3>
          <FormField<ReceiptValues, 'receiptNo'>
            name="receiptNo"
            label={t('receipts.fields.receiptNo')}
            rules={{ validate: receiptRules.receiptNo }}
            errorMessage={message('receiptNo')}
          >
            {({ textInputProps }) => <Input {...textInputProps} maxLength={64} autoComplete="off" />}
          </FormField>
          <FormField<ReceiptValues, 'category'>
            name="category"
            label={t('receipts.fields.category')}
            rules={{ validate: receiptRules.category }}
            errorMessage={message('category')}
          >
            {({ field, inputProps }) => (
              <NativeSelect
                field={field}
                inputProps={inputProps}
                placeholder={t('placeholder.choose')}
                options={categories}
              />
            )}
          </FormField>
          <FormField<ReceiptValues, 'sellerIdNumber'>
            name="sellerIdNumber"
            label={t('receipts.fields.sellerIdNumber')}
            rules={{ validate: receiptRules.sellerIdNumber }}
            errorMessage={message('sellerIdNumber')}
          >
            {({ textInputProps }) => (
              <Input {...textInputProps} maxLength={20} autoComplete="off" spellCheck={false} />
            )}
          </FormField>
          <FormField<ReceiptValues, 'recycledOn'>
            name="recycledOn"
            label={t('receipts.fields.recycledOn')}
            rules={{ validate: receiptRules.recycledOn }}
            errorMessage={message('recycledOn')}
          >
            {({ textInputProps }) => <Input {...textInputProps} type="date" max={todayInShanghai()} />}
          </FormField>
          <FormAlert />
          <div className="hx-form-actions">
            <SubmitButton data-testid="receipt-submit">{t('receipts.submit')}</SubmitButton>
          </div>
        </Form>
      ) : null}
    </>
  );
}
