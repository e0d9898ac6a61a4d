/** The account page's cards for email notifications and webhooks. */
import { useState, type FormEvent } from 'react';
import { NOTIFICATION_KIND_WORDS, NOTIFICATION_KINDS, type NotificationKind } from '@reprise/rules';
import type { NewWebhook, Webhook } from '@reprise/sdk';
import { useDeliveries, useNoticeWrites, useNotificationSettings, useWebhooks } from '../api/notifications';
import { Badge, Card, CodeBlock, ConfirmButton, CopyButton, ErrorBox, FormMessage, Loading, Spinner, TimeAgo } from './ui';

/** Which kinds of event reach the user by email. */
export function EmailSettings() {
  const settings = useNotificationSettings();
  const { setOptOut } = useNoticeWrites();
  if (settings.isPending) return <Loading />;
  if (settings.isError) return <ErrorBox error={settings.error} onRetry={() => void settings.refetch()} />;
  const optOut = settings.data.emailOptOut;
  const toggle = (kind: NotificationKind, wanted: boolean) => setOptOut.mutate(wanted ? optOut.filter((k) => k !== kind) : [...optOut, kind]);
  return (
    <Card title="Email notifications">
      {settings.data.email ? (
        <p className="muted">Each event is one email to your address, with a link to its page and a link to stop that kind of email.</p>
      ) : (
        <p className="muted">This server sends no email (SMTP is not configured); your choices apply once it does. Notifications still appear in the dashboard.</p>
      )}
      <fieldset className="checks" aria-label="Email me when">
        {NOTIFICATION_KINDS.map((kind) => (
          <label key={kind} className="check">
            <input type="checkbox" checked={!optOut.includes(kind)} disabled={setOptOut.isPending} onChange={(event) => toggle(kind, event.target.checked)} />{' '}
            {NOTIFICATION_KIND_WORDS[kind]}
          </label>
        ))}
      </fieldset>
      <FormMessage error={setOptOut.error} success={setOptOut.isSuccess ? 'Saved.' : null} />
    </Card>
  );
}

const RECEIVER = `import { createServer } from 'node:http';
import { verifyWebhook } from '@reprise/sdk/node';

createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    if (!verifyWebhook(body, req.headers['x-reprise-signature'], process.env.REPRISE_WEBHOOK_SECRET)) return res.writeHead(401).end();
    console.log(req.headers['x-reprise-event'], JSON.parse(body).data);
    res.writeHead(204).end();
  });
}).listen(8080);`;

function Deliveries({ webhook }: { webhook: Webhook }) {
  const deliveries = useDeliveries(webhook.id, true);
  const { redeliver } = useNoticeWrites();
  if (deliveries.isPending) return <Loading />;
  if (deliveries.isError) return <ErrorBox error={deliveries.error} />;
  if (deliveries.data.data.length === 0) return <p className="muted small">No deliveries yet.</p>;
  return (
    <table className="table table-compact" aria-label="Deliveries">
      <thead>
        <tr>
          <th>Event</th>
          <th>State</th>
          <th>Last answer</th>
          <th>When</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {deliveries.data.data.map((delivery) => {
          const last = delivery.log.at(-1);
          return (
            <tr key={delivery.id}>
              <td>
                <code>{delivery.kind}</code>
              </td>
              <td>
                <Badge tone={delivery.state === 'sent' ? 'good' : delivery.state === 'failed' ? 'bad' : 'warn'}>{delivery.state}</Badge> {delivery.attempts > 1 ? <span className="muted small">{delivery.attempts} attempts</span> : null}
              </td>
              <td>{last ? `${last.status ?? last.error ?? '—'} · ${last.ms} ms` : '—'}</td>
              <td>
                <TimeAgo iso={last?.at ?? delivery.created} />
              </td>
              <td>
                <button type="button" className="btn btn-ghost btn-small" disabled={redeliver.isPending || webhook.disabled !== null} onClick={() => redeliver.mutate({ id: webhook.id, delivery: delivery.id })}>
                  Redeliver
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function WebhookRow({ webhook }: { webhook: Webhook }) {
  const [open, setOpen] = useState(false);
  const { deleteWebhook, enableWebhook } = useNoticeWrites();
  return (
    <li className="webhook" data-testid="webhook">
      <div className="webhook-head">
        <code className="webhook-url">{webhook.url}</code>
        {webhook.disabled ? <Badge tone="bad">disabled</Badge> : <Badge tone="good">active</Badge>}
        <span className="muted small">{webhook.events.length > 0 ? webhook.events.join(', ') : 'every event'}</span>
      </div>
      {webhook.disabled ? (
        <p className="form-error" role="alert">
          Disabled <TimeAgo iso={webhook.disabled.at} />: {webhook.disabled.reason}. Fix the receiver, then enable it again.
        </p>
      ) : null}
      <div className="form-actions">
        <button type="button" className="btn btn-ghost btn-small" aria-expanded={open} onClick={() => setOpen((value) => !value)}>
          {open ? 'Hide deliveries' : 'Deliveries'}
        </button>
        {webhook.disabled ? (
          <button type="button" className="btn btn-small" disabled={enableWebhook.isPending} onClick={() => enableWebhook.mutate(webhook.id)}>
            Enable
          </button>
        ) : null}
        <ConfirmButton label="Delete" title="Delete this webhook?" confirmLabel="Delete webhook" onConfirm={() => deleteWebhook.mutateAsync(webhook.id)}>
          <p>Its deliveries stop now and its log is deleted.</p>
        </ConfirmButton>
      </div>
      <FormMessage error={enableWebhook.error ?? deleteWebhook.error} />
      {open ? <Deliveries webhook={webhook} /> : null}
    </li>
  );
}

/** The user's webhooks: add one (its secret shown once), see deliveries, redeliver, enable, delete. */
export function Webhooks() {
  const webhooks = useWebhooks();
  const { createWebhook } = useNoticeWrites();
  const [url, setUrl] = useState('');
  const [fresh, setFresh] = useState<NewWebhook | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    createWebhook.mutate(
      { url: url.trim() },
      {
        onSuccess: (made) => {
          setFresh(made);
          setUrl('');
        },
      },
    );
  };
  return (
    <Card title="Webhooks">
      <p className="muted">
        Your events are POSTed as JSON to each URL, signed with its secret in <code>X-Reprise-Signature</code>. Failed deliveries are retried for a day; a webhook that keeps failing is disabled.
      </p>
      {fresh ? (
        <div className="token-fresh" role="status">
          <p className="strong">The signing secret of {fresh.url} — copy it now, it will not be shown again:</p>
          <div className="token-value">
            <code data-testid="webhook-secret">{fresh.secret}</code>
            <CopyButton text={fresh.secret} label="Copy secret" />
          </div>
          <CodeBlock code={RECEIVER} label="receiver" />
        </div>
      ) : null}
      <form className="form form-inline" onSubmit={submit}>
        <label className="label">
          Payload URL
          <input className="input" type="url" placeholder="https://ci.example.org/hooks/reprise" value={url} maxLength={2048} required onChange={(event) => setUrl(event.target.value)} />
        </label>
        <button type="submit" className="btn btn-primary" disabled={createWebhook.isPending || !url.trim()}>
          {createWebhook.isPending ? <Spinner /> : null} Add webhook
        </button>
      </form>
      <FormMessage error={createWebhook.error} />
      {webhooks.isError ? <ErrorBox error={webhooks.error} onRetry={() => void webhooks.refetch()} /> : null}
      {webhooks.data && webhooks.data.data.length > 0 ? (
        <ul className="webhook-list" aria-label="Webhooks">
          {webhooks.data.data.map((webhook) => (
            <WebhookRow key={webhook.id} webhook={webhook} />
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
