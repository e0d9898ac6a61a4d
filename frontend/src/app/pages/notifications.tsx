/** The notifications page, and the page an email's unsubscribe link opens. */
import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { NOTIFICATION_KIND_WORDS, type NotificationKind } from '@reprise/rules';
import { useNoticeWrites, useNotifications } from '../api/notifications';
import { Badge, Empty, ErrorBox, FormMessage, Loading, PageHeader, Pager, Spinner, Tabs, TimeAgo } from '../components/ui';
import { useTitle } from '../lib/title';

const KIND_LABELS: Record<NotificationKind, string> = {
  'request.received': 'request',
  'request.answered': 'answer',
  'request.withdrawn': 'withdrawn',
  'reproduction.finished': 'reproduction',
};

/** Every notification of the user's, unread first to the eye; opening one marks it read. */
export function NotificationsPage() {
  useTitle('Notifications');
  const [params] = useSearchParams();
  const show = params.get('show') === 'unread' ? 'unread' : 'all';
  const cursor = params.get('cursor') ?? undefined;
  const list = useNotifications({ ...(show === 'unread' ? { unread: true } : {}), ...(cursor ? { cursor } : {}), limit: 20 });
  const { markRead, markAllRead } = useNoticeWrites();
  const items = list.data?.data ?? [];
  return (
    <div className="page">
      <PageHeader
        title="Notifications"
        meta="Requests received, answered and withdrawn, and reproductions that ended. The same events can reach you by email and through webhooks (account page)."
        actions={
          <button type="button" className="btn" disabled={markAllRead.isPending || !items.some((item) => !item.read)} onClick={() => markAllRead.mutate()}>
            {markAllRead.isPending ? <Spinner /> : null} Mark all read
          </button>
        }
      />
      <Tabs
        param="show"
        current={show}
        tabs={[
          { id: 'all', label: 'All' },
          { id: 'unread', label: 'Unread' },
        ]}
      />
      <FormMessage error={markRead.error ?? markAllRead.error} />
      {list.isError ? <ErrorBox error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.isPending ? <Loading /> : null}
      {list.data && items.length === 0 ? <Empty title={show === 'unread' ? 'Nothing unread' : 'No notifications yet'}>When someone sends you a diff request, or answers yours, it shows here.</Empty> : null}
      {items.length > 0 ? (
        <ul className="notification-list" aria-label="Notifications">
          {items.map((item) => (
            <li key={item.id} className={`notification ${item.read ? 'notification-read' : 'notification-unread'}`} data-testid="notification">
              <div className="notification-head">
                <Badge tone={item.read ? 'neutral' : 'accent'}>{KIND_LABELS[item.kind]}</Badge>
                <Link to={item.link} className="notification-title strong" onClick={() => (item.read ? undefined : markRead.mutate(item.id))}>
                  {item.title}
                </Link>
                <span className="muted small">
                  <TimeAgo iso={item.created} />
                </span>
              </div>
              <p className="notification-body">{item.body}</p>
              {item.read ? null : (
                <button type="button" className="btn btn-ghost btn-small" onClick={() => markRead.mutate(item.id)} disabled={markRead.isPending}>
                  Mark read
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      <Pager next={list.data?.page.next} count={items.length} loading={list.isFetching} />
    </div>
  );
}

/** Where an email's unsubscribe link leads: it takes effect at once, without signing in. */
export function UnsubscribePage() {
  useTitle('Unsubscribe');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { unsubscribe } = useNoticeWrites();
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current || !token) return;
    sent.current = true;
    unsubscribe.mutate(token);
  }, [token, unsubscribe]);
  return (
    <div className="page page-narrow">
      <PageHeader title="Email notifications" />
      {!token ? <ErrorBox error={new Error('This link holds no unsubscribe token. Open it again from the email.')} /> : null}
      {unsubscribe.isPending ? <Loading label="Unsubscribing…" /> : null}
      {unsubscribe.isError ? <ErrorBox error={unsubscribe.error} title="Could not unsubscribe" /> : null}
      {unsubscribe.data ? (
        <p role="status" data-testid="unsubscribed">
          {unsubscribe.data.email} gets no more email for “{NOTIFICATION_KIND_WORDS[unsubscribe.data.kind]}”. You can turn it back on from your <Link to="/account">account page</Link>.
        </p>
      ) : null}
    </div>
  );
}
