import type { components, operations, paths } from './openapi.js';

export type { components, operations, paths };

/** Every named schema of openapi.yaml. */
export type Schemas = components['schemas'];

/** The JSON body an operation accepts. */
export type RequestBody<Op extends keyof operations> = operations[Op] extends {
  requestBody?: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;
