/** TanStack Query hooks over the notifications and webhooks of the signed-in user. */
import type { NotificationKind, NotificationsQuery, WebhookCreate } from '@reprise/sdk';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { cloud } from './client';

/** Query keys of this family (each starts with 'notifications' or 'webhooks', so a prefix refreshes it all). */
const noticeKeys = {
  unread: ['notifications', 'unread'] as const,
  list: (query: object) => ['notifications', 'list', query] as const,
  settings: ['notifications', 'settings'] as const,
  webhooks: ['webhooks'] as const,
  deliveries: (id: string) => ['webhooks', id, 'deliveries'] as const,
};

/** The header's unread count (only asked for when signed in; follows along without a reload). */
export function useUnreadCount(enabled: boolean) {
  return useQuery({ queryKey: noticeKeys.unread, queryFn: ({ signal }) => cloud.notifications.unread({ signal }), enabled, staleTime: 0, refetchInterval: 30_000, refetchOnWindowFocus: true });
}

/** One page of notifications. */
export function useNotifications(query: NotificationsQuery) {
  return useQuery({ queryKey: noticeKeys.list(query), queryFn: ({ signal }) => cloud.notifications.list(query, { signal }), placeholderData: keepPreviousData, staleTime: 0 });
}

/** The user's email settings. */
export function useNotificationSettings() {
  return useQuery({ queryKey: noticeKeys.settings, queryFn: ({ signal }) => cloud.notifications.settings({ signal }) });
}

/** The user's webhooks. */
export function useWebhooks() {
  return useQuery({ queryKey: noticeKeys.webhooks, queryFn: ({ signal }) => cloud.webhooks.list({ signal }) });
}

/** A webhook's latest deliveries (asked for when shown). */
export function useDeliveries(id: string, enabled: boolean) {
  return useQuery({ queryKey: noticeKeys.deliveries(id), queryFn: ({ signal }) => cloud.webhooks.deliveries(id, { limit: 20 }, { signal }), enabled, refetchInterval: enabled ? 10_000 : false });
}

/** What changes notifications, settings and webhooks. */
export function useNoticeWrites() {
  const client = useQueryClient();
  const refresh = (prefix: 'notifications' | 'webhooks') => client.invalidateQueries({ queryKey: [prefix] });
  return {
    markRead: useMutation({ mutationFn: (id: string) => cloud.notifications.markRead(id), onSuccess: () => refresh('notifications') }),
    markAllRead: useMutation({ mutationFn: () => cloud.notifications.markAllRead(), onSuccess: () => refresh('notifications') }),
    setOptOut: useMutation({
      mutationFn: (kinds: NotificationKind[]) => cloud.notifications.setEmailOptOut(kinds),
      onSuccess: (settings) => client.setQueryData(noticeKeys.settings, settings),
    }),
    unsubscribe: useMutation({ mutationFn: (token: string) => cloud.notifications.unsubscribe(token) }),
    createWebhook: useMutation({ mutationFn: (body: WebhookCreate) => cloud.webhooks.create(body), onSuccess: () => refresh('webhooks') }),
    deleteWebhook: useMutation({ mutationFn: (id: string) => cloud.webhooks.delete(id), onSuccess: () => refresh('webhooks') }),
    enableWebhook: useMutation({ mutationFn: (id: string) => cloud.webhooks.enable(id), onSuccess: () => refresh('webhooks') }),
    redeliver: useMutation({ mutationFn: ({ id, delivery }: { id: string; delivery: string }) => cloud.webhooks.redeliver(id, delivery), onSuccess: () => refresh('webhooks') }),
  };
}
