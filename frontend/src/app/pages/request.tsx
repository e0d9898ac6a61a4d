/** One diff request: the claim, the stored evidence, and the answer (or the way to give one). */
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { DiffRequest } from '@reprise/sdk';
import { isNotFound } from '../api/client';
import { useDiff, useMe, useWrites } from '../api/hooks';
import { EvidenceView, Verdict } from '../components/evidence';
import { ArrowRightIcon } from '../components/icons';
import { CiteBox } from '../components/cite-box';
import { ExportButtons } from '../components/export-menu';
import { Card, ConfirmButton, DiffStatusBadge, ErrorBox, Fields, Loading, PageHeader, PropositionBadge, TimeAgo } from '../components/ui';
import { canAnswer, canWithdraw, CELL_INFO, isSender } from '@reprise/rules';
import { formatDate, plural } from '../lib/format';
import { useTitle } from '../lib/title';
import { NotFoundPage } from './errors';

function Side({ side }: { side: DiffRequest['from'] }) {
  if (!side.visible) return <span className="muted">a record you cannot see</span>;
  return (
    <span>
      <Link to={`/records/${side.id}`} className="strong-link">
        {side.label}
      </Link>{' '}
      <span className="muted">
        in <Link to={`/projects/${side.project}`}>{side.projectName}</Link>
      </span>
    </span>
  );
}

function AnswerBox({ request }: { request: DiffRequest }) {
  const { answerDiff } = useWrites();
  const [comment, setComment] = useState('');
  const answer = (value: 'agreed' | 'denied') => answerDiff.mutateAsync({ id: request.id, answer: value, comment: comment.trim() });
  return (
    <Card title="Your answer" className="answer-card">
      <p className="muted small">Look at the evidence below. Your answer is final; an agreement counts toward your project's reproducibility.</p>
      <label className="label">
        <span>
          Comment <span className="muted">(optional)</span>
        </span>
        <textarea className="input" rows={3} maxLength={10000} value={comment} onChange={(event) => setComment(event.target.value)} placeholder="What you checked." />
      </label>
      <div className="form-actions">
        <ConfirmButton label="Deny" title="Deny this request?" confirmLabel="Deny" onConfirm={() => answer('denied')}>
          <p>
            You deny that the records are <strong>{request.proposition}</strong>. {request.sender.name} sees your answer and comment.
          </p>
        </ConfirmButton>
        <ConfirmButton tone="primary" label="Agree" title="Agree to this request?" confirmLabel="Agree" onConfirm={() => answer('agreed')}>
          <p>
            You confirm that the records are <strong>{request.proposition}</strong>. The agreement counts toward the reproducibility of your project.
          </p>
        </ConfirmButton>
      </div>
    </Card>
  );
}

/** The request page. */
export function RequestPage() {
  const { id = '' } = useParams();
  const request = useDiff(id);
  const me = useMe();
  const { withdrawDiff } = useWrites();
  useTitle(request.data ? `Request: ${request.data.proposition}` : 'Request');
  if (request.isPending) return <Loading />;
  if (request.isError) return isNotFound(request.error) ? <NotFoundPage what="request" /> : <ErrorBox error={request.error} onRetry={() => void request.refetch()} />;
  const data = request.data;
  // What the viewer may do is what the service will accept: the same rules decide both.
  const parties = { sender: data.sender.id, targetOwner: data.targetOwner.id, status: data.status };
  const viewer = me.data?.id;

  return (
    <div className="page">
      <PageHeader
        eyebrow={<Link to={isSender(viewer, parties) ? '/requests?box=outbox' : '/requests'}>Diff requests</Link>}
        title={
          <>
            {data.sender.name} claims <PropositionBadge proposition={data.proposition} />
          </>
        }
        meta={
          <>
            <DiffStatusBadge status={data.status} /> · sent <TimeAgo iso={data.created} /> to {data.targetOwner.name}
          </>
        }
        actions={
          canWithdraw(viewer, parties) ? (
            <ConfirmButton label="Withdraw" title="Withdraw this request?" confirmLabel="Withdraw" onConfirm={() => withdrawDiff.mutateAsync(data.id)}>
              <p>{data.targetOwner.name} will not be able to answer it any more.</p>
            </ConfirmButton>
          ) : null
        }
      />
      <ExportButtons kind="verdict" id={data.id} />
      <section className="card request-claim">
        <div className="claim-line">
          <Side side={data.from} />
          <ArrowRightIcon />
          <Side side={data.toward} />
        </div>
        <Fields
          rows={[
            ['Proposition', <PropositionBadge key="p" proposition={data.proposition} />],
            ['Method', data.method],
            ['Table cell', CELL_INFO[data.cell].label],
            ['Tolerance', data.method === 'default' ? `${plural(data.tolerance, 'edit')} per text output` : null],
            ['Numeric tolerance', data.method === 'default' && (data.rtol > 0 || data.atol > 0) ? `rtol ${data.rtol}, atol ${data.atol} for tables of numbers and JSON` : null],
            ['Description', data.description ? <span className="pre-line">{data.description}</span> : null],
            ['Sent', formatDate(data.created)],
          ]}
        />
      </section>
      {data.answer ? (
        <section className={`card answer answer-${data.status}`}>
          <p>
            <strong>{data.answer.by.name}</strong> {data.status} <TimeAgo iso={data.answer.at} />.
          </p>
          {data.answer.comment ? <blockquote className="pre-line">{data.answer.comment}</blockquote> : null}
        </section>
      ) : data.status === 'withdrawn' ? (
        <section className="card answer answer-withdrawn">
          <p>{data.sender.name} withdrew this request.</p>
        </section>
      ) : canAnswer(viewer, parties) ? (
        <AnswerBox request={data} />
      ) : (
        <section className="card answer">
          <p className="muted">Waiting for {data.targetOwner.name} to answer.</p>
        </section>
      )}
      <CiteBox kind="verdict" id={data.id} sealed={data.status === 'agreed'} />
      <h2 className="section-title">Evidence stored with the request</h2>
      {data.evidence ? (
        <>
          <Verdict evidence={data.evidence} />
          <EvidenceView evidence={data.evidence} />
        </>
      ) : (
        <p className="muted">The evidence is shown only to people who can see both records.</p>
      )}
    </div>
  );
}
