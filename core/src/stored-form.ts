import { Types, type Schema, type SchemaType } from 'mongoose';

/**
 * The stored form of a new document, built without a mongoose document: what
 * `new Model(document)`, `validate()` and `toObject()` give, for the documents whose every value
 * already has its schema type. A push spent about a quarter of its CPU in the mongoose document's
 * construction, change tracking and validation; building the same plain object directly costs
 * almost nothing.
 *
 * It answers only where it is certain to give mongoose's answer: a value that mongoose would cast
 * (a hex string for an ObjectId, a numeric string for a number), reject (a missing required value,
 * a value outside an enum, a field the schema lacks), or treat in a way not modelled here, makes it
 * answer `undefined`, and the caller goes through mongoose, which casts or refuses as always. A
 * schema with anything else than types, `required: true`, constant defaults, enums and references
 * (setters, custom validators, nested plain objects, subdocuments with ids) has no plan at all.
 */

type Scalar = 'String' | 'Number' | 'Boolean' | 'Date' | 'ObjectId';

type Field =
  | { name: string; kind: 'id' }
  | { name: string; kind: 'stamp' }
  | { name: string; kind: 'scalar'; type: Scalar; required: boolean; fallback: Fallback; enumValues: readonly unknown[] | null }
  | { name: string; kind: 'list'; of: Scalar; fallback: Fallback }
  | { name: string; kind: 'documents'; plan: Plan; fallback: Fallback }
  | { name: string; kind: 'document'; plan: Plan; required: boolean; fallback: Fallback };

/** What an absent value becomes: nothing, a constant, or a new empty array. */
type Fallback = { kind: 'none' } | { kind: 'constant'; value: string | number | boolean | null } | { kind: 'empty-array' };

/** How to build the stored form of one schema's documents. */
export interface Plan {
  fields: Field[];
  byName: Set<string>;
  createdAt: string | null;
  updatedAt: string | null;
}

const SCALARS = new Set<string>(['String', 'Number', 'Boolean', 'Date', 'ObjectId']);
const PLAIN_OPTIONS = new Set(['type', 'required', 'default', 'enum', 'ref']);

const plans = new WeakMap<Schema, Plan | null>();

/** The plan of a model's documents, or null when its schema uses what the plan does not model. */
export function storedFormPlan(model: { schema: Schema }): Plan | null {
  return planOf(model.schema, true);
}

function planOf(schema: Schema, top: boolean): Plan | null {
  const known = plans.get(schema);
  if (known !== undefined) return known;
  const plan = compile(schema, top);
  plans.set(schema, plan);
  return plan;
}

function compile(schema: Schema, top: boolean): Plan | null {
  const stamps = schema.get('timestamps') as unknown;
  let createdAt: string | null = null;
  let updatedAt: string | null = null;
  if (stamps !== undefined && stamps !== false) {
    if (!top || typeof stamps !== 'object' || stamps === null) return null;
    const { createdAt: c, updatedAt: u } = stamps as { createdAt?: unknown; updatedAt?: unknown };
    if (typeof c !== 'string' || (u !== false && typeof u !== 'string')) return null;
    createdAt = c;
    updatedAt = typeof u === 'string' ? u : null;
  }
  if (schema.get('strict') !== 'throw') return null;
  const fields: Field[] = [];
  for (const [name, type] of Object.entries(schema.paths) as Array<[string, SchemaType & Record<string, unknown>]>) {
    if (name.includes('.')) return null;
    if (name === '_id') {
      if (!top || type.instance !== 'ObjectId' || type.options.auto !== true) return null;
      fields.push({ name, kind: 'id' });
      continue;
    }
    if (name === createdAt || name === updatedAt) {
      fields.push({ name, kind: 'stamp' });
      continue;
    }
    const field = fieldOf(name, type);
    if (!field) return null;
    fields.push(field);
  }
  if (createdAt && !fields.some((f) => f.name === createdAt)) return null;
  return { fields, byName: new Set(fields.map((f) => f.name)), createdAt, updatedAt };
}

function fieldOf(name: string, type: SchemaType & Record<string, unknown>): Field | null {
  const options = type.options as Record<string, unknown>;
  if (Object.keys(options).some((key) => !PLAIN_OPTIONS.has(key))) return null;
  const { setters, getters, validators } = type as unknown as { setters: unknown[]; getters: unknown[]; validators: Array<{ type?: string }> };
  if (setters.length > 0 || getters.length > 0) return null;
  if (validators.some((v) => v.type !== 'required' && v.type !== 'enum')) return null;
  if (options.required !== undefined && options.required !== true) return null;
  const required = options.required === true;
  const fallback = fallbackOf(options);
  if (!fallback) return null;
  if (type.$isMongooseDocumentArray === true) {
    const plan = required ? null : planOf(type.schema as Schema, false);
    return plan ? { name, kind: 'documents', plan, fallback } : null;
  }
  if (type.$isSingleNested === true) {
    const plan = planOf(type.schema as Schema, false);
    return plan ? { name, kind: 'document', plan, required, fallback } : null;
  }
  if (type.$isMongooseArray === true) {
    const of = (type.embeddedSchemaType as SchemaType | undefined)?.instance;
    return !required && of !== undefined && SCALARS.has(of) ? { name, kind: 'list', of: of as Scalar, fallback } : null;
  }
  if (!SCALARS.has(type.instance)) return null;
  let enumValues: readonly unknown[] | null = null;
  if (options.enum !== undefined) {
    if (!Array.isArray(options.enum) || type.instance !== 'String') return null;
    enumValues = options.enum as unknown[];
  }
  return { name, kind: 'scalar', type: type.instance as Scalar, required, fallback, enumValues };
}

function fallbackOf(options: Record<string, unknown>): Fallback | null {
  if (!('default' in options) || options.default === undefined) return { kind: 'none' };
  const value = options.default;
  if (value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return { kind: 'constant', value };
  if (Array.isArray(value) && value.length === 0) return { kind: 'empty-array' };
  return null;
}

/** Not answered here: mongoose decides. */
const UNSURE = Symbol('unsure');

/**
 * The stored form of `document` under `plan` (timestamps at `now` unless it gives its own
 * creation time), or undefined when only mongoose can say what it is or why it is refused.
 */
export function storedForm(plan: Plan, document: Record<string, unknown>, now: Date): Record<string, unknown> | undefined {
  const built = build(plan, document, now);
  return built === UNSURE ? undefined : built;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function build(plan: Plan, document: unknown, now: Date): Record<string, unknown> | typeof UNSURE {
  if (!isPlainObject(document)) return UNSURE;
  for (const key of Object.keys(document)) if (!plan.byName.has(key)) return UNSURE;
  const out: Record<string, unknown> = {};
  let created: Date | undefined;
  if (plan.createdAt !== null) {
    const given = document[plan.createdAt];
    if (given !== undefined && !isScalar('Date', given)) return UNSURE;
    created = given === undefined ? now : (given as Date);
  }
  // Mongoose's key order: the values given and the defaults set before its setters run, in schema
  // order; then the defaults of absent document arrays; then the timestamps it sets itself.
  const later: Field[] = [];
  for (const field of plan.fields) {
    const value = document[field.name];
    if (field.kind === 'id') {
      if (value === undefined) out._id = new Types.ObjectId();
      else if (isScalar('ObjectId', value)) out._id = value;
      else return UNSURE;
      continue;
    }
    if (field.kind === 'stamp') {
      if (value === undefined) continue;
      if (!isScalar('Date', value)) return UNSURE;
      out[field.name] = created;
      continue;
    }
    if (value === undefined) {
      if (field.kind === 'documents') later.push(field);
      else if (field.kind !== 'list' && field.required) return UNSURE;
      else setFallback(out, field.name, field.fallback);
      continue;
    }
    if (value === null) {
      // Arrays and required fields given null are mongoose's to cast or refuse; an enum may not allow it.
      if (field.kind === 'list' || field.kind === 'documents' || field.required || (field.kind === 'scalar' && field.enumValues !== null)) return UNSURE;
      out[field.name] = null;
      continue;
    }
    switch (field.kind) {
      case 'scalar':
        if (!isScalar(field.type, value)) return UNSURE;
        // A required string must not be empty; an enum's value must be one of its values.
        if (field.required && value === '') return UNSURE;
        if (field.enumValues && !field.enumValues.includes(value)) return UNSURE;
        out[field.name] = value;
        break;
      case 'list': {
        if (!Array.isArray(value) || !value.every((item) => isScalar(field.of, item))) return UNSURE;
        out[field.name] = [...(value as unknown[])];
        break;
      }
      case 'documents': {
        if (!Array.isArray(value)) return UNSURE;
        const items: Array<Record<string, unknown>> = [];
        for (const item of value as unknown[]) {
          const one = build(field.plan, item, now);
          if (one === UNSURE) return UNSURE;
          items.push(one);
        }
        out[field.name] = items;
        break;
      }
      case 'document': {
        const one = build(field.plan, value, now);
        if (one === UNSURE) return UNSURE;
        out[field.name] = one;
        break;
      }
    }
  }
  for (const field of later) if (field.kind === 'documents') setFallback(out, field.name, field.fallback);
  if (plan.createdAt !== null && !(plan.createdAt in out)) out[plan.createdAt] = created;
  if (plan.updatedAt !== null && !(plan.updatedAt in out)) out[plan.updatedAt] = created;
  return out;
}

function setFallback(out: Record<string, unknown>, name: string, fallback: Fallback): void {
  if (fallback.kind === 'constant') out[name] = fallback.value;
  else if (fallback.kind === 'empty-array') out[name] = [];
}

function isScalar(type: Scalar, value: unknown): boolean {
  switch (type) {
    case 'String':
      return typeof value === 'string';
    case 'Number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'Boolean':
      return typeof value === 'boolean';
    case 'Date':
      return value instanceof Date && Number.isFinite(value.getTime());
    case 'ObjectId':
      return value instanceof Types.ObjectId;
  }
}
