import type { RecordAtom } from '../../types.js';
import { PROJECT, type CommandSpec, type Context, type Invocation } from '../command.js';
import { clientOf, print, projectOf } from '../context.js';
import { EXIT } from '../exit.js';
import { formatBytes, formatDuration } from '../output.js';

/** `reprise show`. */
export const spec = {
  name: 'show',
  summary: 'Show one record with every field',
  usage: 'reprise show [--project P] <record>',
  positionals: { min: 1, max: 1 },
  options: { project: PROJECT },
} as const satisfies CommandSpec;

/** Prints one record: every field with --json, the ones people read first without. */
export async function run(context: Context, { values, positionals: [label = ''] }: Invocation<typeof spec.options>): Promise<number> {
  const record = await clientOf(context).records.display(projectOf(context, values), label);
  print(context, record, () => describeRecord(record));
  return EXIT.ok;
}

function describeRecord(record: RecordAtom): string {
  const program = (record.program ?? {}) as { command?: string; arguments?: string[]; versionControl?: { commit?: string | null; branch?: string | null; dirty?: boolean | null } };
  const files = (title: string, list: RecordAtom['inputs']) =>
    (list ?? []).length === 0 ? [] : [`${title}:`, ...(list ?? []).map((file) => `  ${file.path ?? file.name}  ${file.size === null ? '' : formatBytes(file.size)}  ${file.sha256?.slice(0, 12) ?? ''}${file.file ? '' : '  (not uploaded)'}`)];
  const lines = [
    `${record.projectName}/${record.label}  ${record.status}  (${record.id})`,
    `created ${record.created}, duration ${formatDuration(record.duration)}${record.outcome ? `, ${record.outcome}` : ''}`,
    program.command ? `command: ${[program.command, ...(program.arguments ?? [])].join(' ')}` : '',
    program.versionControl?.commit ? `git: ${program.versionControl.commit}${program.versionControl.branch ? ` (${program.versionControl.branch})` : ''}${program.versionControl.dirty ? ' dirty' : ''}` : '',
    record.container ? `container: ${record.container}` : '',
    record.parameters !== null && record.parameters !== undefined ? `parameters: ${JSON.stringify(record.parameters)}` : '',
    record.tags.length ? `tags: ${record.tags.join(', ')}` : '',
    ...files('inputs', record.inputs),
    ...files('outputs', record.outputs),
    record.dependencies.length ? `dependencies: ${record.dependencies.length} (${record.dependencies.slice(0, 5).map((dependency) => `${dependency.name} ${dependency.version}`).join(', ')}${record.dependencies.length > 5 ? ', …' : ''})` : '',
    `status history: ${record.statusHistory.map((change) => change.status).join(' → ')}`,
    record.stderr ? `stderr (end):\n${record.stderr.split('\n').slice(-10).join('\n')}` : '',
  ];
  return lines.filter(Boolean).join('\n');
}
