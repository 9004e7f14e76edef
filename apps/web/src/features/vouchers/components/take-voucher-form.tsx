import { useRef } from 'react';
import { Alert } from 'antd';
import { useForm, useWatch } from 'react-hook-form';
import { formatFen, type VoucherOffer, type VoucherView } from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { Form, FormAlert, FormField, SubmitButton } from '@/components/ui/form';
import { NativeSelect } from '@/components/ui/native-select';
import { CLIENT_ERROR_CODES, isApiError } from '@/lib/api-client';
import { localized, moneyLocale } from '@/lib/i18n';
import { useTakeVoucher } from '../api/vouchers';

interface TakeVoucherValues {
  programCode: string;
  category: string;
}

const required = (value: string) => (value ? true : 'REQUIRED');

/** Answers that may hide a voucher taken on the server: retry with the same key. */
const LOST = new Set<string>([
  CLIENT_ERROR_CODES.network,
  CLIENT_ERROR_CODES.badResponse,
  CLIENT_ERROR_CODES.server,
]);

/**
 * Program, then category (native selects: the phone's own picker), the terms of the choice, and
 * "take". One Idempotency-Key per attempt: kept while the choice is the same, so a double tap or a
 * retry after a lost answer takes one voucher; a new choice or a definite answer starts a new one.
 */
export function TakeVoucherForm({
  offers,
  onTaken,
}: {
  offers: readonly VoucherOffer[];
  onTaken: (voucher: VoucherView) => void;
}) {
  const { t, i18n } = useTranslation(['vouchers', 'errors']);
  const take = useTakeVoucher();
  const attempt = useRef<{ input: string; key: string } | null>(null);
  const form = useForm<TakeVoucherValues>({
    mode: 'onChange',
    defaultValues: { programCode: offers.length === 1 ? offers[0]!.programCode : '', category: '' },
  });
  const programCode = useWatch({ control: form.control, name: 'programCode' });
  const offer = offers.find((candidate) => candidate.programCode === programCode);
  const lottery = offer?.allocationMode === 'lottery';

  const submit = (values: TakeVoucherValues) => {
    const input = JSON.stringify(values);
    if (attempt.current?.input !== input) attempt.current = { input, key: crypto.randomUUID() };
    take.mutate(
      { input: values, key: attempt.current.key },
      {
        onSuccess: (voucher) => {
          attempt.current = null;
          form.reset({ programCode: values.programCode, category: '' });
          onTaken(voucher);
        },
        onError: (error) => {
          // A refusal is a definite answer; only a lost or unreadable answer keeps the key for the retry.
          if (!isApiError(error) || !LOST.has(error.code)) attempt.current = null;
        },
      },
    );
  };

  return (
    <Form
      form={form}
      onSubmit={submit}
      pending={take.isPending}
      serverError={take.error}
      serverCodeField={{ QUOTA_EXCEEDED: 'category' }}
      className="hx-voucher-take"
      aria-label={t('take.title')}
    >
      <FormField<TakeVoucherValues, 'programCode'>
        name="programCode"
        label={t('take.program')}
        rules={{ validate: required }}
      >
        {({ field, inputProps }) => (
          <NativeSelect
            field={{
              ...field,
              onChange: (value: string) => {
                field.onChange(value);
                form.setValue('category', '');
              },
            }}
            inputProps={inputProps}
            placeholder={t('take.programPlaceholder')}
            options={offers.map((o) => ({ value: o.programCode, label: localized(o.title, i18n.language) }))}
          />
        )}
      </FormField>
      <FormField<TakeVoucherValues, 'category'>
        name="category"
        label={t('take.category')}
        rules={{ validate: required }}
      >
        {({ field, inputProps }) => (
          <NativeSelect
            field={field}
            inputProps={inputProps}
            placeholder={t('take.categoryPlaceholder')}
            options={(offer?.categories ?? []).map((c) => ({
              value: c.value,
              label: t('take.categoryOption', { label: localized(c.label, i18n.language), quota: c.quota }),
            }))}
          />
        )}
      </FormField>
      {offer && !lottery ? (
        <p className="hx-note" data-testid="voucher-terms">
          {t('take.terms', {
            amount: formatFen(offer.maxSubsidyFen, moneyLocale(i18n.language)),
            days: offer.validityDays,
          })}
        </p>
      ) : null}
      {lottery ? <Alert type="info" showIcon title={t('take.lottery')} /> : null}
      <FormAlert />
      <SubmitButton block size="large" disabled={lottery}>
        {t('take.submit')}
      </SubmitButton>
    </Form>
  );
}
