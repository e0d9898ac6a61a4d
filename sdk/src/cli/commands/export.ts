import { PROJECT, type CommandSpec, type Context, type Invocation } from '../command.js';
import { clientOf, print, projectOf, writeDownload } from '../context.js';
import { EXIT, usageError } from '../exit.js';
import { formatBytes } from '../output.js';

const FORMATS = ['ro-crate', 'prov', 'bibtex', 'cff', 'datacite'] as const;
type Format = (typeof FORMATS)[number];

/** `reprise export`. */
export const spec = {
  name: 'export',
  summary: 'Export a record (or a whole project) as an RO-Crate, PROV-JSON or a citation',
  usage: 'reprise export [--project P] [<record>] [--format ro-crate|prov|bibtex|cff|datacite] [--no-files] [--image] [--output PATH]',
  details:
    'Without <record>, every record of the project (ro-crate or prov). An RO-Crate is a zip that follows the Process Run Crate profile, with the files inside unless --no-files.',
  positionals: { min: 0, max: 1 },
  options: {
    project: PROJECT,
    format: { type: 'string', short: 'F', description: 'ro-crate (default), prov, bibtex, cff or datacite.', value: 'FORMAT' },
    'no-files': { type: 'boolean', description: 'Describe the files in the crate without their bytes.' },
    image: { type: 'boolean', description: "Put the container image (when stored on the server) into the crate." },
    output: { type: 'string', short: 'o', description: 'Where to write (default: the name the server gives, here; - for stdout).', value: 'PATH' },
    force: { type: 'boolean', description: 'Overwrite an existing file.' },
  },
} as const satisfies CommandSpec;

/** Streams the export to a file (never over one without --force) or to stdout. */
export async function run(context: Context, { values, positionals: [record] }: Invocation<typeof spec.options>): Promise<number> {
  const project = projectOf(context, values);
  const format = (values.format ?? 'ro-crate') as Format;
  if (!FORMATS.includes(format)) throw usageError(`--format is one of ${FORMATS.join(', ')} (got "${values.format ?? ''}").`);
  const query = { format, files: values['no-files'] ? ('none' as const) : ('all' as const), image: values.image ? ('include' as const) : ('none' as const) };
  const client = clientOf(context);
  const download = record ? await client.exports.record(project, record, query) : await client.exports.project(project, query);
  const output = values.output ?? download.filename ?? 'export';
  const saved = await writeDownload(context, download, output, values.force);
  if (saved) print(context, { ...saved, format }, () => `Saved ${output} (${format}, ${formatBytes(saved.size)}).`);
  return EXIT.ok;
}
