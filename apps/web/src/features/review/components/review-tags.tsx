import { Tag, Tooltip } from 'antd';
import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  ExclamationCircleOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { HIGH_RISK_SCORE, isRiskSignalCode, RISK_SIGNALS, type SlaState } from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { localized } from '@/lib/i18n';

const SLA_LOOK: Record<SlaState, { color: string; icon: React.ReactNode }> = {
  ok: { color: 'success', icon: <CheckCircleOutlined aria-hidden /> },
  warning: { color: 'warning', icon: <ClockCircleOutlined aria-hidden /> },
  overdue: { color: 'error', icon: <ExclamationCircleOutlined aria-hidden /> },
};

/** The SLA state in colour, icon and words (colour is never the only signal). */
export function SlaTag({ state }: { state: SlaState }) {
  const { t } = useTranslation('review');
  const look = SLA_LOOK[state];
  return (
    <Tag color={look.color} icon={look.icon} data-sla={state} className="hx-sla-tag">
      {t(`sla.${state}`)}
    </Tag>
  );
}

/** A raised risk signal's title in the current language (the code when it has no published title). */
export function useFlagTitle(): (code: string) => string {
  const { i18n } = useTranslation();
  return (code) => (isRiskSignalCode(code) ? localized(RISK_SIGNALS[code].title, i18n.language) : code);
}

export function FlagChips({ flags }: { flags: readonly string[] }) {
  const { t } = useTranslation('review');
  const title = useFlagTitle();
  if (flags.length === 0) return <span className="hx-note">{t('queue.noFlags')}</span>;
  return (
    <span className="hx-flag-chips">
      {flags.map((code) => (
        <Tooltip key={code} title={code}>
          <Tag color="volcano" icon={<WarningOutlined aria-hidden />} data-flag={code}>
            {title(code)}
          </Tag>
        </Tooltip>
      ))}
    </span>
  );
}

export function RiskScore({ score }: { score: number }) {
  const { t } = useTranslation('review');
  const high = score >= HIGH_RISK_SCORE;
  return (
    <span className={`hx-risk${high ? ' is-high' : ''}`} data-risk={score}>
      {score}
      {high ? <span className="hx-risk__label"> {t('risk.high')}</span> : null}
    </span>
  );
}
