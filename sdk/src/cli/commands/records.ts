import type { RecordStatus, RecordSummary } from '../../types.js';
import { PROJECT, type CommandSpec, type Context, type Invocation } from '../command.js';
import { clientOf, print } from '../context.js';
import { EXIT, usageError } from '../exit.js';
import { formatDuration, table } from '../output.js';

/** `reprise records`. */
export const spec = {
  name: 'records',
  summary: "List a project's records (or search all records you can see)",
  usage: 'reprise records [--project P] [options]',
  positionals: { min: 0, max: 0 },
  options: {
    project: { ...PROJECT, description: 'The project (default: $REPRISE_PROJECT; without one, search everything).' },
    status: { type: 'string', description: 'Only this status.', value: 'STATUS' },
    tag: { type: 'string', description: 'Only this tag.', value: 'TAG' },
    'label-prefix': { type: 'string', description: 'Only labels starting with this.', value: 'TEXT' },
    query: { type: 'string', short: 'q', description: 'Search label, reason, outcome and tags.', value: 'TEXT' },
    limit: { type: 'string', description: 'At most this many (default 20).', value: 'N' },
    all: { type: 'boolean', description: 'Every matching record, page after page.' },
  },
} as const satisfies CommandSpec;

/** Lists a project's records (or searches, with -q or without a project), newest first, page after page up to --limit. */
export async function run(context: Context, { values }: Invocation<typeof spec.options>): Promise<number> {
  const client = clientOf(context);
  const project = values.project ?? context.settings.project;
  const limit = values.limit === undefined ? 20 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) throw usageError(`--limit takes a positive whole number (got "${String(values.limit)}").`);
  const filters = {
    ...(values.status ? { status: values.status as RecordStatus } : {}),
    ...(values.tag ? { tag: values.tag } : {}),
  };
  const found: RecordSummary[] = [];
  let cursor: string | undefined;
  do {
    const pageSize = values.all ? 100 : Math.min(100, limit - found.length);
    const page = project && !values.query
      ? await client.records.list(project, { ...filters, ...(values['label-prefix'] ? { labelPrefix: values['label-prefix'] } : {}), limit: pageSize, ...(cursor ? { cursor } : {}) })
      : await client.search.records({ ...filters, ...(project ? { project } : {}), ...(values.query ? { q: values.query } : {}), limit: pageSize, ...(cursor ? { cursor } : {}) });
    found.push(...page.data);
    cursor = page.page.next ?? undefined;
  } while (cursor && (values.all || found.length < limit));
  print(context, { data: found, next: cursor ?? null }, () =>
    found.length === 0
      ? 'No records.'
      : table(
          ['LABEL', 'STATUS', 'CREATED', 'DURATION', project ? 'TAGS' : 'PROJECT'],
          found.map((record) => [record.label, record.status, record.created.replace('T', ' ').slice(0, 19), formatDuration(record.duration), project ? record.tags.join(',') : record.projectName]),
        ),
  );
  return EXIT.ok;
}
