/** The account: profile, password, the API token (shown once) and set-up snippets. */
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import type { Account, NewToken } from '@reprise/sdk';
import { useAccount, useWrites } from '../api/hooks';
import { EmailSettings, Webhooks } from '../components/notification-settings';
import { Card, CodeBlock, ConfirmButton, CopyButton, ErrorBox, Field, Fields, FormMessage, Loading, PageHeader, Spinner, TimeAgo } from '../components/ui';
import { formatDate } from '../lib/format';
import { cliSnippet, envSnippet, sumatraSnippet } from '../lib/snippets';
import { useTitle } from '../lib/title';

function Profile({ account }: { account: Account }) {
  const { renameAccount } = useWrites();
  const [name, setName] = useState(account.name);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    renameAccount.mutate(name.trim());
  };
  return (
    <Card title="Profile">
      <form className="form" onSubmit={submit}>
        <label className="label">
          Display name
          <input className="input" value={name} maxLength={100} required onChange={(event) => setName(event.target.value)} />
        </label>
        <Fields
          rows={[
            ['Email', account.email],
            ['Member since', formatDate(account.created)],
          ]}
        />
        <FormMessage error={renameAccount.error} success={renameAccount.isSuccess ? 'Saved.' : null} />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={renameAccount.isPending || !name.trim() || name.trim() === account.name}>
            {renameAccount.isPending ? <Spinner /> : null} Save
          </button>
        </div>
      </form>
    </Card>
  );
}

function Password() {
  const { changePassword } = useWrites();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    changePassword.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
        },
      },
    );
  };
  return (
    <Card title="Password">
      <form className="form" onSubmit={submit}>
        <label className="label">
          Current password
          <input className="input" type="password" autoComplete="current-password" value={current} onChange={(event) => setCurrent(event.target.value)} />
        </label>
        <Field label="New password" hint="At least 10 characters. Your other sessions end; this one stays signed in.">
          {(ids) => <input {...ids} className="input" type="password" autoComplete="new-password" value={next} onChange={(event) => setNext(event.target.value)} />}
        </Field>
        <FormMessage error={changePassword.error} success={changePassword.isSuccess ? 'Password changed. Other sessions were signed out.' : null} />
        <div className="form-actions">
          <button type="submit" className="btn" disabled={changePassword.isPending || !current || !next}>
            {changePassword.isPending ? <Spinner /> : null} Change password
          </button>
        </div>
      </form>
    </Card>
  );
}

function Token({ account, fresh, onFresh }: { account: Account; fresh: NewToken | null; onFresh: (token: NewToken | null) => void }) {
  const { renewToken, revokeToken } = useWrites();
  const token = account.token;
  return (
    <Card title="API token" className="token-card">
      <p className="muted">Tools (the <code>reprise</code> CLI, the SDK, Sumatra, curl) push records with this token. Only its sha256 is stored: it is shown once, when it is made.</p>
      {fresh ? (
        <div className="token-fresh" role="status">
          <p className="strong">Your new token — copy it now, it will not be shown again:</p>
          <div className="token-value">
            <code data-testid="new-token">{fresh.token}</code>
            <CopyButton text={fresh.token} label="Copy token" />
          </div>
        </div>
      ) : null}
      {token ? (
        <Fields
          rows={[
            ['Token', <code key="prefix">{token.prefix}…</code>],
            ['Created', formatDate(token.created)],
            ['Last used', token.lastUsed ? <TimeAgo iso={token.lastUsed} /> : 'never'],
          ]}
        />
      ) : (
        <p className="strong">You have no API token.</p>
      )}
      <FormMessage error={renewToken.error ?? revokeToken.error} />
      <div className="form-actions">
        {token ? (
          <>
            <ConfirmButton label="Revoke" title="Revoke the API token?" confirmLabel="Revoke token" onConfirm={() => revokeToken.mutateAsync().then(() => onFresh(null))}>
              <p>Every tool using it is refused from now on, until you make a new token.</p>
            </ConfirmButton>
            <ConfirmButton tone="primary" label="Renew" title="Make a new API token?" confirmLabel="Make a new token" onConfirm={() => renewToken.mutateAsync().then(onFresh)}>
              <p>
                The current token (<code>{token.prefix}…</code>) stops working at once: update the tools that use it.
              </p>
            </ConfirmButton>
          </>
        ) : (
          <button type="button" className="btn btn-primary" disabled={renewToken.isPending} onClick={() => renewToken.mutate(undefined, { onSuccess: onFresh })}>
            {renewToken.isPending ? <Spinner /> : null} Create a token
          </button>
        )}
      </div>
    </Card>
  );
}

function Snippets({ account, token }: { account: Account; token: string | null }) {
  const origin = window.location.origin;
  const [tab, setTab] = useState<'cli' | 'env' | 'sumatra'>('cli');
  const code = tab === 'cli' ? cliSnippet(origin, token) : tab === 'env' ? envSnippet(origin, token) : sumatraSnippet(origin, account.email, token);
  return (
    <Card title="Connect your tools">
      <div className="segmented" role="tablist" aria-label="Tool">
        {(
          [
            ['cli', 'reprise CLI'],
            ['env', 'Environment'],
            ['sumatra', 'Sumatra'],
          ] as const
        ).map(([id, label]) => (
          <button key={id} type="button" role="tab" aria-selected={tab === id} className={tab === id ? 'active' : ''} onClick={() => setTab(id)}>
            {label}
          </button>
        ))}
      </div>
      <CodeBlock code={code} label="snippet" />
      <p className="muted small">
        {token ? 'The snippet holds your new token: keep it private.' : 'Paste your token where the placeholder is (renew it if you lost it).'} This dashboard forwards <code>/api</code> and{' '}
        <code>/sumatra</code> to the API service, so its address works for tools too.
      </p>
    </Card>
  );
}

/** The account page. */
export function AccountPage() {
  useTitle('Account');
  const account = useAccount();
  const [params] = useSearchParams();
  const [fresh, setFresh] = useState<NewToken | null>(null);
  if (account.isPending) return <Loading />;
  if (account.isError) return <ErrorBox error={account.error} onRetry={() => void account.refetch()} />;
  return (
    <div className="page">
      <PageHeader title="Account" meta={params.get('welcome') ? 'Welcome to Reprise! Create an API token to start pushing records from your tools.' : account.data.email} />
      <div className="account-grid">
        <div className="account-main">
          <Token account={account.data} fresh={fresh} onFresh={setFresh} />
          <Snippets account={account.data} token={fresh?.token ?? null} />
          <Webhooks />
        </div>
        <div className="account-side">
          <Profile account={account.data} />
          <Password />
          <EmailSettings />
        </div>
      </div>
    </div>
  );
}
