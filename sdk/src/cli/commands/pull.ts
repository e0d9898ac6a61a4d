import { PROJECT, type CommandSpec, type Context, type Invocation } from '../command.js';
import { clientOf, print, projectOf, writeDownload } from '../context.js';
import { EXIT, usageError } from '../exit.js';
import { formatBytes } from '../output.js';

/** `reprise pull`. */
export const spec = {
  name: 'pull',
  summary: "Download a record's container image (or one of its files)",
  usage: 'reprise pull [--project P] [<record>] [--file NAME] [--output PATH]',
  details: "Without <record>, the project's latest record. The download is checked against the server's sha256.",
  positionals: { min: 0, max: 1 },
  options: {
    project: PROJECT,
    file: { type: 'string', short: 'f', description: 'An input or output (name, sha256 or id) instead of the image.', value: 'NAME' },
    output: { type: 'string', short: 'o', description: 'Where to write (default: the name the server gives, here; - for stdout).', value: 'PATH' },
    force: { type: 'boolean', description: 'Overwrite an existing file.' },
  },
} as const satisfies CommandSpec;

/** Downloads to a file (never over one without --force) or to stdout, checked against the server's sha256. */
export async function run(context: Context, { values, positionals: [record] }: Invocation<typeof spec.options>): Promise<number> {
  const project = projectOf(context, values);
  const client = clientOf(context);
  const fileName = values.file;
  if (fileName && !record) throw usageError('--file needs the <record> it belongs to.');
  const download = fileName && record ? await client.files.pull(project, record, fileName) : await client.records.pull(project, record);
  const output = values.output ?? download.filename ?? fileName ?? 'download';
  const saved = await writeDownload(context, download, output, values.force);
  if (saved) print(context, saved, () => `Saved ${output} (${formatBytes(saved.size)}, sha256 ${saved.sha256}).`);
  return EXIT.ok;
}
