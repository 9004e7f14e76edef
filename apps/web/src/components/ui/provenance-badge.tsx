import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

export type ProvenanceValue = 'sourced' | 'unverified' | 'sample';

/** Where a rule or figure comes from, with the meaning in a tooltip (also read out to screen readers). */
export function ProvenanceBadge({ provenance }: { provenance: string }) {
  const { t } = useTranslation('programs');
  const known = provenance === 'sourced' || provenance === 'unverified' || provenance === 'sample';
  const label = t(`provenance.${provenance}.label`, { defaultValue: provenance });
  const explanation = t(`provenance.${provenance}.explanation`, { defaultValue: '' });
  return (
    <Tooltip title={explanation || undefined}>
      <Tag
        className={`hx-provenance is-${known ? provenance : 'other'}`}
        tabIndex={0}
        aria-label={explanation ? `${label}：${explanation}` : label}
        data-provenance={provenance}
      >
        {label}
      </Tag>
    </Tooltip>
  );
}
