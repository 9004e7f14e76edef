import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProgramStatus } from '../api/get-programs';

const COLORS: Record<ProgramStatus, string> = { open: 'success', upcoming: 'processing', closed: 'default', exhausted: 'error' };

export function ProgramStatusBadge({ status }: { status: ProgramStatus }) {
  const { t } = useTranslation('programs');
  return (
    <Tag color={COLORS[status]} className="hx-status-badge" data-status={status}>
      {t(`status.${status}`)}
    </Tag>
  );
}
