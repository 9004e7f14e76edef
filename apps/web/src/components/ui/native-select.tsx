import { DownOutlined } from '@ant-design/icons';
import type { ControllerRenderProps, FieldValues } from 'react-hook-form';

export interface NativeSelectProps {
  /** The FormField's binding (`field`) and its accessible props (`inputProps`). */
  field: Pick<ControllerRenderProps<FieldValues, string>, 'value' | 'onChange' | 'onBlur' | 'name' | 'ref'>;
  inputProps: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string };
  /** The disabled first option shown until something is chosen. */
  placeholder: string;
  options: readonly { value: string; label: string }[];
}

/**
 * A native <select> inside a FormField: on a phone it opens the system picker (large, scrollable,
 * read by screen readers), styled like the antd inputs around it (`hx-native-select`).
 */
export function NativeSelect({
  field: { value, onChange, onBlur, name, ref },
  inputProps,
  placeholder,
  options,
}: NativeSelectProps) {
  return (
    <span className={`hx-native-select${inputProps['aria-invalid'] ? ' is-invalid' : ''}`}>
      <select
        {...inputProps}
        ref={ref}
        name={name}
        value={(value as string | undefined) ?? ''}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      >
        <option value="" disabled>
          {placeholder}
        </option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <DownOutlined aria-hidden className="hx-native-select__arrow" />
    </span>
  );
}
