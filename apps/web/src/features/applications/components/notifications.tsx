import { Badge, Empty } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { Link, NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '@/components/ui/query-state';
import { moneyLocale } from '@/lib/i18n';
import { formatFen, type ResidentNotification } from '@huanxin/shared';
import { useMarkNotificationRead, useNotifications } from '../api/notifications';
import { formatDateTime } from './application-card';
import { ApplicationStatusTag } from './status-tag';

/** How often the bell asks for new messages while the page is open. */
const POLL_MS = 60_000;

/** The header bell for residents: unread count, links to the list. */
export function NotificationBell({ className }: { className?: string }) {
  const { t } = useTranslation('applications');
  const notifications = useNotifications({ refetchInterval: POLL_MS });
  const unread = (notifications.data ?? []).filter((n) => !n.read).length;
  return (
    <NavLink
      to="/notifications"
      className={`hx-bell ${className ?? ''}`}
      aria-label={
        unread > 0
          ? `${t('notifications.title')}，${t('notifications.unread', { count: unread })}`
          : t('notifications.title')
      }
      data-testid="notification-bell"
    >
      <Badge count={unread} size="small" overflowCount={99}>
        <BellOutlined aria-hidden className="hx-bell__icon" />
      </Badge>
    </NavLink>
  );
}

/** A message in the current language: the server's Chinese text, or the same facts in English. */
function useNotificationText() {
  const { t, i18n } = useTranslation('applications');
  return (n: ResidentNotification) => {
    if (i18n.language !== 'en') return n.text;
    const { code, status, fromFen, toFen, version } = n.params;
    if (n.kind === 'application_status')
      return t('notifications.statusChanged', { code, status: t(`status.${status}`) });
    if (n.kind === 'application_repriced' && fromFen !== undefined && toFen !== undefined)
      return t('notifications.repriced', {
        code,
        version,
        from: formatFen(fromFen, moneyLocale(i18n.language)),
        to: formatFen(toFen, moneyLocale(i18n.language)),
      });
    return n.text;
  };
}

/** The resident's messages, newest first; opening one marks it read. */
export function NotificationList() {
  const { t, i18n } = useTranslation('applications');
  const notifications = useNotifications();
  const markRead = useMarkNotificationRead();
  const textOf = useNotificationText();
  if (notifications.isPending) return <LoadingState />;
  if (notifications.isError)
    return <ErrorState error={notifications.error} onRetry={() => void notifications.refetch()} />;
  if (notifications.data.length === 0) return <Empty description={t('notifications.empty')} />;
  return (
    <ul className="hx-notes" data-testid="notification-list">
      {notifications.data.map((n) => (
        <li key={n.id} className={`hx-note-item${n.read ? '' : ' is-unread'}`}>
          <Link
            to={`/applications/${n.params.applicationId}`}
            onClick={() => {
              if (!n.read) markRead.mutate(n.id);
            }}
            className="hx-note-item__link"
          >
            <span className="hx-note-item__top">
              {!n.read ? <span className="hx-note-item__dot">{t('notifications.new')}</span> : null}
              <ApplicationStatusTag status={n.params.status} />
              <time dateTime={n.createdAt}>{formatDateTime(n.createdAt, i18n.language)}</time>
            </span>
            <span className="hx-note-item__text">{textOf(n)}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
