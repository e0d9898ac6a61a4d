import type { Schemas } from '@reprise/contract';
import { notificationData, type DeliveryDoc, type NotificationDoc, type WebhookDoc } from '@reprise/core';

/** A notification as the dashboard lists it. */
export function presentNotification(notification: NotificationDoc): Schemas['Notification'] {
  return {
    id: notification._id.toHexString(),
    kind: notification.kind,
    title: notification.title,
    body: notification.body,
    link: notification.link,
    data: notificationData(notification),
    read: notification.read,
    created: notification.created.toISOString(),
  };
}

/** A webhook without its secret (which is shown once, when it is made). */
export function presentWebhook(webhook: WebhookDoc): Schemas['Webhook'] {
  return {
    id: webhook._id.toHexString(),
    url: webhook.url,
    events: webhook.events ?? [],
    failures: webhook.failures,
    disabled: webhook.disabled ? { at: webhook.disabled.at.toISOString(), reason: webhook.disabled.reason } : null,
    created: webhook.created.toISOString(),
  };
}

/** A delivery with its attempts (not its body: the receiver has it, and the event's page says what it was). */
export function presentDelivery(delivery: DeliveryDoc): Schemas['WebhookDelivery'] {
  return {
    id: delivery._id.toHexString(),
    event: delivery.event.toHexString(),
    kind: delivery.kind,
    state: delivery.state,
    attempts: delivery.attempts,
    next: delivery.state === 'queued' ? delivery.next.toISOString() : null,
    created: delivery.created.toISOString(),
    log: (delivery.log ?? []).map((attempt) => ({ at: attempt.at.toISOString(), status: attempt.status, ms: attempt.ms, error: attempt.error })),
  };
}
