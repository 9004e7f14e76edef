import type { ReactNode } from 'react';
import { Alert, Button } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ClauseResult } from '@huanxin/shared';
import { isApiError } from '@/lib/api-client';
import { errorMessage } from '@/lib/error-message';
import type { SubmitProblemInfo } from '../../lib/submit-problem';

/** Why the submit was refused, and the way to fix it (the documents, a field, the profile, a retry). */
export function SubmitProblem({
  problem,
  error,
  applicationId,
  goToDocuments,
  goToFact,
  factLabel,
  renderClauses,
}: {
  problem: SubmitProblemInfo | null;
  error: unknown;
  applicationId: string | undefined;
  goToDocuments: () => void;
  goToFact: (path: string) => void;
  factLabel: (path: string) => string;
  /** The failed clauses of a NOT_ELIGIBLE answer, as the eligibility results show them. */
  renderClauses: (clauses: ClauseResult[]) => ReactNode;
}) {
  const { t } = useTranslation(['applications', 'errors']);
  if (!problem) return null;
  const common = { className: 'hx-gap', showIcon: true, role: 'alert' as const };
  switch (problem.code) {
    case 'NOT_ELIGIBLE':
      return (
        <Alert
          {...common}
          type="error"
          data-testid="submit-not-eligible"
          title={t('applications:submit.notEligible')}
          description={renderClauses(problem.clauses)}
        />
      );
    case 'MISSING_DOCUMENTS':
      return (
        <Alert
          {...common}
          type="error"
          title={t('errors:MISSING_DOCUMENTS')}
          action={<Button onClick={goToDocuments}>{t('applications:submit.toDocuments')}</Button>}
        />
      );
    case 'DUPLICATE_CLAIM':
      return (
        <Alert
          {...common}
          type="error"
          title={t('errors:DUPLICATE_CLAIM')}
          {...(problem.factPath ? { description: factLabel(problem.factPath) } : {})}
          action={
            problem.factPath ? (
              <Button onClick={() => goToFact(problem.factPath as string)}>
                {t('applications:submit.toField')}
              </Button>
            ) : undefined
          }
        />
      );
    case 'BUDGET_EXHAUSTED':
      return (
        <Alert
          {...common}
          type="error"
          data-testid="submit-budget"
          title={t('applications:submit.budgetExhausted')}
          description={t('applications:submit.budgetExhaustedNote')}
        />
      );
    case 'PROFILE_REQUIRED': {
      const next = applicationId ? `/applications/${applicationId}/edit?step=review` : '/applications';
      return (
        <Alert
          {...common}
          type="warning"
          title={t('errors:PROFILE_REQUIRED')}
          action={
            <Link to={`/me/profile?next=${encodeURIComponent(next)}`}>
              {t('applications:submit.toProfile')}
            </Link>
          }
        />
      );
    }
    default: {
      const retryable = !isApiError(error) || error.status === 0 || error.status >= 500;
      return (
        <Alert
          {...common}
          type="error"
          title={errorMessage(t, error)}
          {...(retryable ? { description: t('applications:submit.retryNote') } : {})}
        />
      );
    }
  }
}
