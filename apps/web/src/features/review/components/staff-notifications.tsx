import { useState } from 'react';
import { Badge, Button, Empty, Popover } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { StaffNotification } from '@huanxin/shared';
import { ErrorState, LoadingState } from '@/components/ui/query-state';
import { useMarkStaffNotificationRead, useStaffNotifications } from '../api/notifications';
import { formatDateTime } from '../lib/format';
import { SlaTag } from './review-tags';

const SLA_DIGEST = 'review_sla_digest';
/** Cases named under a digest in the list (the full list is the queue, sorted by due date). */
const CASES_SHOWN = 5;
const QUEUE_BY_DUE = '/console/review?sort=due';

/** A notice in the current language: the server's Chinese text, or the digest's figures in English. */
function useStaffNoticeText() {
  const { t, i18n } = useTranslation('review');
  return (n: StaffNotification) =>
    i18n.language === 'en' && n.kind === SLA_DIGEST
      ? t('notifications.digest', {
          date: n.params.date,
          overdue: n.params.overdue,
          warning: n.params.warning,
        })
      : n.text;
}

function NoticeList({ notices, onOpen }: { notices: StaffNotification[]; onOpen: () => void }) {
  const { t, i18n } = useTranslation('review');
  const markRead = useMarkStaffNotificationRead();
  const textOf = useStaffNoticeText();
  if (notices.length === 0) return <Empty description={t('notifications.empty')} />;
  return (
    <ul className="hx-notes" data-testid="staff-notification-list">
      {notices.map((n) => (
        <li key={n.id} className={`hx-note-item${n.read ? '' : ' is-unread'}`} data-read={n.read}>
          <Link
            to={QUEUE_BY_DUE}
            className="hx-note-item__link"
            onClick={() => {
              if (!n.read) markRead.mutate(n.id);
              onOpen();
            }}
          >
            <span className="hx-note-item__top">
              {!n.read ? <span className="hx-note-item__dot">{t('notifications.new')}</span> : null}
              <time dateTime={n.createdAt}>{formatDateTime(n.createdAt, i18n.language)}</time>
            </span>
            <span className="hx-note-item__text">{textOf(n)}</span>
            {n.kind === SLA_DIGEST && n.params.cases.length > 0 ? (
              <span className="hx-staff-note__cases">
                {n.params.cases.slice(0, CASES_SHOWN).map((c) => (
                  <span key={c.code} className="hx-staff-note__case">
                    <span className="hx-case__code">{c.code}</span> <SlaTag state={c.slaState} />
                  </span>
                ))}
              </span>
            ) : null}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/**
 * The console header's bell for review staff: the unread count on a badge, the notices (the daily SLA
 * digest) in a panel; opening one marks it read and goes to the queue sorted by due date.
 */
export function StaffNotificationBell({ className }: { className?: string }) {
  const { t } = useTranslation('review');
  const [open, setOpen] = useState(false);
  const notices = useStaffNotifications();
  const unread = (notices.data ?? []).filter((n) => !n.read).length;
  const content = (
    <div className="hx-staff-notes" data-testid="staff-notifications">
      {notices.isPending ? (
        <LoadingState />
      ) : notices.isError ? (
        <ErrorState error={notices.error} onRetry={() => void notices.refetch()} />
      ) : (
        <NoticeList notices={notices.data} onOpen={() => setOpen(false)} />
      )}
    </div>
  );
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      title={t('notifications.title')}
      content={content}
    >
      <Button
        type="text"
        className={`hx-bell ${className ?? ''}`}
        aria-label={unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.title')}
        aria-expanded={open}
        data-testid="staff-notification-bell"
      >
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined aria-hidden className="hx-bell__icon" />
        </Badge>
      </Button>
    </Popover>
  );
}
