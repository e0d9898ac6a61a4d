/** The events a user is told about, in the dashboard, by email and through their webhooks. */
export const NOTIFICATION_KINDS = ['request.received', 'request.answered', 'request.withdrawn', 'reproduction.finished'] as const;

/** One kind of event a user is told about. */
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What each kind means, in the words the account page and the emails use. */
export const NOTIFICATION_KIND_WORDS: Readonly<Record<NotificationKind, string>> = Object.freeze({
  'request.received': 'Someone sends you a diff request',
  'request.answered': 'A request you sent is agreed or denied',
  'request.withdrawn': 'A request to you is withdrawn',
  'reproduction.finished': 'A reproduction you asked for ends',
});

/** True for a known notification kind. */
export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}
