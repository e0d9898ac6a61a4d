/** "Share with reviewers": read-only links to a private project or record, and publishing one record alone. */
import { useId, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NewReviewerLink, RecordAtom, ReviewerLink } from '@reprise/sdk';
import { linkIsLive } from '@reprise/rules';
import { cloud } from '../api/client';
import { Badge, CopyButton, FormMessage, Spinner, TimeAgo } from './ui';

const LINKS_KEY = ['links'] as const;

/** How long a new link lasts, in days (0: until revoked). */
const EXPIRY_CHOICES = [
  { days: 0, label: 'Until I revoke it' },
  { days: 7, label: '7 days' },
  { days: 30, label: '30 days' },
  { days: 90, label: '90 days' },
] as const;

/** The links that name exactly this project or this record. */
function linksOf(links: ReviewerLink[], target: { project: string } | { record: string }): ReviewerLink[] {
  return 'record' in target ? links.filter((link) => link.record === target.record) : links.filter((link) => link.project === target.project && link.record === null);
}

function LinkRow({ link }: { link: ReviewerLink }) {
  const client = useQueryClient();
  const revoke = useMutation({ mutationFn: () => cloud.links.revoke(link.id), onSuccess: () => client.invalidateQueries({ queryKey: LINKS_KEY }) });
  const live = linkIsLive(link);
  return (
    <li className="share-link" data-link={link.id}>
      <span className="mono small">{link.prefix}…</span> {link.anonymous ? <Badge tone="info">anonymous</Badge> : null}{' '}
      {live ? null : <Badge tone="warn">expired</Badge>}
      <span className="muted small">
        {' '}
        · made <TimeAgo iso={link.created} /> · {link.expires ? <>expires <TimeAgo iso={link.expires} /></> : 'no expiry'} · last used{' '}
        {link.lastUsed ? <TimeAgo iso={link.lastUsed} /> : 'never'}
      </span>{' '}
      <button type="button" className="btn btn-small btn-danger-outline" onClick={() => revoke.mutate()} disabled={revoke.isPending}>
        {revoke.isPending ? <Spinner label="Revoking" /> : null} Revoke
      </button>
      <FormMessage error={revoke.error} />
    </li>
  );
}

/** Publishes or unpublishes one record on its own, in the same dialog. */
function PublishRecord({ record }: { record: RecordAtom }) {
  const client = useQueryClient();
  const change = useMutation({
    mutationFn: () => (record.published ? cloud.records.unpublish(record.id) : cloud.records.publish(record.id)),
    onSuccess: () => client.invalidateQueries(),
  });
  return (
    <section className="share-publish">
      <h3 className="subhead">Publish this record alone</h3>
      <p className="muted small">
        {record.published
          ? 'This record and its container are public while the rest of the project stays as it is. Unpublishing hides them again; diff requests already made stay with their senders.'
          : 'Make this record and the container it ran in public without publishing the project: anyone can read it, download its files, compare it and send you diff requests about it.'}
      </p>
      <button type="button" className="btn btn-small" onClick={() => change.mutate()} disabled={change.isPending}>
        {change.isPending ? <Spinner label="Working" /> : null} {record.published ? 'Unpublish' : 'Publish this record'}
      </button>
      <FormMessage error={change.error} />
    </section>
  );
}

/**
 * The button and dialog that make read-only reviewer links to a private project or record (with
 * an expiry and, for double-blind review, without the owner's name), show the new link once, and
 * list the live ones with their last use and a revoke button.
 */
export function ShareWithReviewers({ target, record }: { target: { project: string } | { record: string }; record?: RecordAtom }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [anonymous, setAnonymous] = useState(true);
  const [days, setDays] = useState<number>(30);
  const [made, setMade] = useState<NewReviewerLink | null>(null);
  const links = useQuery({ queryKey: LINKS_KEY, queryFn: ({ signal }) => cloud.links.list({ limit: 100 }, { signal }), enabled: open });
  const create = useMutation({
    mutationFn: () => cloud.links.create({ ...target, anonymous, ...(days > 0 ? { expires: new Date(Date.now() + days * 86_400_000).toISOString() } : {}) }),
    onSuccess: (link) => {
      setMade(link);
      void client.invalidateQueries({ queryKey: LINKS_KEY });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const shown = linksOf(links.data?.data ?? [], target);
  return (
    <>
      <button
        type="button"
        className="btn"
        onClick={() => {
          setOpen(true);
          setMade(null);
          dialog.current?.showModal();
        }}
      >
        Share with reviewers
      </button>
      <dialog ref={dialog} className="dialog dialog-wide" aria-labelledby={headingId} onClose={() => setOpen(false)}>
        <h2 id={headingId}>Share with reviewers</h2>
        <div className="dialog-body">
          <p className="muted small">
            Whoever holds a link sees this {'record' in target ? 'record and the container it ran in' : 'project, its records and containers'}, downloads the files and compares records, without an
            account and without changing anything, until the link expires or you revoke it.
          </p>
          <form className="form share-form" onSubmit={submit} aria-label="Make a reviewer link">
            <label className="checkbox">
              <input type="checkbox" checked={anonymous} onChange={(event) => setAnonymous(event.target.checked)} /> Hide my name and email (double-blind review)
            </label>
            <label className="label">
              Expires
              <select className="input input-small" value={days} onChange={(event) => setDays(Number(event.target.value))}>
                {EXPIRY_CHOICES.map((choice) => (
                  <option key={choice.days} value={choice.days}>
                    {choice.label}
                  </option>
                ))}
              </select>
            </label>
            <FormMessage error={create.error} />
            <div className="form-actions">
              <button type="submit" className="btn btn-primary" disabled={create.isPending}>
                {create.isPending ? <Spinner label="Making the link" /> : null} Make a link
              </button>
            </div>
          </form>
          {made ? (
            <div className="alert share-new" role="status">
              <p className="small">Copy the link now: it is shown only this once.</p>
              <input className="input mono" readOnly value={made.url} aria-label="New reviewer link" onFocus={(event) => event.target.select()} />
              <CopyButton text={made.url} label="Copy link" />
            </div>
          ) : null}
          <h3 className="subhead">Links</h3>
          {links.isPending ? <p className="muted">Loading…</p> : null}
          <FormMessage error={links.error} />
          {!links.isPending && shown.length === 0 ? <p className="muted small">No links yet.</p> : null}
          <ul className="share-links">
            {shown.map((link) => (
              <LinkRow key={link.id} link={link} />
            ))}
          </ul>
          {record ? <PublishRecord record={record} /> : null}
        </div>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
      </dialog>
    </>
  );
}
