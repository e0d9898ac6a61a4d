/** TanStack Query hooks over the cloud client: one query key family per resource. */
import type {
  Credentials,
  DiffListQuery,
  DiffRequestCreate,
  Me,
  Page,
  PasswordChange,
  Project,
  ProjectCreate,
  ProjectEdit,
  ProjectRecordsQuery,
  PublicProjectsQuery,
  PublicRecordsQuery,
  RecordEdit,
  RecordPush,
  RecordSummary,
  Registration,
} from '@reprise/sdk';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { cloud } from './client';

/** Query keys, so that mutations invalidate exactly what they change. */
export const keys = {
  me: ['me'] as const,
  account: ['account'] as const,
  dashboard: ['dashboard'] as const,
  myProjects: (query: object) => ['projects', 'mine', query] as const,
  publicProjects: (query: object) => ['projects', 'public', query] as const,
  project: (id: string) => ['project', id] as const,
  projectRecords: (id: string, query: object) => ['project', id, 'records', query] as const,
  reproducibility: (id: string) => ['project', id, 'reproducibility'] as const,
  publicRecords: (query: object) => ['records', 'public', query] as const,
  myRecords: (query: object) => ['records', 'mine', query] as const,
  record: (id: string) => ['record', id] as const,
  comparison: (a: string, b: string, tolerance: number, numeric: NumericTolerances = { rtol: 0, atol: 0 }) => ['compare', a, b, tolerance, numeric.rtol, numeric.atol] as const,
  diffs: (query: object) => ['diffs', query] as const,
  recordDiffs: (id: string) => ['diffs', 'record', id] as const,
  diff: (id: string) => ['diff', id] as const,
};

/** The signed-in user, or null. */
export function useMe() {
  return useQuery({ queryKey: keys.me, queryFn: ({ signal }) => cloud.auth.current({ signal }), staleTime: 60_000 });
}

/** Signs in or up; the new session replaces every cached answer (what one may see changed). */
export function useSession() {
  const client = useQueryClient();
  const started = (me: Me) => {
    client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
    client.setQueryData(keys.me, me);
  };
  return {
    signIn: useMutation({ mutationFn: (body: Credentials) => cloud.auth.login(body), onSuccess: started }),
    signUp: useMutation({ mutationFn: (body: Registration) => cloud.auth.register(body), onSuccess: started }),
    signOut: useMutation({
      mutationFn: () => cloud.auth.logout(),
      onSuccess: () => {
        client.clear();
        client.setQueryData(keys.me, null);
      },
    }),
  };
}

/** The account with its token's prefix and dates. */
export function useAccount() {
  return useQuery({ queryKey: keys.account, queryFn: ({ signal }) => cloud.account.get({ signal }) });
}

/** The signed-in user's summary (only asked for when signed in). */
export function useDashboard(enabled: boolean) {
  // The menu's count of requests waiting for an answer follows along without a reload.
  return useQuery({ queryKey: keys.dashboard, queryFn: ({ signal }) => cloud.dashboard({ signal }), enabled, staleTime: 0, refetchInterval: 60_000, refetchOnWindowFocus: true });
}

/** The signed-in user's projects or public ones, one page. */
export function useProjectList(scope: 'mine' | 'public', query: PublicProjectsQuery, enabled = true) {
  return useQuery<Page<Project>>({
    queryKey: scope === 'mine' ? keys.myProjects(query) : keys.publicProjects(query),
    queryFn: ({ signal }) => (scope === 'mine' ? cloud.projects.mine(query, { signal }) : cloud.browse.projects(query, { signal })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** A project with its containers and counts. */
export function useProject(id: string, enabled = true) {
  return useQuery({ queryKey: keys.project(id), queryFn: ({ signal }) => cloud.projects.get(id, { signal }), enabled: enabled && id !== '' });
}

/** One page of a project's records. */
export function useProjectRecords(id: string, query: ProjectRecordsQuery, enabled = true) {
  return useQuery({
    queryKey: keys.projectRecords(id, query),
    queryFn: ({ signal }) => cloud.projects.records(id, query, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The parameter and metric paths of a project's records (the worksheet's columns), those that vary first. */
export function useProjectPaths(id: string, enabled = true) {
  return useQuery({ queryKey: ['project', id, 'paths'], queryFn: ({ signal }) => cloud.projects.paths(id, { signal }), enabled, staleTime: 30_000 });
}

/** A project's reproducibility tally. */
export function useReproducibility(id: string) {
  return useQuery({ queryKey: keys.reproducibility(id), queryFn: ({ signal }) => cloud.projects.reproducibility(id, { signal }) });
}

/** One page of public records. */
export function usePublicRecords(query: PublicRecordsQuery, enabled = true) {
  return useQuery<Page<RecordSummary>>({
    queryKey: keys.publicRecords(query),
    queryFn: ({ signal }) => cloud.browse.records(query, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** One page of the signed-in user's records. */
export function useMyRecords(query: { q?: string; cursor?: string; limit?: number }, enabled = true) {
  return useQuery<Page<RecordSummary>>({
    queryKey: keys.myRecords(query),
    queryFn: ({ signal }) => cloud.records.mine(query, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** A record with every field. */
export function useRecord(id: string) {
  return useQuery({ queryKey: keys.record(id), queryFn: ({ signal }) => cloud.records.get(id, { signal }) });
}

/** The tolerances of numeric outputs (numpy's isclose: |a − b| ≤ atol + rtol·|b|). */
export interface NumericTolerances {
  rtol: number;
  atol: number;
}

/** The comparison of two records. */
export function useComparison(a: string, b: string, tolerance: number, numeric: NumericTolerances = { rtol: 0, atol: 0 }) {
  return useQuery({
    queryKey: keys.comparison(a, b, tolerance, numeric),
    queryFn: ({ signal }) =>
      cloud.records.compare(a, b, { tolerance, ...(numeric.rtol > 0 ? { rtol: numeric.rtol } : {}), ...(numeric.atol > 0 ? { atol: numeric.atol } : {}) }, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** One page of diff requests. */
export function useDiffs(query: DiffListQuery) {
  return useQuery({ queryKey: keys.diffs(query), queryFn: ({ signal }) => cloud.diffs.list(query, { signal }), placeholderData: keepPreviousData });
}

/** The diff requests about a record that the viewer may see (the first page: a record has few). */
export function useRecordDiffs(id: string) {
  return useQuery({ queryKey: keys.recordDiffs(id), queryFn: ({ signal }) => cloud.records.diffs(id, { limit: 100 }, { signal }) });
}

/** One diff request. */
export function useDiff(id: string) {
  return useQuery({ queryKey: keys.diff(id), queryFn: ({ signal }) => cloud.diffs.get(id, { signal }) });
}

/** Writes, each invalidating what it changes. */
export function useWrites() {
  const client = useQueryClient();
  const refresh = (...prefixes: string[]) => Promise.all(prefixes.map((prefix) => client.invalidateQueries({ queryKey: [prefix] })));
  return {
    createProject: useMutation({ mutationFn: (body: ProjectCreate) => cloud.projects.create(body), onSuccess: () => refresh('projects', 'dashboard') }),
    editProject: useMutation({
      mutationFn: ({ id, body }: { id: string; body: ProjectEdit }) => cloud.projects.edit(id, body),
      onSuccess: () => refresh('project', 'projects', 'records', 'record'),
    }),
    deleteProject: useMutation({ mutationFn: (id: string) => cloud.projects.delete(id), onSuccess: () => refresh('projects', 'dashboard', 'records') }),
    createRecord: useMutation({
      mutationFn: ({ project, body }: { project: string; body: RecordPush }) => cloud.projects.createRecord(project, body),
      onSuccess: () => refresh('project', 'records', 'dashboard'),
    }),
    editRecord: useMutation({
      mutationFn: ({ id, body }: { id: string; body: RecordEdit }) => cloud.records.edit(id, body),
      onSuccess: (record) => {
        client.setQueryData(keys.record(record.id), record);
        return refresh('project', 'records');
      },
    }),
    deleteRecord: useMutation({ mutationFn: (id: string) => cloud.records.delete(id), onSuccess: () => refresh('project', 'records', 'dashboard', 'diffs') }),
    createDiff: useMutation({ mutationFn: (body: DiffRequestCreate) => cloud.diffs.create(body), onSuccess: () => refresh('diffs', 'dashboard') }),
    answerDiff: useMutation({
      mutationFn: ({ id, answer, comment }: { id: string; answer: 'agreed' | 'denied'; comment: string }) => cloud.diffs.answer(id, { answer, comment }),
      onSuccess: (request) => {
        client.setQueryData(keys.diff(request.id), request);
        return refresh('diffs', 'dashboard', 'project');
      },
    }),
    withdrawDiff: useMutation({
      mutationFn: (id: string) => cloud.diffs.withdraw(id),
      onSuccess: (request) => {
        client.setQueryData(keys.diff(request.id), request);
        return refresh('diffs', 'dashboard');
      },
    }),
    renameAccount: useMutation({ mutationFn: (name: string) => cloud.account.rename(name), onSuccess: () => refresh('account', 'me') }),
    changePassword: useMutation({ mutationFn: (body: PasswordChange) => cloud.account.changePassword(body) }),
    renewToken: useMutation({ mutationFn: () => cloud.account.renewToken(), onSuccess: () => refresh('account') }),
    revokeToken: useMutation({ mutationFn: () => cloud.account.revokeToken(), onSuccess: () => refresh('account') }),
  };
}
