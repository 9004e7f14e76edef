import { useState } from 'react';
import { Alert, Button, Input, Modal, Result } from 'antd';
import { checkSaleReturn, formatFen, RETURN_REASON_MAX, todayInShanghai } from '@huanxin/shared';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { fieldErrorKeys, Form, FormAlert, FormField, SubmitButton } from '@/components/ui/form';
import { isApiError } from '@/lib/api-client';
import { moneyLocale } from '@/lib/i18n';
import { useReturnSale, type ReturnSaleResult } from '../api/returns';
import type { DealerSaleView } from '../api/sales';

export interface ReturnValues {
  returnedOn: string;
  reason: string;
}

export const REASON_MAX = RETURN_REASON_MAX;

/**
 * The API's own rules (`checkSaleReturn`), one field at a time: the date a past or present day, not
 * before the sale's invoice date; a reason that is not blank and not too long.
 */
export function returnedOnRule(invoiceDate: string, today: () => string = todayInShanghai) {
  return (value: string): true | string => {
    const checked = checkSaleReturn(
      { returnedOn: value, reason: '-' },
      { today: today(), saleDate: invoiceDate },
    );
    return checked.ok || (checked.fields.returnedOn ?? true);
  };
}

export function reasonRule(value: string): true | string {
  const checked = checkSaleReturn(
    { returnedOn: '1970-01-01', reason: value },
    { today: '1970-01-01', saleDate: '1970-01-01' },
  );
  return checked.ok || (checked.fields.reason ?? true);
}

/** What the return did, in words (operations.md §6's three cases). */
export function ReturnOutcomeText({ result }: { result: ReturnSaleResult }) {
  const { t, i18n } = useTranslation('dealer');
  if (result.outcome !== 'receivable') return <>{t(`returns.outcome.${result.outcome}`)}</>;
  const amount = formatFen(result.receivableFen ?? 0, moneyLocale(i18n.language));
  return (
    <>
      {result.dueOn
        ? t('returns.outcome.receivable', { amount, date: result.dueOn })
        : t('returns.outcome.receivableNoDate', { amount })}
    </>
  );
}

/**
 * Report a sale's return: the date (today by default; not in the future, not before the sale) and
 * the reason, then a confirmation that says it cannot be undone. The answer is shown in words:
 * cancelled, removed from an unpaid batch, or a receivable of ¥x due on a date.
 */
export function ReturnDialog({
  sale,
  itemLabel,
  onClose,
}: {
  sale: DealerSaleView | null;
  itemLabel: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('dealer');
  const mutation = useReturnSale();
  const [serverError, setServerError] = useState<unknown>(null);
  const [result, setResult] = useState<ReturnSaleResult | null>(null);
  const form = useForm<ReturnValues>({
    mode: 'onChange',
    defaultValues: { returnedOn: todayInShanghai(), reason: '' },
  });
  const close = () => {
    form.reset({ returnedOn: todayInShanghai(), reason: '' });
    setServerError(null);
    setResult(null);
    onClose();
  };
  const message = (field: string) => (code: string) =>
    t(fieldErrorKeys(code, `dealer:returns.errors.${field}.${code}`));

  const onSubmit = async (values: ReturnValues) => {
    if (!sale) return;
    setServerError(null);
    try {
      setResult(
        await mutation.mutateAsync({
          id: sale.id,
          returnedOn: values.returnedOn,
          reason: values.reason.trim(),
        }),
      );
    } catch (error) {
      setServerError(error);
    } finally {
      mutation.reset();
    }
  };

  return (
    <Modal
      open={sale !== null}
      title={result ? t('returns.doneTitle') : t('returns.title')}
      onCancel={close}
      footer={null}
      destroyOnHidden
      width={520}
      data-testid="return-dialog"
    >
      {result ? (
        <Result
          status={result.outcome === 'receivable' ? 'warning' : 'success'}
          title={t('returns.doneTitle')}
          subTitle={
            <span data-testid="return-outcome" data-outcome={result.outcome}>
              <ReturnOutcomeText result={result} />
            </span>
          }
          extra={
            <Button type="primary" onClick={close}>
              {t('returns.close')}
            </Button>
          }
        />
      ) : sale ? (
        <Form
          form={form}
          onSubmit={onSubmit}
          pending={mutation.isPending}
          serverError={serverError}
          serverFieldName={(key) => (key === 'returnedOn' || key === 'reason' ? key : undefined)}
          aria-label={t('returns.title')}
          className="hx-profile-form"
        >
          <p className="hx-note">{t('returns.intro')}</p>
          <p>
            <span className="hx-note">{t('returns.item')}：</span>
            <strong>{itemLabel}</strong>
            {sale.serialNo ? <span className="hx-note"> · {sale.serialNo}</span> : null}
            <span className="hx-note">
              {' '}
              · {t('sale.invoice')} {sale.invoiceNo} · {sale.invoiceDate}
            </span>
          </p>
          <FormField<ReturnValues, 'returnedOn'>
            name="returnedOn"
            label={t('returns.returnedOn')}
            rules={{ validate: returnedOnRule(sale.invoiceDate) }}
            errorMessage={message('returnedOn')}
          >
            {({ textInputProps }) => (
              <Input {...textInputProps} type="date" min={sale.invoiceDate} max={todayInShanghai()} />
            )}
          </FormField>
          <FormField<ReturnValues, 'reason'>
            name="reason"
            label={t('returns.reason')}
            rules={{ validate: reasonRule }}
            errorMessage={message('reason')}
            help={t('returns.reasonHelp')}
          >
            {({ textInputProps }) => (
              <Input.TextArea
                {...textInputProps}
                onChange={(e) => textInputProps.onChange({ target: { value: e.target.value } })}
                autoSize={{ minRows: 2, maxRows: 4 }}
                maxLength={REASON_MAX + 20}
              />
            )}
          </FormField>
          <Alert type="warning" showIcon title={t('returns.warning')} />
          <FormAlert
            message={(error) =>
              isApiError(error) && (error.code as string) === 'ALREADY_RETURNED'
                ? t('returns.ALREADY_RETURNED')
                : undefined
            }
          />
          <div className="hx-form-actions">
            <Button onClick={close}>{t('returns.cancel')}</Button>
            <SubmitButton danger data-testid="return-confirm">
              {t('returns.confirm')}
            </SubmitButton>
          </div>
        </Form>
      ) : null}
    </Modal>
  );
}
