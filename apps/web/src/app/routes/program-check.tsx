import { Alert } from 'antd';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ProgramStatusBadge } from '@/features/programs/components/program-status-badge';
import { EligibilityCheck } from '@/features/eligibility/components/eligibility-check';
import { ProgramPage } from './program-page';

export function ProgramCheckPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation(['eligibility']);
  return (
    <ProgramPage code={code} heading={t('eligibility:title')}>
      {(program) => (
        <>
          {program.status !== 'open' ? (
            <Alert
              className="hx-gap"
              type="warning"
              showIcon
              title={
                <>
                  {t('eligibility:notOpen')} <ProgramStatusBadge status={program.status} />
                </>
              }
            />
          ) : null}
          {!program.definition ? (
            <Alert className="hx-gap" type="info" showIcon title={t('eligibility:result.unavailable')} />
          ) : null}
          <EligibilityCheck key={`${program.code}@${program.version}`} program={program} />
        </>
      )}
    </ProgramPage>
  );
}
