/**
 * The one form wrapper (react-hook-form). Every form in the portal goes through it, so they all:
 * - validate as you type (mode onChange) with validators shared with the server,
 * - disable submit while a request is pending,
 * - show the server's 422 `fields` on the right inputs, put codes without fields (e.g. 401 OTP_INVALID)
 *   on the input they are about (`serverCodeField`), and announce anything else in <FormAlert />.
 */
import { createContext, useContext, useEffect, useId, type ReactNode } from 'react';
import { Alert, Button, type ButtonProps } from 'antd';
import { LoadingOutlined } from '@ant-design/icons';
import {
  Controller,
  FormProvider,
  useFormContext,
  type ControllerFieldState,
  type ControllerRenderProps,
  type FieldPath,
  type FieldValues,
  type RegisterOptions,
  type SubmitHandler,
  type UseFormReturn,
} from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client';
import { errorMessage as translateError } from '@/lib/error-message';

interface FormMeta {
  pending: boolean;
  /** The server error when it was not put on any input (shown by <FormAlert />). */
  formError: unknown;
}
const FormMetaContext = createContext<FormMeta>({ pending: false, formError: undefined });

export interface FormProps<T extends FieldValues> {
  form: UseFormReturn<T>;
  onSubmit: SubmitHandler<T>;
  children: ReactNode;
  /** A request started by this form is in flight: submit buttons are disabled. */
  pending?: boolean;
  /** The last server error; its `fields` are put on the matching inputs. */
  serverError?: unknown;
  /** Map a server field key (e.g. `facts.oldVehicle.vin`) to a form field name; undefined = not a form field. */
  serverFieldName?: (serverKey: string) => FieldPath<T> | undefined;
  /** Error codes that carry no `fields` but are about one input, e.g. `{ OTP_INVALID: 'code' }`. */
  serverCodeField?: Partial<Record<string, FieldPath<T>>>;
  className?: string;
  'aria-label'?: string;
  'aria-labelledby'?: string;
}

export function Form<T extends FieldValues>({
  form,
  onSubmit,
  children,
  pending = false,
  serverError,
  serverFieldName = (key) => key as FieldPath<T>,
  serverCodeField,
  className,
  ...aria
}: FormProps<T>) {
  const { setError } = form;
  const placements = serverPlacements(serverError, serverFieldName, serverCodeField);
  useEffect(() => {
    for (const [name, code] of placements)
      setError(name, { type: 'server', message: code }, { shouldFocus: true });
    // serverFieldName / serverCodeField are usually inline; the error object is what changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [serverError, setError]);
  const formError = serverError != null && placements.length === 0 ? serverError : undefined;

  return (
    <FormProvider {...form}>
      <FormMetaContext.Provider value={{ pending, formError }}>
        <form
          className={className}
          noValidate
          onSubmit={(event) => void form.handleSubmit(onSubmit)(event)}
          {...aria}
        >
          {children}
        </form>
      </FormMetaContext.Provider>
    </FormProvider>
  );
}

/** Where a server error goes: [form field, code] pairs (none when it is not about any input). */
function serverPlacements<T extends FieldValues>(
  error: unknown,
  fieldName: (serverKey: string) => FieldPath<T> | undefined,
  codeField: Partial<Record<string, FieldPath<T>>> | undefined,
): Array<[FieldPath<T>, string]> {
  if (!isApiError(error)) return [];
  const out: Array<[FieldPath<T>, string]> = [];
  for (const [key, code] of Object.entries(error.fields)) {
    const name = fieldName(key);
    if (name) out.push([name, code]);
  }
  const byCode = codeField?.[error.code];
  if (out.length === 0 && byCode) out.push([byCode, error.code]);
  return out;
}

/**
 * The server error that is not about one input (e.g. 503 SMS_UNAVAILABLE, 401 INVALID_CREDENTIALS),
 * translated and announced. `message` may override the text for a code (e.g. to add a countdown).
 */
export function FormAlert({ message }: { message?: (error: unknown) => string | undefined }) {
  const { formError } = useContext(FormMetaContext);
  const { t } = useTranslation();
  if (formError == null) return null;
  return (
    <Alert
      className="hx-form-alert"
      type="error"
      showIcon
      role="alert"
      title={message?.(formError) ?? translateError(t, formError)}
    />
  );
}

/** Turns an error code (or a code with a field-specific override) into a message. */
export type ErrorMessageFor = (code: string) => string;

/**
 * The translation keys of a field's error code, most specific first: the caller's own keys (e.g.
 * `profile:errors.street.REQUIRED`), then the shared field text, the error code's text, and a
 * generic "invalid format". Every form's messages fall back the same way.
 */
export function fieldErrorKeys(code: string, ...specific: string[]): string[] {
  return [...specific, `errors:field.${code}`, `errors:${code}`, 'errors:field.INVALID_FORMAT'];
}

export interface TextInputBinding {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby'?: string;
  ref: ControllerRenderProps['ref'];
  name: string;
  value: string;
  onBlur: () => void;
  onChange: (event: { target: { value: string } }) => void;
}

export interface FormFieldProps<T extends FieldValues, N extends FieldPath<T>> {
  name: N;
  label: ReactNode;
  help?: ReactNode;
  /** Marks the field as needed for a claim (not for submitting this form). */
  requiredMark?: boolean;
  rules?: Omit<RegisterOptions<T, N>, 'valueAsNumber' | 'valueAsDate' | 'setValueAs' | 'disabled'>;
  /** Translate a validation code; defaults to `errors:field.<CODE>`. */
  errorMessage?: ErrorMessageFor;
  /** Non-blocking notice under the field (e.g. a warning code from a validator). */
  warning?: ReactNode;
  /** Marks the field as one to change (e.g. a reviewer returned the claim naming it), with why. */
  highlight?: ReactNode;
  children: (props: {
    field: ControllerRenderProps<T, N>;
    fieldState: ControllerFieldState;
    /** Spread onto the input: id, aria-invalid, aria-describedby. */
    inputProps: {
      id: string;
      'aria-invalid': boolean;
      'aria-describedby'?: string;
      'aria-required'?: boolean;
    };
    /** `inputProps` plus the field's binding for a text input (ref, name, value, change, blur). */
    textInputProps: TextInputBinding;
    labelId: string;
  }) => ReactNode;
}

/** A labelled field bound to the surrounding Form, with its error and help linked for screen readers. */
export function FormField<T extends FieldValues, N extends FieldPath<T>>({
  name,
  label,
  help,
  requiredMark,
  rules,
  errorMessage,
  warning,
  highlight,
  children,
}: FormFieldProps<T, N>) {
  const { control } = useFormContext<T>();
  const { t } = useTranslation();
  const id = `f-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const labelId = `${id}-label`;
  const translate: ErrorMessageFor = errorMessage ?? ((code) => t(fieldErrorKeys(code)));
  return (
    <Controller
      control={control}
      name={name}
      {...(rules ? { rules } : {})}
      render={({ field, fieldState }) => {
        const errorCode = fieldState.error?.message;
        const describedBy = [
          highlight ? `${id}-highlight` : null,
          errorCode ? `${id}-error` : null,
          warning ? `${id}-warning` : null,
          help ? `${id}-help` : null,
        ]
          .filter(Boolean)
          .join(' ');
        return (
          <div
            className={`hx-field${errorCode ? ' has-error' : ''}${highlight ? ' is-highlighted' : ''}`}
            data-field={name}
            data-highlighted={highlight ? true : undefined}
          >
            <label className="hx-field__label" htmlFor={id} id={labelId}>
              {label}
              {requiredMark ? <span className="hx-field__required">{t('form.requiredForClaim')}</span> : null}
            </label>
            {highlight ? (
              <p className="hx-field__highlight" id={`${id}-highlight`}>
                {highlight}
              </p>
            ) : null}
            {(() => {
              const inputProps = {
                id,
                'aria-invalid': Boolean(errorCode),
                ...(describedBy ? { 'aria-describedby': describedBy } : {}),
              };
              const textInputProps: TextInputBinding = {
                ...inputProps,
                ref: field.ref,
                name: field.name,
                value: (field.value as string | undefined) ?? '',
                onBlur: field.onBlur,
                onChange: (event) => field.onChange(event.target.value),
              };
              return children({ field, fieldState, labelId, inputProps, textInputProps });
            })()}
            {errorCode ? (
              <p className="hx-field__error" id={`${id}-error`} role="alert">
                {translate(errorCode)}
              </p>
            ) : null}
            {warning ? (
              <p className="hx-field__warning" id={`${id}-warning`}>
                {warning}
              </p>
            ) : null}
            {help ? (
              <p className="hx-field__help" id={`${id}-help`}>
                {help}
              </p>
            ) : null}
          </div>
        );
      }}
    />
  );
}

/**
 * Submit button: disabled and marked busy while the form's request is pending or the form is submitting.
 * Not antd's `loading`: its icon is labelled "loading" and lingers in the DOM during its leave animation,
 * so the button's accessible name became "loading 保存".
 */
export function SubmitButton({ children, icon, ...props }: Omit<ButtonProps, 'htmlType' | 'loading'>) {
  const { pending } = useContext(FormMetaContext);
  const { formState } = useFormContext();
  const busy = pending || formState.isSubmitting;
  return (
    <Button
      type="primary"
      {...props}
      htmlType="submit"
      icon={busy ? <LoadingOutlined aria-hidden /> : icon}
      aria-busy={busy || undefined}
      disabled={busy || props.disabled}
    >
      {children}
    </Button>
  );
}

/** A titled group of fields (fieldset + legend). */
export function FormSection({
  title,
  children,
  description,
}: {
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
}) {
  return (
    <fieldset className="hx-fieldset">
      <legend className="hx-fieldset__legend">{title}</legend>
      {description ? <p className="hx-fieldset__description">{description}</p> : null}
      <div className="hx-fieldset__fields">{children}</div>
    </fieldset>
  );
}
