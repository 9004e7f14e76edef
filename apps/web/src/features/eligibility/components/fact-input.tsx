import { Input, Radio, Select, Switch } from 'antd';
import type { FactField } from '@huanxin/shared';
import type { ControllerRenderProps } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { localized } from '@/lib/i18n';
import type { FactFormValues } from '../hooks/use-fact-form';

export interface FactInputProps {
  field: FactField;
  control: ControllerRenderProps<FactFormValues, string>;
  inputProps: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string };
  labelId: string;
}

/** Radio buttons for short lists, a select for long ones. */
const RADIO_MAX_OPTIONS = 4;

/** The input for one fact field, chosen by its type. */
export function FactInput({
  field,
  control: { value, onChange, onBlur, name, ref },
  inputProps,
  labelId,
}: FactInputProps) {
  const { t, i18n } = useTranslation('eligibility');
  const lang = i18n.language;
  const text = typeof value === 'string' ? value : '';
  const common = { ...inputProps, name, onBlur, ref };

  switch (field.type) {
    case 'date':
      return (
        <Input
          {...common}
          type="date"
          value={text}
          onChange={(e) => onChange(e.target.value)}
          className="hx-input-date"
        />
      );
    case 'money':
      return (
        <Input
          {...common}
          inputMode="decimal"
          autoComplete="off"
          value={text}
          placeholder={t('placeholder.money')}
          suffix={t('unit.yuan')}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'integer':
    case 'number':
      return (
        <Input
          {...common}
          inputMode={field.type === 'integer' ? 'numeric' : 'decimal'}
          autoComplete="off"
          value={text}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'boolean': {
      const state = value === true ? 'yes' : value === false ? 'no' : 'unanswered';
      return (
        <span className="hx-switch">
          <Switch
            id={inputProps.id}
            ref={ref}
            aria-labelledby={labelId}
            {...(inputProps['aria-describedby']
              ? { 'aria-describedby': inputProps['aria-describedby'] }
              : {})}
            checked={value === true}
            onChange={(checked) => onChange(checked)}
          />
          <span className={`hx-switch__state is-${state}`} aria-hidden>
            {t(`boolean.${state}`)}
          </span>
        </span>
      );
    }
    case 'enum': {
      const options = (field.options ?? []).map((o) => ({ value: o.value, label: localized(o.label, lang) }));
      const selected = typeof value === 'string' ? value : undefined;
      if (options.length <= RADIO_MAX_OPTIONS) {
        return (
          <Radio.Group
            id={inputProps.id}
            aria-labelledby={labelId}
            {...(inputProps['aria-describedby']
              ? { 'aria-describedby': inputProps['aria-describedby'] }
              : {})}
            optionType="button"
            buttonStyle="solid"
            className="hx-radio"
            value={selected}
            options={options}
            onChange={(e) => onChange(e.target.value as string)}
          />
        );
      }
      return (
        <Select
          id={inputProps.id}
          aria-labelledby={labelId}
          {...(inputProps['aria-describedby'] ? { 'aria-describedby': inputProps['aria-describedby'] } : {})}
          status={inputProps['aria-invalid'] ? 'error' : ''}
          value={selected}
          placeholder={t('placeholder.select')}
          options={options}
          allowClear
          onChange={(v: string | undefined) => onChange(v ?? undefined)}
          onBlur={onBlur}
          className="hx-select"
          popupMatchSelectWidth
        />
      );
    }
    case 'string':
      return (
        <Input
          {...common}
          value={text}
          autoComplete="off"
          spellCheck={false}
          {...(field.validator ? { autoCapitalize: 'characters' } : {})}
          onChange={(e) => onChange(e.target.value)}
        />
      );
  }
}
