import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProgramStatus } from '../api/get-programs';

export function ProgramStatusBadge({ status }: { status: ProgramStatus }) {
  const { t } = useTranslation('programs');
  return (
    <Tag className={`hx-status-badge is-${status}`} data-status={status}>
      {t(`status.${status}`)}
    </Tag>
  );
}
