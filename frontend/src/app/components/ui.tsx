/** The dashboard's building blocks: badges, states, copy buttons, pagers, dialogs. */
import { useEffect, useId, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import type { DiffStatus, Proposition, RecordStatus } from '@reprise/sdk';
import { messageOf } from '../api/client';
import { formatDate, timeAgo } from '../lib/format';
import { withParams } from '../lib/params';
import { CheckIcon, CopyIcon, GlobeIcon, LockIcon } from './icons';

/** A coloured pill. */
export function Badge({ tone = 'neutral', children, title }: { tone?: 'good' | 'bad' | 'warn' | 'info' | 'neutral' | 'accent'; children: ReactNode; title?: string }) {
  return (
    <span className={`badge badge-${tone}`} title={title}>
      {children}
    </span>
  );
}

const STATUS_TONE: Record<RecordStatus, 'good' | 'bad' | 'warn' | 'info' | 'neutral'> = {
  finished: 'good',
  crashed: 'bad',
  aborted: 'bad',
  running: 'info',
  started: 'info',
  paused: 'warn',
  scheduled: 'neutral',
  unknown: 'neutral',
};

/** A record's status in its colour. */
export function StatusBadge({ status }: { status: RecordStatus }) {
  return (
    <span className={`status status-${STATUS_TONE[status]}`} data-status={status}>
      <span className="status-dot" aria-hidden="true" />
      {status}
    </span>
  );
}

const DIFF_STATUS_TONE: Record<DiffStatus, 'good' | 'bad' | 'warn' | 'neutral'> = { proposed: 'warn', agreed: 'good', denied: 'bad', withdrawn: 'neutral' };

/** A diff request's status in its colour. */
export function DiffStatusBadge({ status }: { status: DiffStatus }) {
  return <Badge tone={DIFF_STATUS_TONE[status]}>{status}</Badge>;
}

/** A proposition: positive claims in green, negative ones in red. */
export function PropositionBadge({ proposition }: { proposition: Proposition }) {
  return <Badge tone={proposition === 'repeated' || proposition === 'reproduced' ? 'good' : 'bad'}>{proposition}</Badge>;
}

/** Public or private. */
export function PrivacyBadge({ private: isPrivate }: { private: boolean }) {
  return isPrivate ? (
    <Badge tone="neutral" title="Only the owner can see it">
      <LockIcon /> Private
    </Badge>
  ) : (
    <Badge tone="accent" title="Everyone can see it">
      <GlobeIcon /> Public
    </Badge>
  );
}

/** Tags as small chips. */
export function Tags({ tags, max = 6 }: { tags: string[]; max?: number }) {
  if (tags.length === 0) return null;
  const shown = tags.slice(0, max);
  return (
    <span className="tags">
      {shown.map((tag) => (
        <span className="tag" key={tag}>
          {tag}
        </span>
      ))}
      {tags.length > max ? <span className="tag tag-more">+{tags.length - max}</span> : null}
    </span>
  );
}

/**
 * Whether the exact dates of times are written yet. The first date formatter of a page loads the
 * locale's data, tens of milliseconds that would hold up the first table of times on screen; so
 * times first show as "3 minutes ago", and their exact dates follow once the browser is idle.
 */
const exactDates = {
  ready: false,
  scheduled: false,
  listeners: new Set<() => void>(),
};

function subscribeExactDates(listener: () => void): () => void {
  exactDates.listeners.add(listener);
  if (!exactDates.scheduled) {
    exactDates.scheduled = true;
    const prepare = () => {
      formatDate(new Date(0).toISOString());
      exactDates.ready = true;
      for (const notify of exactDates.listeners) notify();
    };
    if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(prepare, { timeout: 1000 });
    else setTimeout(prepare, 0);
  }
  return () => {
    exactDates.listeners.delete(listener);
  };
}

/** A relative time with the exact one on hover (once the page is idle: see exactDates). */
export function TimeAgo({ iso }: { iso: string | null | undefined }) {
  const exact = useSyncExternalStore(subscribeExactDates, () => exactDates.ready);
  if (!iso) return <span className="muted">—</span>;
  return (
    <time dateTime={iso} title={exact ? formatDate(iso) : undefined}>
      {timeAgo(iso)}
    </time>
  );
}

/** A spinner with a label for screen readers. */
export function Spinner({ label = 'Loading' }: { label?: string }) {
  return <span className="spinner" role="status" aria-label={label} />;
}

/** The loading state of a page or a section. */
export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="loading" aria-busy="true">
      <Spinner label={label} /> <span>{label}</span>
    </div>
  );
}

/** Grey placeholder rows while a table loads. */
export function SkeletonRows({ rows = 5, columns = 5 }: { rows?: number; columns?: number }) {
  return (
    <>
      {Array.from({ length: rows }, (_, row) => (
        <tr key={row} className="skeleton-row" aria-hidden="true">
          {Array.from({ length: columns }, (_, column) => (
            <td key={column}>
              <span className="skeleton" />
            </td>
          ))}
        </tr>
      ))}
    </>
  );
}

/** An error as the server wrote it, with a way to try again. */
export function ErrorBox({ error, title = 'Something went wrong', onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  return (
    <div className="alert alert-error" role="alert">
      <div>
        <strong>{title}</strong>
        <p>{messageOf(error)}</p>
      </div>
      {onRetry ? (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

/** A message in a form (an error from the server, or a success). */
export function FormMessage({ error, success }: { error?: unknown; success?: string | null }) {
  if (error) {
    return (
      <p className="form-error" role="alert">
        {messageOf(error)}
      </p>
    );
  }
  if (success) {
    return (
      <p className="form-success" role="status">
        {success}
      </p>
    );
  }
  return null;
}

/** What an empty list says, and what to do about it. */
export function Empty({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty">
      <p className="empty-title">{title}</p>
      {children ? <div className="empty-text">{children}</div> : null}
      {action ? <div className="empty-action">{action}</div> : null}
    </div>
  );
}

/** Copies text to the clipboard and says so. */
export function CopyButton({ text, label = 'Copy', className = '' }: { text: string; label?: string; className?: string }) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 1_800);
    return () => clearTimeout(timer);
  }, [copied]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // Without clipboard access (plain http on another host): select the text for the person to copy.
      const area = document.createElement('textarea');
      area.value = text;
      document.body.append(area);
      area.select();
      document.execCommand('copy');
      area.remove();
    }
    setCopied(true);
  };
  return (
    <button type="button" className={`btn btn-small btn-ghost copy ${className}`} onClick={() => void copy()} aria-label={copied ? 'Copied' : label}>
      {copied ? <CheckIcon /> : <CopyIcon />}
      <span>{copied ? 'Copied' : label}</span>
    </button>
  );
}

/** A block of code or output with a copy button in its title bar. */
export function CodeBlock({ code, copy = true, className = '', label }: { code: string; copy?: boolean; className?: string; label?: string }) {
  return (
    <div className={`code-block ${className}`}>
      {copy ? (
        <div className="code-bar">
          <span className="code-bar-label">{label ?? ''}</span>
          <CopyButton text={code} label={label ? `Copy ${label}` : 'Copy'} />
        </div>
      ) : null}
      <pre>
        <code>{code}</code>
      </pre>
    </div>
  );
}

/** A digest shown short, with the whole value on hover and a copy button. */
export function Digest({ value }: { value: string | null | undefined }) {
  if (!value) return <span className="muted">—</span>;
  const bare = value.replace(/^sha256:/i, '');
  return (
    <span className="digest">
      <code title={value}>{bare.length > 12 ? `${bare.slice(0, 12)}…` : bare}</code>
      <CopyButton text={value} label="Copy digest" className="copy-icon-only" />
    </span>
  );
}

/** A titled box. */
export function Card({ title, actions, children, className = '', id }: { title?: ReactNode; actions?: ReactNode; children: ReactNode; className?: string; id?: string }) {
  return (
    <section className={`card ${className}`} id={id}>
      {title || actions ? (
        <header className="card-header">
          {title ? <h2 className="card-title">{title}</h2> : <span />}
          {actions ? <div className="card-actions">{actions}</div> : null}
        </header>
      ) : null}
      <div className="card-body">{children}</div>
    </section>
  );
}

/**
 * Previous / next over a cursor-paginated list. The cursor is in the URL (deep links); the
 * cursors of the pages before it travel in the history entry, so Previous and the browser's
 * back button agree.
 */
export function Pager({ next, count, loading }: { next: string | null | undefined; count: number; loading?: boolean }) {
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const previous = ((location.state as { previous?: Array<string | null> } | null)?.previous ?? []).slice();
  const cursor = params.get('cursor');
  const go = (target: string | null, stack: Array<string | null>) => {
    const search = withParams(params, { cursor: target }).toString();
    void navigate({ pathname: location.pathname, search: search ? `?${search}` : '' }, { state: { previous: stack } });
  };
  const page = previous.length + 1;
  if (!cursor && !next) return null;
  return (
    <nav className="pager" aria-label="Pages">
      <button
        type="button"
        className="btn btn-small"
        disabled={!cursor || loading}
        onClick={() => {
          const target = previous.pop() ?? null;
          go(target, previous);
        }}
      >
        ← Previous
      </button>
      <span className="pager-info">
        Page {cursor && previous.length === 0 ? '…' : page} · {count} shown
      </span>
      <button type="button" className="btn btn-small" disabled={!next || loading} onClick={() => go(next ?? null, [...previous, cursor])}>
        Next →
      </button>
    </nav>
  );
}

/**
 * A button that asks before it acts, in a modal dialog (the native <dialog>, so focus and Escape
 * behave), and shows the server's error there when the action fails.
 */
export function ConfirmButton({
  label,
  title,
  children,
  confirmLabel,
  onConfirm,
  tone = 'danger',
  className = '',
  disabled,
}: {
  label: ReactNode;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
  tone?: 'danger' | 'primary';
  className?: string;
  disabled?: boolean;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const close = () => dialog.current?.close();
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      close();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button
        type="button"
        className={`btn ${tone === 'danger' ? 'btn-danger-outline' : 'btn-primary'} ${className}`}
        disabled={disabled}
        onClick={() => {
          setError(null);
          dialog.current?.showModal();
        }}
      >
        {label}
      </button>
      <dialog ref={dialog} className="dialog" aria-labelledby={headingId}>
        <h2 id={headingId}>{title}</h2>
        <div className="dialog-body">{children}</div>
        <FormMessage error={error} />
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={close} disabled={busy}>
            Cancel
          </button>
          <button type="button" className={`btn ${tone === 'danger' ? 'btn-danger' : 'btn-primary'}`} onClick={() => void confirm()} disabled={busy}>
            {busy ? <Spinner label="Working" /> : null} {confirmLabel}
          </button>
        </div>
      </dialog>
    </>
  );
}

/** A page's title block with an optional line above it and actions beside it. */
export function PageHeader({ title, eyebrow, meta, actions }: { title: ReactNode; eyebrow?: ReactNode; meta?: ReactNode; actions?: ReactNode }) {
  return (
    <header className="page-header">
      <div className="page-header-main">
        {eyebrow ? <div className="eyebrow">{eyebrow}</div> : null}
        <h1>{title}</h1>
        {meta ? <div className="page-meta">{meta}</div> : null}
      </div>
      {actions ? <div className="page-actions">{actions}</div> : null}
    </header>
  );
}

/** Tabs that are links (each tab is a URL, so back/forward and deep links work). */
export function Tabs({ tabs, current, param = 'tab' }: { tabs: Array<{ id: string; label: ReactNode }>; current: string; param?: string }) {
  const [params] = useSearchParams();
  return (
    <nav className="tabs" aria-label="Sections">
      {tabs.map((tab) => {
        const search = new URLSearchParams();
        // Switching tab keeps nothing of the other tab's filters.
        search.set(param, tab.id);
        for (const keep of ['box']) if (param !== keep && params.get(keep)) search.set(keep, params.get(keep) ?? '');
        return (
          <Link key={tab.id} to={{ search: `?${search.toString()}` }} className={`tab ${tab.id === current ? 'tab-active' : ''}`} aria-current={tab.id === current ? 'page' : undefined}>
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}

/** A definition list of label → value rows; with `hideEmpty`, rows without a value are left out. */
export function Fields({ rows, hideEmpty = false }: { rows: Array<[string, ReactNode]>; hideEmpty?: boolean }) {
  const shown = hideEmpty ? rows.filter(([, value]) => value !== null && value !== undefined && value !== '') : rows;
  if (shown.length === 0) return null;
  return (
    <dl className="fields">
      {shown.map(([label, value]) => (
        <div className="field-row" key={label}>
          <dt>{label}</dt>
          <dd>{value ?? <span className="muted">—</span>}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * A form field: its label, the control, and a hint that describes the control without becoming
 * part of its name. `children` receives the id and the describedby id to put on the control.
 */
export function Field({ label, hint, children }: { label: ReactNode; hint?: ReactNode; children: (ids: { id: string; 'aria-describedby'?: string }) => ReactNode }) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="label">
      <label htmlFor={id}>{label}</label>
      {children(hint ? { id, 'aria-describedby': hintId } : { id })}
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
    </div>
  );
}
