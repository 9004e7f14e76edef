/**
 * Creates a staff or dealer account through the one form wrapper: checked as you type, the
 * server's password-policy and username errors on their inputs, anything else announced.
 */
import { useState } from 'react';
import { Input } from 'antd';
import type { AccountView, OrganizationView } from '@huanxin/shared';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Form, FormAlert, FormField, SubmitButton, fieldErrorKeys } from '@/components/ui/form';
import { NativeSelect } from '@/components/ui/native-select';
import { useCreateAccount } from '../api/users';
import { accountRules, CREATABLE_ROLES } from '../lib/accounts';

interface Values {
  username: string;
  displayName: string;
  role: string;
  organizationId: string;
  password: string;
}
const blank: Values = { username: '', displayName: '', role: '', organizationId: '', password: '' };

export function CreateAccountForm({
  organizations,
  onCreated,
}: {
  /** Active organisations a dealer account may belong to. */
  organizations: readonly OrganizationView[];
  onCreated: (account: AccountView) => void;
}) {
  const { t } = useTranslation(['users', 'auth']);
  const create = useCreateAccount();
  const [serverError, setServerError] = useState<unknown>(null);
  const form = useForm<Values>({ mode: 'onChange', defaultValues: blank });
  const role = useWatch({ control: form.control, name: 'role' });
  const message = (field: string) => (code: string) =>
    t(fieldErrorKeys(code, `users:errors.${field}.${code}`));

  const onSubmit = async (values: Values) => {
    setServerError(null);
    try {
      const created = await create.mutateAsync({
        username: values.username,
        displayName: values.displayName.trim(),
        role: values.role as (typeof CREATABLE_ROLES)[number],
        password: values.password,
        ...(values.role === 'dealer' ? { organizationId: values.organizationId } : {}),
      });
      form.reset(blank);
      onCreated(created);
    } catch (error) {
      setServerError(error);
    }
  };

  return (
    <Form
      form={form}
      onSubmit={onSubmit}
      pending={create.isPending}
      serverError={serverError}
      serverFieldName={(key) =>
        (['username', 'displayName', 'role', 'organizationId', 'password'] as const).find((f) => f === key)
      }
      serverCodeField={{ USERNAME_TAKEN: 'username', ORGANIZATION_NOT_FOUND: 'organizationId' }}
      aria-label={t('create.title')}
      className="hx-profile-form"
    >
      <FormField<Values, 'username'>
        name="username"
        label={t('fields.username')}
        help={t('create.usernameHelp')}
        rules={{ validate: accountRules.username }}
        errorMessage={message('username')}
      >
        {({ textInputProps }) => <Input {...textInputProps} autoComplete="off" maxLength={32} />}
      </FormField>
      <FormField<Values, 'displayName'>
        name="displayName"
        label={t('fields.displayName')}
        rules={{ validate: accountRules.displayName }}
      >
        {({ textInputProps }) => <Input {...textInputProps} maxLength={40} />}
      </FormField>
      <FormField<Values, 'role'>
        name="role"
        label={t('fields.role')}
        help={t('create.roleHelp')}
        rules={{ validate: accountRules.role }}
        errorMessage={message('role')}
      >
        {({ field, inputProps }) => (
          <NativeSelect
            field={field}
            inputProps={inputProps}
            placeholder={t('choose')}
            options={CREATABLE_ROLES.map((r) => ({ value: r, label: t(`auth:roles.${r}`) }))}
          />
        )}
      </FormField>
      {role === 'dealer' ? (
        <FormField<Values, 'organizationId'>
          name="organizationId"
          label={t('fields.organization')}
          rules={{ validate: (v: string) => form.getValues('role') !== 'dealer' || v !== '' || 'REQUIRED' }}
          errorMessage={message('organizationId')}
        >
          {({ field, inputProps }) => (
            <NativeSelect
              field={field}
              inputProps={inputProps}
              placeholder={t('choose')}
              options={organizations.map((o) => ({ value: o.id, label: `${o.name}（${o.uscc}）` }))}
            />
          )}
        </FormField>
      ) : null}
      <FormField<Values, 'password'>
        name="password"
        label={t('fields.password')}
        help={t('create.passwordHelp')}
        rules={{ validate: accountRules.password }}
        errorMessage={message('password')}
      >
        {({ textInputProps }) => (
          <Input.Password {...textInputProps} autoComplete="new-password" maxLength={256} />
        )}
      </FormField>
      <FormAlert />
      <SubmitButton data-testid="create-account-submit">{t('create.submit')}</SubmitButton>
    </Form>
  );
}
