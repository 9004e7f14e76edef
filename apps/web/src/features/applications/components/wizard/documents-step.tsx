import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicationDocument, DocumentRequirement } from '@huanxin/shared';
import { DocumentList } from '../document-upload';
import { WizardNav } from './wizard-nav';

/** The program's documents, each with its upload; only once the draft exists. */
export function DocumentsStep({
  applicationId,
  requirements,
  documents,
  missingKinds,
  toFixKinds,
  onBack,
  onNext,
}: {
  applicationId: string | undefined;
  requirements: DocumentRequirement[];
  documents: ApplicationDocument[];
  /** Kinds the server said are missing at the last submit. */
  missingKinds: string[];
  /** Kinds the reviewer asked for again (a returned claim). */
  toFixKinds?: ReadonlySet<string>;
  onBack: () => void;
  onNext: () => void;
}) {
  const { t } = useTranslation('applications');
  return (
    <section>
      <p className="hx-note">{t('documents.intro')}</p>
      {applicationId ? (
        <DocumentList
          applicationId={applicationId}
          requirements={requirements}
          documents={documents}
          missingKinds={missingKinds}
          {...(toFixKinds ? { toFixKinds } : {})}
        />
      ) : (
        <Alert type="info" showIcon title={t('documents.saveFirst')} />
      )}
      <WizardNav onBack={onBack} onNext={onNext} />
    </section>
  );
}
