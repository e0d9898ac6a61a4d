/** Diff requests received (inbox) and sent (outbox), filtered by status. */
import { Link, useSearchParams } from 'react-router';
import type { DiffStatus } from '@reprise/sdk';
import { useDiffs } from '../api/hooks';
import { DiffList } from '../components/lists';
import { Empty, ErrorBox, Loading, PageHeader, Pager, Tabs } from '../components/ui';
import { oneOf, withParams } from '../lib/params';
import { useTitle } from '../lib/title';

const STATUSES: Array<DiffStatus | ''> = ['', 'proposed', 'agreed', 'denied', 'withdrawn'];

/** The requests page. */
export function RequestsPage() {
  useTitle('Requests');
  const [params] = useSearchParams();
  const box = oneOf(params.get('box'), ['inbox', 'outbox'] as const, 'inbox');
  const status = oneOf(params.get('status'), STATUSES, '');
  const cursor = params.get('cursor') ?? undefined;
  const list = useDiffs({ box, ...(status ? { status } : {}), ...(cursor ? { cursor } : {}), limit: 20 });
  return (
    <div className="page">
      <PageHeader title="Diff requests" meta={box === 'inbox' ? 'Claims others make about your records: agree or deny them after looking at the evidence.' : 'Claims you made about other people’s records.'} />
      <Tabs
        param="box"
        current={box}
        tabs={[
          { id: 'inbox', label: 'Inbox' },
          { id: 'outbox', label: 'Outbox' },
        ]}
      />
      <div className="chips" role="group" aria-label="Status">
        {STATUSES.map((value) => (
          <Link key={value || 'all'} to={{ search: `?${withParams(params, { status: value }).toString()}` }} className={`chip ${status === value ? 'chip-active' : ''}`} aria-pressed={status === value}>
            {value || 'all'}
          </Link>
        ))}
      </div>
      {list.isError ? <ErrorBox error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.isPending ? <Loading /> : null}
      {list.data && list.data.data.length === 0 ? (
        <Empty title={box === 'inbox' ? 'No requests for you here' : 'You have not sent requests here'}>
          {box === 'outbox' ? (
            <>
              Open one of your records, choose <strong>Compare with…</strong>, pick someone else’s record and propose what the evidence supports.
            </>
          ) : (
            <>When someone compares their record with one of your public records, their request appears here.</>
          )}
        </Empty>
      ) : null}
      {list.data && list.data.data.length > 0 ? (
        <div className={list.isFetching && !list.isPending ? 'is-refreshing' : undefined}>
          <DiffList requests={list.data.data} box={box} />
        </div>
      ) : null}
      <Pager next={list.data?.page.next} count={list.data?.data.length ?? 0} loading={list.isFetching} />
    </div>
  );
}
