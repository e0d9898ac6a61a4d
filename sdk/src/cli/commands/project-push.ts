import type { Project, ProjectPush } from '../../types.js';
import type { CommandSpec, Context, Invocation } from '../command.js';
import { clientOf, print, QUEUED, submit } from '../context.js';
import { EXIT, usageError } from '../exit.js';

/** `reprise project push`. */
export const spec = {
  name: 'project push',
  summary: 'Create a project, or update its description, goals, tags or visibility',
  usage: 'reprise project push <name> [options]',
  positionals: { min: 1, max: 1 },
  options: {
    description: { type: 'string', description: 'What the project is about.', value: 'TEXT' },
    goals: { type: 'string', description: 'What it tries to show.', value: 'TEXT' },
    tag: { type: 'string', multiple: true, description: 'A tag (repeatable; replaces the tags).', value: 'TAG' },
    public: { type: 'boolean', description: 'Make it visible to everybody.' },
    private: { type: 'boolean', description: 'Make it visible to you only (the default for new projects).' },
  },
} as const satisfies CommandSpec;

/** Pushes through the queue: when the server is away the push waits there (exit 75). */
export async function run(context: Context, { values, positionals: [name = ''] }: Invocation<typeof spec.options>): Promise<number> {
  if (values.public && values.private) throw usageError('--public and --private exclude each other.');
  const body: ProjectPush = {};
  if (values.description !== undefined) body.description = values.description;
  if (values.goals !== undefined) body.goals = values.goals;
  if (values.tag !== undefined) body.tags = [...new Set(values.tag)];
  if (values.public) body.private = false;
  if (values.private) body.private = true;
  const result = await submit(context, clientOf(context), { kind: 'pushProject', project: name, body }, `project ${name}`);
  if (result === QUEUED) return EXIT.queued;
  const project = result as Project;
  print(context, project, () => `Project ${project.name} (${project.id}): ${project.private ? 'private' : 'public'}.`);
  return EXIT.ok;
}
