import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { AppError } from './errors.js';

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

/** Where openapi.yaml lives: the repository root, two levels above core/src and core/dist. */
const OPENAPI_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'openapi.yaml');

interface ParameterSpec {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: SchemaSpec;
}

type SchemaSpec = Record<string, unknown>;

interface CompiledOperation {
  operationId: string;
  method: string;
  path: string;
  parameters: Array<ParameterSpec & { validate: ValidateFunction }>;
  json?: ValidateFunction;
  bodyRequired: boolean;
  mediaTypes: string[];
}

/** A request's parts, as an HTTP layer hands them over. */
export interface RequestParts {
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  /** True when the request carried a JSON body. */
  hasJsonBody: boolean;
  /** Request headers (lower-case names), to check the operation's header parameters. */
  headers?: Record<string, string | string[] | undefined>;
}

/** The validated parts, with query and path values converted to their schema types. */
export interface ValidatedParts {
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
}

/** One problem with a request, for the `details` of a 400. */
export interface ValidationProblem {
  location: 'path' | 'query' | 'body' | string;
  path: string;
  message: string;
}

const SPEC_ID = 'reprise-openapi';

/**
 * Validates requests against openapi.yaml, so that the document is the only description of
 * what an endpoint accepts. Operations are looked up by operationId.
 */
export class SpecValidator {
  readonly document: Record<string, unknown>;
  readonly text: string;
  private readonly ajv: Ajv2020;
  private readonly operations = new Map<string, CompiledOperation>();

  constructor(text: string) {
    this.text = text;
    this.document = parse(text) as Record<string, unknown>;
    this.ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true, discriminator: true });
    addFormats(this.ajv);
    this.ajv.addFormat('binary', true);
    this.ajv.addKeyword('example');
    const components = (this.document.components ?? {}) as Record<string, Record<string, unknown>>;
    this.ajv.addSchema({ $id: SPEC_ID, $defs: rewriteRefs(components.schemas ?? {}) });
    this.compile(components);
  }

  /** Loads openapi.yaml from the repository root (or another file). */
  static load(file = OPENAPI_PATH): SpecValidator {
    return new SpecValidator(readFileSync(file, 'utf8'));
  }

  /** Every operationId in the document. */
  get operationIds(): string[] {
    return [...this.operations.keys()];
  }

  /** The method and path template of an operation. */
  describe(operationId: string): { method: string; path: string; mediaTypes: string[] } {
    const op = this.get(operationId);
    return { method: op.method, path: op.path, mediaTypes: op.mediaTypes };
  }

  /** Validates a request for an operation; throws a 400 listing every problem. */
  validate(operationId: string, parts: RequestParts, options: { skipParams?: string[]; skipBody?: boolean } = {}): ValidatedParts {
    const op = this.get(operationId);
    const problems: ValidationProblem[] = [];
    const params: Record<string, string> = {};
    const query: Record<string, unknown> = {};
    const skip = new Set(options.skipParams ?? []);
    const known = new Set<string>();
    for (const parameter of op.parameters) {
      if (parameter.in === 'query') known.add(parameter.name);
      if (skip.has(parameter.name)) continue;
      if (parameter.in === 'header') {
        if (parts.headers) problems.push(...this.checkHeader(parameter, parts.headers[parameter.name.toLowerCase()]));
        continue;
      }
      if (parameter.in !== 'path' && parameter.in !== 'query') continue;
      const raw = parameter.in === 'path' ? parts.params[parameter.name] : parts.query[parameter.name];
      if (raw === undefined) {
        if (parameter.required) problems.push({ location: parameter.in, path: parameter.name, message: 'is required' });
        continue;
      }
      if (Array.isArray(raw) || (typeof raw === 'object' && raw !== null)) {
        problems.push({ location: parameter.in, path: parameter.name, message: 'must be given once, as a plain value' });
        continue;
      }
      const value = coerce(String(raw), parameter.schema);
      if (!parameter.validate(value)) {
        for (const problem of describeErrors(parameter.validate.errors, parameter.in, parameter.name)) problems.push(problem);
        continue;
      }
      if (parameter.in === 'path') params[parameter.name] = String(value);
      else query[parameter.name] = value;
    }
    for (const name of Object.keys(parts.query)) {
      if (!known.has(name)) problems.push({ location: 'query', path: name, message: `is not a parameter of this endpoint (known: ${[...known].join(', ') || 'none'})` });
    }
    let body = parts.body;
    const broken = parts.hasJsonBody ? illFormedText(body) : undefined;
    if (broken !== undefined) problems.push({ location: 'body', path: broken, message: UNICODE_PROBLEM });
    if (op.json && !options.skipBody) {
      if (!parts.hasJsonBody) {
        if (op.bodyRequired) problems.push({ location: 'body', path: '', message: 'a JSON body is required' });
        body = undefined;
      } else if (!op.json(body)) {
        // Not push(...): a body with 100,000 unknown fields would overflow the call stack.
        for (const problem of describeErrors(op.json.errors, 'body', '')) problems.push(problem);
      }
    }
    if (problems.length > 0) throw validationError(problems);
    return { params, query, body };
  }

  /** Validates a value against a named schema of components.schemas (for multipart JSON fields). */
  validateSchema<T>(schemaName: string, value: unknown, location: string): T {
    const validate = this.ajv.getSchema(`${SPEC_ID}#/$defs/${schemaName}`);
    if (!validate) throw new Error(`openapi.yaml has no schema ${schemaName}`);
    const broken = illFormedText(value);
    if (broken !== undefined) throw validationError([{ location, path: broken, message: UNICODE_PROBLEM }]);
    if (!validate(value)) throw validationError(describeErrors(validate.errors, location, ''));
    return value as T;
  }

  private checkHeader(parameter: ParameterSpec & { validate: ValidateFunction }, raw: string | string[] | undefined): ValidationProblem[] {
    if (raw === undefined) return parameter.required ? [{ location: 'header', path: parameter.name, message: 'is required' }] : [];
    if (Array.isArray(raw)) return [{ location: 'header', path: parameter.name, message: 'must be given once' }];
    return parameter.validate(raw) ? [] : describeErrors(parameter.validate.errors, 'header', parameter.name);
  }

  private get(operationId: string): CompiledOperation {
    const op = this.operations.get(operationId);
    if (!op) throw new Error(`openapi.yaml has no operation ${operationId}`);
    return op;
  }

  private compile(components: Record<string, Record<string, unknown>>): void {
    const paths = (this.document.paths ?? {}) as Record<string, Record<string, unknown>>;
    const resolve = <T>(item: T): T => {
      const ref = (item as { $ref?: string }).$ref;
      if (!ref) return item;
      const [, kind, name] = /^#\/components\/(\w+)\/(.+)$/.exec(ref) ?? [];
      const target = kind && name ? components[kind]?.[name] : undefined;
      if (!target) throw new Error(`openapi.yaml: unresolved ${ref}`);
      return target as T;
    };
    for (const [pathTemplate, item] of Object.entries(paths)) {
      const shared = ((item.parameters ?? []) as ParameterSpec[]).map(resolve);
      for (const method of ['get', 'put', 'post', 'delete', 'patch', 'head', 'options']) {
        const operation = item[method] as Record<string, unknown> | undefined;
        if (!operation) continue;
        const operationId = operation.operationId as string;
        const parameters = [...shared, ...((operation.parameters ?? []) as ParameterSpec[]).map(resolve)].map((parameter) => ({
          ...parameter,
          validate: this.ajv.compile(rewriteRefs(parameter.schema ?? {})),
        }));
        const requestBody = operation.requestBody ? resolve(operation.requestBody as Record<string, unknown>) : undefined;
        const content = (requestBody?.content ?? {}) as Record<string, { schema?: SchemaSpec }>;
        const jsonSchema = content['application/json']?.schema;
        this.operations.set(operationId, {
          operationId,
          method: method.toUpperCase(),
          path: pathTemplate,
          parameters,
          json: jsonSchema ? this.ajv.compile(rewriteRefs(jsonSchema)) : undefined,
          bodyRequired: Boolean(requestBody?.required),
          mediaTypes: Object.keys(content),
        });
      }
    }
  }
}

function rewriteRefs<T>(value: T): T {
  if (Array.isArray(value)) return value.map(rewriteRefs) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      key === '$ref' && typeof inner === 'string' ? inner.replace('#/components/schemas/', `${SPEC_ID}#/$defs/`) : rewriteRefs(inner),
    ]),
  ) as T;
}

function coerce(raw: string, schema: SchemaSpec | undefined): unknown {
  const type = schema?.type;
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
  // Tolerances such as rtol=1e-9 are written with an exponent.
  if (type === 'number' && /^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(raw)) return Number(raw);
  if (type === 'boolean' && (raw === 'true' || raw === 'false')) return raw === 'true';
  return raw;
}

function describeErrors(errors: ErrorObject[] | null | undefined, location: string, root: string): ValidationProblem[] {
  const problems = (errors ?? [])
    // oneOf/anyOf wrappers repeat what their branches said.
    .filter((error) => error.keyword !== 'oneOf' && error.keyword !== 'anyOf' && error.keyword !== 'if')
    .map((error) => {
      const where = `${root}${error.instancePath}`;
      let message = error.message ?? 'is invalid';
      if (error.keyword === 'additionalProperties' || error.keyword === 'unevaluatedProperties') {
        const field = (error.params as { additionalProperty?: string; unevaluatedProperty?: string }).additionalProperty ??
          (error.params as { unevaluatedProperty?: string }).unevaluatedProperty;
        message = `has an unknown field "${field ?? '?'}"`;
      } else if (error.keyword === 'enum') {
        message = `must be one of: ${((error.params as { allowedValues?: unknown[] }).allowedValues ?? []).join(', ')}`;
      } else if (error.keyword === 'dependentRequired') {
        const params = error.params as { property?: string; missingProperty?: string };
        message = `needs "${params.missingProperty ?? '?'}" when "${params.property ?? '?'}" is given`;
      }
      return { location, path: where, message };
    });
  const unique = new Map(problems.map((problem) => [`${problem.location}${problem.path}${problem.message}`, problem]));
  return [...unique.values()];
}

const UNICODE_PROBLEM = 'is not valid Unicode text (it holds a lone surrogate, such as \\ud800, which cannot be stored)';

/** A high surrogate not followed by a low one, or a low one not preceded by a high one (String.isWellFormed is ES2024). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATE_ALL = new RegExp(LONE_SURROGATE.source, 'g');

/**
 * The JSON pointer of the first string or key that is not well-formed UTF-16 (a lone surrogate),
 * or undefined. JSON allows "\ud800", but UTF-8 storage cannot hold it: the driver would replace
 * it with U+FFFD, changing what was sent, so such input is refused instead.
 */
function illFormedText(value: unknown): string | undefined {
  const stack: Array<{ value: unknown; path: string }> = [{ value, path: '' }];
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item) break;
    const current = item.value;
    if (typeof current === 'string') {
      if (LONE_SURROGATE.test(current)) return item.path;
    } else if (Array.isArray(current)) {
      current.forEach((element, index) => stack.push({ value: element, path: `${item.path}/${index}` }));
    } else if (current !== null && typeof current === 'object') {
      for (const [key, element] of Object.entries(current)) {
        if (LONE_SURROGATE.test(key)) return `${item.path}/${key.replace(LONE_SURROGATE_ALL, '\uFFFD')}`;
        stack.push({ value: element, path: `${item.path}/${key}` });
      }
    }
  }
  return undefined;
}

/** How many problems an error response lists in its details. */
const MAX_LISTED_PROBLEMS = 50;

function validationError(problems: ValidationProblem[]): AppError {
  const summary = problems
    .slice(0, 5)
    .map((problem) => `${problem.location}${problem.path ? (problem.path.startsWith('/') ? problem.path.replaceAll('/', '.') : `.${problem.path}`) : ''} ${problem.message}`)
    .join('; ');
  const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : '';
  // The details list is capped too: a hostile body must not make the error response huge.
  return new AppError(400, 'validation_failed', `Invalid request: ${summary}${more}.`, problems.slice(0, MAX_LISTED_PROBLEMS));
}
