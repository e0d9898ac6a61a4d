/** The signed-in user's reproduction jobs, live: their state, worker, log tail and verdict. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { isJobSettling, canCancelJob, type JobState } from '@reprise/rules';
import type { ReproductionJob } from '@reprise/sdk';
import { cloud } from '../api/client';
import { Badge, Card, CodeBlock, ConfirmButton, Empty, ErrorBox, Fields, Loading, PageHeader, Pager, PropositionBadge, TimeAgo } from '../components/ui';
import { useTitle } from '../lib/title';

/** How often a page with a job still going asks again. */
const POLL_MS = 1500;

const TONES: Record<JobState, 'good' | 'bad' | 'warn' | 'info' | 'neutral'> = { queued: 'neutral', running: 'info', finished: 'good', failed: 'bad', cancelled: 'warn' };

function JobStateBadge({ state }: { state: JobState }) {
  return <Badge tone={TONES[state]}>{state}</Badge>;
}

/** The jobs page. */
export function ReproductionsPage() {
  useTitle('Reproductions');
  const [params] = useSearchParams();
  const cursor = params.get('cursor') ?? undefined;
  const list = useQuery({
    queryKey: ['reproductions', 'list', cursor ?? null],
    queryFn: ({ signal }) => cloud.reproductions.list({ limit: 20, ...(cursor ? { cursor } : {}) }, { signal }),
    refetchInterval: (query) => (query.state.data?.data.some((job) => isJobSettling(job)) ? POLL_MS : false),
  });
  return (
    <div className="page">
      <PageHeader title="Reproductions" meta="Records you asked to be run again by your workers, and the verdicts filed from them." />
      {list.isError ? <ErrorBox error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.isPending ? <Loading /> : null}
      {list.data && list.data.data.length === 0 ? (
        <Empty title="No reproductions yet">
          Open a record you can see and choose <strong>Reproduce</strong>; then run <code>reprise worker</code> with your API token.
        </Empty>
      ) : null}
      {list.data && list.data.data.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th>Record</th>
              <th>State</th>
              <th>Into</th>
              <th>Worker</th>
              <th>Verdict</th>
              <th>Asked</th>
            </tr>
          </thead>
          <tbody>
            {list.data.data.map((job) => (
              <tr key={job.id}>
                <td>
                  <Link to={`/reproductions/${job.id}`}>{job.recordLabel}</Link>
                </td>
                <td>
                  <JobStateBadge state={job.state} />
                </td>
                <td>{job.projectName}</td>
                <td className="muted">{job.worker ?? '—'}</td>
                <td>{job.proposition ? <PropositionBadge proposition={job.proposition} /> : <span className="muted">{job.state === 'failed' ? 'failed' : '—'}</span>}</td>
                <td>
                  <TimeAgo iso={job.created} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Pager next={list.data?.page.next} count={list.data?.data.length ?? 0} loading={list.isFetching} />
    </div>
  );
}

/** One job, followed live until it ends. */
export function ReproductionPage() {
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const job = useQuery({
    queryKey: ['reproductions', 'one', id],
    queryFn: ({ signal }) => cloud.reproductions.get(id, { signal }),
    refetchInterval: (query) => (query.state.data && isJobSettling(query.state.data) ? POLL_MS : false),
  });
  useTitle(job.data ? `Reproduction of ${job.data.recordLabel}` : 'Reproduction');
  if (job.isError) return <ErrorBox error={job.error} onRetry={() => void job.refetch()} />;
  if (!job.data) return <Loading />;
  const data: ReproductionJob = job.data;
  const cancel = async () => {
    await cloud.reproductions.cancel(data.id);
    await queryClient.invalidateQueries({ queryKey: ['reproductions'] });
  };
  return (
    <div className="page">
      <PageHeader
        eyebrow={<Link to="/reproductions">Reproductions</Link>}
        title={<>Reproduction of “{data.recordLabel}”</>}
        meta={
          <>
            <JobStateBadge state={data.state} /> · into {data.projectName} · asked <TimeAgo iso={data.created} />
          </>
        }
        actions={
          canCancelJob(data) ? (
            <ConfirmButton label="Cancel" title="Cancel this reproduction?" confirmLabel="Cancel it" onConfirm={cancel}>
              <p>A queued job is never run; a running one is stopped at its worker’s next heartbeat.</p>
            </ConfirmButton>
          ) : null
        }
      />
      <div className="grid">
        <Card title="Job" className="span-2">
          <Fields
            rows={[
              ['State', <JobStateBadge key="state" state={data.state} />],
              ['Original record', <Link key="original" to={`/records/${data.record}`}>{data.recordLabel}</Link>],
              ['New record', data.result ? <Link key="result" to={`/records/${data.result}`}>{data.resultLabel ?? data.result}</Link> : '—'],
              ['Diff request', data.diffRequest ? <Link key="request" to={`/requests/${data.diffRequest}`}>{data.proposition ?? 'request'}</Link> : '—'],
              ['Evidence', data.cell ?? '—'],
              ['Verdict', data.verdict ?? (data.state === 'finished' && isJobSettling(data) ? 'Being filed…' : '—')],
              ['Reason', data.reason ?? '—'],
              ['Executor', data.executor ?? 'any'],
              ['Worker', data.worker ?? '—'],
              ['Attempts', String(data.attempts)],
              ['Tolerance', `text ${data.tolerance}, rtol ${data.rtol}, atol ${data.atol}`],
              ['Started', data.started ? <TimeAgo key="started" iso={data.started} /> : '—'],
              ['Ended', data.ended ? <TimeAgo key="ended" iso={data.ended} /> : '—'],
            ]}
          />
        </Card>
        <Card title="Log (its end)" className="span-2">
          {data.log ? <CodeBlock code={data.log} label="Log" /> : <p className="muted">{data.state === 'queued' ? 'Waiting for one of your workers: run `reprise worker`.' : 'Nothing yet.'}</p>}
        </Card>
      </div>
    </div>
  );
}
