import { Alert, Button } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { ApplicationCorrection } from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { localized } from '@/lib/i18n';
import { formatDateTime } from './application-card';

const DOCUMENT_PREFIX = 'document:';

/** The fact paths and document kinds a returned claim must fix (`document:<kind>` names a document). */
export function correctionTargets(correction: ApplicationCorrection | null | undefined): {
  facts: Set<string>;
  documents: Set<string>;
} {
  const facts = new Set<string>();
  const documents = new Set<string>();
  for (const field of correction?.fields ?? []) {
    if (field.startsWith(DOCUMENT_PREFIX)) documents.add(field.slice(DOCUMENT_PREFIX.length));
    else facts.add(field);
  }
  return { facts, documents };
}

/**
 * What the reviewer asked for on a returned claim: the reason, each field or document to fix (with a way
 * to it, in the form), the reviewer's note, and the date after which the claim expires.
 */
export function CorrectionNotice({
  correction,
  fieldLabel,
  documentTitle,
  onGoTo,
}: {
  correction: ApplicationCorrection;
  fieldLabel: (path: string) => string;
  documentTitle: (kind: string) => string;
  /** In the form: move to the step that asks for the field. */
  onGoTo?: (field: string) => void;
}) {
  const { t, i18n } = useTranslation('applications');
  const lang = i18n.language;
  const label = (field: string) =>
    field.startsWith(DOCUMENT_PREFIX)
      ? documentTitle(field.slice(DOCUMENT_PREFIX.length))
      : fieldLabel(field);
  return (
    <Alert
      className="hx-gap hx-correction"
      type="warning"
      showIcon
      role="alert"
      data-testid="correction"
      title={t('correction.title', { reason: localized(correction.reasonTitle, lang) })}
      description={
        <>
          <p>{t('correction.fields')}</p>
          <ul className="hx-correction__fields">
            {correction.fields.map((field) => (
              <li key={field} data-correction-field={field}>
                <strong>{label(field)}</strong>
                {onGoTo ? (
                  <Button
                    size="small"
                    type="link"
                    icon={<EditOutlined aria-hidden />}
                    onClick={() => onGoTo(field)}
                    aria-label={`${t('correction.goTo')}：${label(field)}`}
                  >
                    {t('correction.goTo')}
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
          {correction.note ? <p>{t('correction.note', { note: correction.note })}</p> : null}
          <p data-testid="correction-expires">
            {t('correction.expires', { date: formatDateTime(correction.expiresAt, lang) })}
          </p>
        </>
      }
    />
  );
}
