import { fileUpload } from '../../node/files.js';
import { PROJECT, type CommandSpec, type Context, type Invocation } from '../command.js';
import { clientOf, print, projectOf } from '../context.js';
import { EXIT } from '../exit.js';

/** `reprise import`. */
export const spec = {
  name: 'import',
  summary: 'Create a record from a zipped Process Run Crate (RO-Crate), uploading its files',
  usage: 'reprise import [--project P] <crate.zip>',
  details: 'Crates exported by Reprise come back as they were; what a crate of another tool holds that a record has no field for is kept and listed.',
  positionals: { min: 1, max: 1 },
  options: { project: PROJECT },
} as const satisfies CommandSpec;

/** Uploads the crate and says which record it made and what it could not map. */
export async function run(context: Context, { values, positionals: [file = ''] }: Invocation<typeof spec.options>): Promise<number> {
  const project = projectOf(context, values);
  const crate = await fileUpload(file, { mediaType: 'application/zip' });
  const result = await clientOf(context).exports.import(project, crate);
  print(context, result, () => {
    const lines = [`Imported ${project}/${result.record.label} (record ${result.record.id}, ${result.record.inputs?.length ?? 0} inputs, ${result.record.outputs?.length ?? 0} outputs).`];
    if (result.unmapped.length > 0) {
      lines.push('Kept under custom["ro-crate"], not mapped to record fields:');
      for (const item of result.unmapped) lines.push(`  ${item.id}${item.type.length > 0 ? ` (${item.type.join(', ')})` : ''}: ${item.properties.join(', ')}`);
    }
    return lines.join('\n');
  });
  return EXIT.ok;
}
