import type { CommandSpec, Context, Invocation } from '../command.js';
import { clientOf, print } from '../context.js';
import { EXIT } from '../exit.js';

/** `reprise project pull`. */
export const spec = {
  name: 'project pull',
  summary: 'Show a project with its container history and record counts',
  usage: 'reprise project pull <name-or-id>',
  positionals: { min: 1, max: 1 },
  options: {},
} as const satisfies CommandSpec;

/** Prints the project, its record counts by status and its containers in order. */
export async function run(context: Context, { positionals: [name = ''] }: Invocation<typeof spec.options>): Promise<number> {
  const project = await clientOf(context).projects.pull(name);
  print(context, project, () =>
    [
      `${project.name} (${project.id}), ${project.private ? 'private' : 'public'}, owner ${project.owner.name}`,
      project.description ? `  ${project.description}` : '',
      `  records: ${project.counts.records} (${Object.entries(project.counts.byStatus).map(([status, count]) => `${status} ${count}`).join(', ') || 'none'})`,
      `  containers: ${project.containers.length}`,
      ...project.containers.map((container) => `    #${container.position} ${container.id} ${container.system} ${container.version.commit ?? ''}${container.version.dirty ? ' (dirty)' : ''}`),
    ]
      .filter(Boolean)
      .join('\n'),
  );
  return EXIT.ok;
}
