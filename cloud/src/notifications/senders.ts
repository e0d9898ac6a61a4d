import type { Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import {
  claimDelivery,
  claimMail,
  finishDelivery,
  finishMail,
  openWebhookSecret,
  RETRY_DELAYS_MS,
  unsubscribeToken,
  webhookSignature,
  type ClaimedMail,
  type Config,
  type Deps,
  type NotificationDoc,
  type Outcome,
  NOTIFICATION_KIND_WORDS,
} from '@reprise/core';
import { postPinned } from './post.js';

/** What the senders are given. */
export interface SenderDeps extends Deps {
  config: Config;
  logger: Logger;
  /** The server's secret: it signs unsubscribe links and decrypts webhook secrets. */
  jwtSecret: string;
}

/** Tunables of the senders; tests shorten them and bring their own clock. */
export interface SenderOptions {
  clock?: () => Date;
  /** The waits before each retry (default RETRY_DELAYS_MS, about a day in all). */
  delays?: readonly number[];
  /** How long a claim lasts before another sender may take the item. */
  claimMs?: number;
  /** At most this many items per run. */
  batch?: number;
  /** A webhook receiver that has not answered after this long is cut (default 10 s). */
  webhookTimeoutMs?: number;
  /** A webhook is disabled after this many failed attempts in a row (default 15). */
  disableAfter?: number;
}

/** The default cut-off of a webhook receiver. */
const WEBHOOK_TIMEOUT_MS = 10_000;
/** The default number of failed attempts in a row that disables a webhook. */
const DISABLE_AFTER = 15;

/**
 * The run both senders share: claims due items one at a time, at most `batch` of them (so several
 * service instances share the work and never take one item twice), and hands each to `handle`,
 * which sends it and records the outcome (and when to retry a failure). Answers how many items it
 * handled.
 */
async function claimEach<Claimed>(options: Pick<SenderOptions, 'batch'>, claim: () => Promise<Claimed | null>, handle: (claimed: Claimed) => Promise<void>): Promise<number> {
  const batch = options.batch ?? 50;
  let handled = 0;
  while (handled < batch) {
    const claimed = await claim();
    if (!claimed) break;
    handled += 1;
    await handle(claimed);
  }
  return handled;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** One notification's email: plain text and HTML, with the link to its page and the unsubscribe link. */
function renderMail(notification: NotificationDoc, user: { _id: NotificationDoc['owner']; email: string }, config: Config, serverSecret: string) {
  const page = `${config.publicUrl}${notification.link}`;
  const unsubscribe = `${config.publicUrl}/unsubscribe?token=${unsubscribeToken(serverSecret, user._id, notification.kind)}`;
  const why = `You get this email because of your Reprise setting "${NOTIFICATION_KIND_WORDS[notification.kind]}".`;
  const text = `${notification.body}\n\nOpen it: ${page}\n\n--\n${why}\nStop these emails: ${unsubscribe}\n`;
  const html =
    `<!doctype html><html><body style="font-family: sans-serif">` +
    `<p>${escapeHtml(notification.body)}</p>` +
    `<p><a href="${escapeHtml(page)}">Open it in Reprise</a></p>` +
    `<hr><p style="color:#666;font-size:small">${escapeHtml(why)} <a href="${escapeHtml(unsubscribe)}">Stop these emails</a>.</p>` +
    `</body></html>`;
  return {
    to: user.email,
    from: config.mailFrom,
    subject: notification.title,
    text,
    html,
    headers: { 'List-Unsubscribe': `<${unsubscribe}>` },
  };
}

/**
 * Sends the outbox's emails through SMTP. Each run claims due messages one at a time (so that
 * several service instances share the work and never send one twice), reads the recipient's
 * opt-outs at that moment (an opt-out stops even what is queued), sends, and records the outcome;
 * a failed send is retried after the next delay.
 */
export class MailSender {
  private readonly clock: () => Date;

  constructor(
    private readonly deps: SenderDeps,
    private readonly transport: Pick<Transporter, 'sendMail'>,
    private readonly options: SenderOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
  }

  /** Sends what is due now; answers how many messages it handled. */
  async runOnce(): Promise<number> {
    return claimEach(this.options, () => claimMail(this.deps, this.clock(), this.options.claimMs), async (claimed) => {
      await finishMail(this.deps, claimed.mail, await this.send(claimed), this.clock(), this.options.delays ?? RETRY_DELAYS_MS);
    });
  }

  private async send(claimed: ClaimedMail): Promise<Outcome> {
    const { notification, user } = claimed;
    if (!notification || !user || (user.mailOptOut ?? []).includes(claimed.mail.kind)) return { state: 'skipped' };
    try {
      await this.transport.sendMail(renderMail(notification, user, this.deps.config, this.deps.jwtSecret));
      return { state: 'sent' };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.deps.logger.warn({ mail: claimed.mail._id.toHexString(), attempt: claimed.mail.attempts, error: message }, 'an email could not be sent; it will be retried');
      return { state: 'failed', error: message.slice(0, 500) };
    }
  }
}

/**
 * Delivers webhook events: claims due deliveries like the mail sender, signs each body with the
 * webhook's secret, POSTs it (see postPinned) and records the attempt in the delivery's log.
 */
export class WebhookSender {
  private readonly clock: () => Date;

  constructor(
    private readonly deps: SenderDeps,
    private readonly options: SenderOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
  }

  /** Delivers what is due now; answers how many deliveries it attempted. */
  async runOnce(): Promise<number> {
    return claimEach(this.options, () => claimDelivery(this.deps, this.clock(), this.options.claimMs), async (claimed) => {
      const { delivery, webhook } = claimed;
      const started = Date.now();
      const at = this.clock();
      let result: { status: number | null; error: string | null };
      if (!webhook) result = { status: null, error: 'the webhook was deleted' };
      else if (webhook.disabled) result = { status: null, error: 'the webhook is disabled' };
      else {
        const secret = readableSecret(this.deps.jwtSecret, webhook.secret);
        result = secret === null ? { status: null, error: UNREADABLE_SECRET } : await postPinned(
          webhook.url,
          delivery.body,
          { 'X-Reprise-Event': delivery.kind, 'X-Reprise-Delivery': delivery._id.toHexString(), 'X-Reprise-Signature': webhookSignature(secret, delivery.body) },
          { allowPrivate: this.deps.config.webhookAllowPrivate, timeoutMs: this.options.webhookTimeoutMs ?? WEBHOOK_TIMEOUT_MS, maxRedirects: 3 },
        );
      }
      await finishDelivery(this.deps, claimed, { at, status: result.status, ms: Date.now() - started, error: result.error }, this.clock(), {
        delays: this.options.delays ?? RETRY_DELAYS_MS,
        disableAfter: this.options.disableAfter ?? DISABLE_AFTER,
      });
    });
  }
}

const UNREADABLE_SECRET = "the webhook's secret cannot be read (the server's secret changed since it was made): delete the webhook and add it again";

/** A webhook's secret, or null when the server's secret changed since it was sealed. */
function readableSecret(serverSecret: string, sealed: string): string | null {
  try {
    return openWebhookSecret(serverSecret, sealed);
  } catch {
    return null;
  }
}

/** Something done again and again. */
interface Task {
  runOnce(): Promise<number>;
}

/**
 * Runs the senders every `intervalMs` until stopped (at once again when a run was full). A run's
 * failure (the database away) is logged and the next run tries again. `stop()` waits for the run
 * under way, so the service closes its database connection only afterwards.
 */
export function startOutbound(tasks: Task[], logger: Logger, intervalMs: number): { stop: () => Promise<void> } {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    running = (async () => {
      for (const task of tasks) {
        try {
          await task.runOnce();
        } catch (error) {
          logger.warn({ err: error }, 'the notification senders failed a run; they try again shortly');
        }
      }
    })();
    void running.then(() => {
      if (!stopped) timer = setTimeout(tick, intervalMs);
    });
  };
  timer = setTimeout(tick, 0);
  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
