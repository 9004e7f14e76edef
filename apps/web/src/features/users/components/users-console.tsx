/**
 * The users console (`/console/users`, 1366×768): staff and dealer accounts with filters, a new
 * account, and the row actions each administrator holds (三员: the system administrator disables,
 * re-enables, sets passwords and activates; the security administrator unlocks, resets the second
 * factor and changes roles). Every action is confirmed and its outcome (or refusal) is said plainly.
 */
import { useMemo, useState } from 'react';
import { Alert, Button, Input, Modal, Space, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { can, Permission, ROLES, type AccountView, type OrganizationView, type Role } from '@huanxin/shared';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/ui/query-state';
import { isApiError } from '@/lib/api-client';
import { useAccounts, useUpdateAccount, type AccountChange } from '../api/users';
import {
  ACCOUNT_STATUSES,
  accountRules,
  accountStatus,
  actionsFor,
  ASSIGNABLE_ROLES,
  filterAccounts,
  type AccountAction,
  type AccountFilter,
  type AccountStatus,
} from '../lib/accounts';
import { CreateAccountForm } from './create-account-form';

const STATUS_COLOR: Record<AccountStatus, string> = {
  active: 'green',
  pending: 'gold',
  locked: 'orange',
  disabled: 'default',
};

interface Pending {
  account: AccountView;
  action: AccountAction;
}

/** The PATCH body of an action (password and role carry the value typed in the dialog). */
function changeOf(action: AccountAction, value: string): AccountChange {
  switch (action) {
    case 'disable':
      return { disabled: true };
    case 'enable':
      return { disabled: false };
    case 'unlock':
      return { unlock: true };
    case 'resetMfa':
      return { resetMfa: true };
    case 'activate':
      return { activate: true };
    case 'password':
      return { password: value };
    case 'role':
      return { role: value as Role };
  }
}

export function UsersConsole({
  user,
  organizations,
}: {
  /** The signed-in administrator: which actions are offered, and which row is their own. */
  user: { id: string; role: Role } | null;
  /**
   * Organisations (names, registrations), only for a role that may review them (the page loads
   * them); the security administrator may not, so it gets none and sees no summary.
   */
  organizations?: { data?: readonly OrganizationView[] | undefined };
}) {
  const { t, i18n } = useTranslation(['users', 'auth', 'errors']);
  const accounts = useAccounts();
  const mayReviewOrganizations = organizations !== undefined;
  const mayCreate = user !== null && can(user.role, Permission.UsersManage);
  const update = useUpdateAccount();
  const [filter, setFilter] = useState<AccountFilter>({ role: 'all', status: 'all', search: '' });
  const [creating, setCreating] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);
  const [value, setValue] = useState('');
  const [valueError, setValueError] = useState<string | null>(null);
  const [dialogError, setDialogError] = useState<unknown>(null);
  const [outcome, setOutcome] = useState<{ type: 'success' | 'info'; text: string } | null>(null);

  const orgList = organizations?.data;
  const orgById = useMemo(
    () => new Map((orgList ?? []).map((o): [string, OrganizationView] => [o.id, o])),
    [orgList],
  );
  const rows = filterAccounts(accounts.data ?? [], filter);
  const when = (iso: string | null) =>
    iso ? new Date(iso).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'zh-CN') : '—';
  const name = (a: AccountView) => a.username ?? a.displayName;

  const open = (account: AccountView, action: AccountAction) => {
    setPending({ account, action });
    setValue(action === 'role' ? account.role : '');
    setValueError(null);
    setDialogError(null);
  };

  const confirm = async () => {
    if (!pending) return;
    const { account, action } = pending;
    if (action === 'password') {
      const check = accountRules.password(value);
      if (check !== true) {
        setValueError(check);
        return;
      }
    }
    setDialogError(null);
    try {
      const after = await update.mutateAsync({ id: account.id, change: changeOf(action, value) });
      setPending(null);
      const key =
        after.pendingActivation && action !== 'activate' ? `done.${action}Pending` : `done.${action}`;
      setOutcome({
        type: after.pendingActivation ? 'info' : 'success',
        text: t(key, { name: name(account), role: t(`auth:roles.${after.role}`) }),
      });
    } catch (error) {
      if (isApiError(error) && error.fields.password) setValueError(error.fields.password);
      else setDialogError(error);
    }
  };

  const dialogErrorText = (error: unknown) => {
    const code = isApiError(error) ? error.code : 'GENERIC';
    return t([`users:errors.${code}`, `errors:${code}`, 'errors:GENERIC']);
  };

  const pendingRegistrations = (orgList ?? []).filter((o) => o.status === 'pending').length;

  return (
    <div className="hx-users">
      {mayReviewOrganizations ? (
        <Alert
          type={pendingRegistrations > 0 ? 'warning' : 'info'}
          showIcon
          className="hx-users__orgs"
          title={t('organizations.summary', { count: pendingRegistrations })}
          action={<Link to="/console/organizations">{t('organizations.open')}</Link>}
        />
      ) : null}
      {outcome ? (
        <Alert
          type={outcome.type}
          showIcon
          closable
          onClose={() => setOutcome(null)}
          role="status"
          data-testid="users-outcome"
          title={outcome.text}
        />
      ) : null}

      <div className="hx-users__toolbar" role="search" aria-label={t('filter.label')}>
        <label className="hx-users__filter">
          <span>{t('fields.role')}</span>
          <select
            value={filter.role}
            onChange={(e) => setFilter({ ...filter, role: e.target.value as AccountFilter['role'] })}
          >
            <option value="all">{t('filter.allRoles')}</option>
            {ROLES.filter((r) => r !== 'resident').map((r) => (
              <option key={r} value={r}>
                {t(`auth:roles.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="hx-users__filter">
          <span>{t('fields.status')}</span>
          <select
            value={filter.status}
            onChange={(e) => setFilter({ ...filter, status: e.target.value as AccountFilter['status'] })}
          >
            <option value="all">{t('filter.allStatuses')}</option>
            {ACCOUNT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="hx-users__filter hx-users__filter--search">
          <span>{t('filter.search')}</span>
          <Input
            type="search"
            allowClear
            value={filter.search}
            placeholder={t('filter.searchPlaceholder')}
            onChange={(e) => setFilter({ ...filter, search: e.target.value })}
          />
        </label>
        {mayCreate ? (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="create-account">
            {t('create.open')}
          </Button>
        ) : null}
      </div>

      {accounts.isError ? (
        <ErrorState error={accounts.error} onRetry={() => void accounts.refetch()} />
      ) : null}
      <Table<AccountView>
        rowKey="id"
        size="small"
        scroll={{ x: true }}
        loading={accounts.isLoading}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('empty') }}
        onRow={(a) => ({ 'data-testid': `account-${a.username ?? a.id}` }) as never}
        columns={[
          {
            title: t('fields.account'),
            render: (_, a) => (
              <>
                <strong>{a.displayName}</strong>
                {a.id === user?.id ? <Tag className="hx-users__self">{t('self')}</Tag> : null}
                <div className="hx-note">{a.username}</div>
              </>
            ),
          },
          { title: t('fields.role'), render: (_, a) => t(`auth:roles.${a.role}`) },
          {
            title: t('fields.organization'),
            render: (_, a) =>
              a.organizationId ? (orgById.get(a.organizationId)?.name ?? t('organizations.unknown')) : '—',
          },
          {
            title: t('fields.status'),
            render: (_, a) => {
              const s = accountStatus(a);
              return (
                <Space size={4} wrap>
                  <Tag color={STATUS_COLOR[s]} data-testid="account-status">
                    {t(`status.${s}`)}
                  </Tag>
                  {s !== 'locked' && a.locked ? <Tag color="orange">{t('status.locked')}</Tag> : null}
                </Space>
              );
            },
          },
          {
            title: t('fields.mfa'),
            render: (_, a) => (a.mfaEnrolled ? t('mfa.enrolled') : t('mfa.none')),
          },
          { title: t('fields.lastLogin'), render: (_, a) => when(a.lastLoginAt) },
          {
            title: t('fields.actions'),
            render: (_, a) => (
              <Space wrap size={4}>
                {actionsFor(user?.role, user?.id, a).map((action) => (
                  <Button
                    key={action}
                    size="small"
                    danger={action === 'disable' || action === 'resetMfa'}
                    type={action === 'activate' ? 'primary' : 'default'}
                    onClick={() => open(a, action)}
                    data-testid={`action-${action}`}
                    aria-label={t(`actions.${action}Of`, { name: name(a) })}
                  >
                    {t(`actions.${action}`)}
                  </Button>
                ))}
              </Space>
            ),
          },
        ]}
      />

      <Modal
        open={creating}
        title={t('create.title')}
        footer={null}
        onCancel={() => setCreating(false)}
        destroyOnHidden
      >
        <CreateAccountForm
          organizations={(orgList ?? []).filter((o) => o.status === 'active')}
          onCreated={(created) => {
            setCreating(false);
            setOutcome({
              type: created.pendingActivation ? 'info' : 'success',
              text: t(created.pendingActivation ? 'done.createdPending' : 'done.created', {
                name: created.username ?? created.displayName,
                role: t(`auth:roles.${created.role}`),
              }),
            });
          }}
        />
      </Modal>

      <Modal
        open={pending !== null}
        title={pending ? t(`confirm.${pending.action}.title`, { name: name(pending.account) }) : ''}
        okText={pending ? t(`actions.${pending.action}`) : ''}
        cancelText={t('cancel')}
        okButtonProps={
          {
            danger: pending?.action === 'disable' || pending?.action === 'resetMfa',
            disabled: update.isPending,
            'data-testid': 'account-action-ok',
          } as never
        }
        onOk={() => void confirm()}
        onCancel={() => setPending(null)}
        destroyOnHidden
      >
        {pending ? <p>{t(`confirm.${pending.action}.body`, { name: name(pending.account) })}</p> : null}
        {pending?.action === 'password' ? (
          <div className={`hx-field${valueError ? ' has-error' : ''}`}>
            <label htmlFor="account-new-password" className="hx-field__label">
              {t('fields.newPassword')}
            </label>
            <Input.Password
              id="account-new-password"
              value={value}
              autoComplete="new-password"
              maxLength={256}
              aria-invalid={valueError !== null}
              aria-describedby={valueError ? 'account-new-password-error' : 'account-new-password-help'}
              onChange={(e) => {
                setValue(e.target.value);
                setValueError(null);
              }}
            />
            {valueError ? (
              <p className="hx-field__error" id="account-new-password-error" role="alert">
                {t([
                  `users:errors.password.${valueError}`,
                  `errors:field.${valueError}`,
                  `errors:${valueError}`,
                ])}
              </p>
            ) : (
              <p className="hx-field__help" id="account-new-password-help">
                {t('create.passwordHelp')}
              </p>
            )}
          </div>
        ) : null}
        {pending?.action === 'role' ? (
          <div className="hx-field">
            <label htmlFor="account-new-role" className="hx-field__label">
              {t('fields.newRole')}
            </label>
            <span className="hx-native-select">
              <select id="account-new-role" value={value} onChange={(e) => setValue(e.target.value)}>
                {ASSIGNABLE_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`auth:roles.${r}`)}
                  </option>
                ))}
              </select>
            </span>
          </div>
        ) : null}
        {dialogError ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            data-testid="account-action-error"
            title={dialogErrorText(dialogError)}
          />
        ) : null}
      </Modal>
    </div>
  );
}
