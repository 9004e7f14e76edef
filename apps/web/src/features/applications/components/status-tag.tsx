import { Tag } from 'antd';
import type { ApplicationStatus } from '@huanxin/shared';
import { useTranslation } from 'react-i18next';

const COLORS: Record<ApplicationStatus, string> = {
  draft: 'default',
  submitted: 'blue',
  checking: 'processing',
  in_review: 'processing',
  returned: 'warning',
  approved: 'success',
  paid: 'success',
  rejected: 'error',
  withdrawn: 'default',
  expired: 'default',
  cancelled: 'default',
};

/** A claim's status in words (never the raw code). */
export function ApplicationStatusTag({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation('applications');
  return (
    <Tag color={COLORS[status]} className="hx-app-status" data-status={status}>
      {t(`status.${status}`)}
    </Tag>
  );
}
