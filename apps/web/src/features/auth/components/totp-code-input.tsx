import { Input } from 'antd';
import { KeyOutlined } from '@ant-design/icons';
import type { ControllerRenderProps, FieldValues, FieldPath } from 'react-hook-form';

export function totpRule(value: string): true | string {
  if (value === '') return 'REQUIRED';
  return /^\d{6}$/.test(value) ? true : 'OTP_FORMAT';
}

/** The 6-digit authenticator code: numeric keypad, one-time-code autofill, digits only. */
export function TotpCodeInput<T extends FieldValues, N extends FieldPath<T>>({
  field: { value, onChange, onBlur, name, ref },
  inputProps,
}: {
  field: ControllerRenderProps<T, N>;
  inputProps: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string };
}) {
  return (
    <Input
      {...inputProps}
      ref={ref}
      name={name}
      value={typeof value === 'string' ? value : ''}
      onBlur={onBlur}
      onChange={(e) => onChange(e.target.value.replace(/\D/g, '').slice(0, 6))}
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9]*"
      maxLength={6}
      size="large"
      prefix={<KeyOutlined aria-hidden />}
      className="hx-code-input"
      autoFocus
    />
  );
}
