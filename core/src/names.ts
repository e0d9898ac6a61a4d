import { AppError } from './errors.js';

/** The 422 `name_shadows_id` refusing a new project name or record label that has the form of an id. */
export function nameShadowsId(kind: 'project name' | 'record label', value: string): AppError {
  return new AppError(
    422,
    'name_shadows_id',
    `A ${kind} cannot have the form of an id (24 hex digits): "${value}" would shadow the id where a ${kind} or an id is accepted. Choose another ${kind}.`,
    { [kind === 'project name' ? 'name' : 'label']: value },
  );
}
