import type {
  Model,
  Schema,
  Types,
  MongooseBaseQueryOptions,
  MongooseUpdateQueryOptions,
  PipelineStage,
  ProjectionType,
  QueryFilter,
  QueryOptions,
  UpdateQuery,
} from 'mongoose';
import type { ContainerDoc, DeliveryDoc, DiffRequestDoc, JobDoc, MailDoc, Models, NotificationDoc, OpenModels, ProjectDoc, RecordDoc, WebhookDoc } from './models/index.js';
import { RequestScope, Scope, scoped } from './scope.js';
import { storedForm, storedFormPlan } from './stored-form.js';

/**
 * One collection whose every read and write is restricted to a scope of type `S`. The queries are
 * mongoose's own (sort, limit and lean chain as usual); only their filter is the scope's and the
 * caller's together.
 */
class ScopedCollection<T, S extends Scope | RequestScope> {
  constructor(
    private readonly model: Model<T>,
    private readonly writerField: 'owner' | 'sender',
  ) {}

  /** The scope's restriction for this collection together with `filter`. */
  private where(scope: S, filter: QueryFilter<T> = {}): QueryFilter<T> {
    return scoped(scope, filter, this.model.modelName);
  }

  find(scope: S, filter: QueryFilter<T> = {}, projection?: ProjectionType<T>) {
    return this.model.find(this.where(scope, filter), projection);
  }

  findOne(scope: S, filter: QueryFilter<T> = {}, projection?: ProjectionType<T>) {
    return this.model.findOne(this.where(scope, filter), projection);
  }

  countDocuments(scope: S, filter: QueryFilter<T> = {}) {
    return this.model.countDocuments(this.where(scope, filter));
  }

  exists(scope: S, filter: QueryFilter<T> = {}) {
    return this.model.exists(this.where(scope, filter));
  }

  /** An aggregation whose first stage matches the scope and `filter`. */
  aggregate<R>(scope: S, filter: QueryFilter<T>, stages: PipelineStage[]) {
    return this.model.aggregate<R>([{ $match: this.where(scope, filter) }, ...stages]);
  }

  findOneAndUpdate(scope: S, filter: QueryFilter<T>, update: UpdateQuery<T>, options: QueryOptions<T> = {}) {
    return this.model.findOneAndUpdate(this.where(scope, filter), update, options);
  }

  updateOne(scope: S, filter: QueryFilter<T>, update: UpdateQuery<T>, options: MongooseUpdateQueryOptions<T> = {}) {
    return this.model.updateOne(this.where(scope, filter), update, options);
  }

  updateMany(scope: S, filter: QueryFilter<T>, update: UpdateQuery<T>, options: MongooseUpdateQueryOptions<T> = {}) {
    return this.model.updateMany(this.where(scope, filter), update, options);
  }

  deleteOne(scope: S, filter: QueryFilter<T>, options: MongooseBaseQueryOptions<T> = {}) {
    return this.model.deleteOne(this.where(scope, filter), options);
  }

  deleteMany(scope: S, filter: QueryFilter<T>, options: MongooseBaseQueryOptions<T> = {}) {
    return this.model.deleteMany(this.where(scope, filter), options);
  }

  /**
   * Inserts a document as the scope's writer (the owner of an owned document, the sender of a
   * request); a document of anyone else is a programming error and is not written.
   */
  async create(scope: S, document: Record<string, unknown>): Promise<T> {
    const writer = document[this.writerField];
    if (!scope.writer || !(writer instanceof Object) || String(writer) !== String(scope.writer)) {
      throw new Error(`A ${this.model.modelName} is created only in its ${this.writerField}'s scope.`);
    }
    const plan = storedFormPlan(this.model as unknown as { schema: Schema });
    const direct = plan ? storedForm(plan, document, new Date()) : undefined;
    if (direct) {
      // The plain form mongoose would have built (see stored-form.ts); anything else goes below.
      await this.model.collection.insertOne(direct as { _id: Types.ObjectId });
      return direct as T;
    }
    const created = new this.model(document);
    const stamps = this.model.schema.options.timestamps;
    if (typeof stamps !== 'object' || typeof stamps.createdAt !== 'string') {
      // What Model.create does for one document.
      await created.save();
      return created.toObject<T>();
    }
    // What save() does for a new document, without the change tracking it sets up for a later
    // save of the same object (which nothing here makes): the schema's validation, the
    // timestamps (`updated` as `created`), and the insert of the document's plain form, which is
    // also what is returned. A push is a few milliseconds of CPU; save() and a second toObject()
    // were a tenth of it. Save middleware would not run here: the models declare none.
    await created.validate();
    const at: unknown = created.get(stamps.createdAt) ?? new Date();
    created.set(stamps.createdAt, at);
    if (typeof stamps.updatedAt === 'string') created.set(stamps.updatedAt, at);
    const stored = created.toObject<T>();
    await this.model.collection.insertOne(stored as { _id: Types.ObjectId });
    return stored;
  }
}

/** The owned collections, each reachable only with a scope. */
export interface Access {
  projects: ScopedCollection<ProjectDoc, Scope>;
  records: ScopedCollection<RecordDoc, Scope>;
  containers: ScopedCollection<ContainerDoc, Scope>;
  requests: ScopedCollection<DiffRequestDoc, RequestScope>;
  /** A user's notifications, outbox, webhooks and their deliveries: only ever their owner's (Scope.owner). */
  notifications: ScopedCollection<NotificationDoc, Scope>;
  mail: ScopedCollection<MailDoc, Scope>;
  webhooks: ScopedCollection<WebhookDoc, Scope>;
  deliveries: ScopedCollection<DeliveryDoc, Scope>;
  /** Reproduction jobs: only ever their owner's (Scope.owner), who requested them and whose workers run them. */
  jobs: ScopedCollection<JobDoc, Scope>;
}

// The open models a service is given are always the whole set at run time (createModels).
function isComplete(models: OpenModels): models is Models {
  return 'Record' in models && 'Project' in models && 'Container' in models && 'DiffRequest' in models && 'Job' in models;
}

function allModels(models: OpenModels): Models {
  if (!isComplete(models)) throw new Error('The models were not created by createModels: the owned collections are missing.');
  return models;
}

const cache = new WeakMap<OpenModels, Access>();

/** The owned collections of `deps`, each query of which takes a scope. */
export function access(deps: { models: OpenModels }): Access {
  const known = cache.get(deps.models);
  if (known) return known;
  const models = allModels(deps.models);
  const made: Access = {
    projects: new ScopedCollection(models.Project, 'owner'),
    records: new ScopedCollection(models.Record, 'owner'),
    containers: new ScopedCollection(models.Container, 'owner'),
    requests: new ScopedCollection(models.DiffRequest, 'sender'),
    notifications: new ScopedCollection(models.Notification, 'owner'),
    mail: new ScopedCollection(models.Mail, 'owner'),
    webhooks: new ScopedCollection(models.Webhook, 'owner'),
    deliveries: new ScopedCollection(models.Delivery, 'owner'),
    jobs: new ScopedCollection(models.Job, 'owner'),
  };
  cache.set(deps.models, made);
  return made;
}

/**
 * The raw models, without any scope: only for what no caller's scope describes (sweeps, checks
 * that a blob is still referenced by anyone, administration). `reason` says why, next to the call,
 * so that every exception is found by searching for `unscoped(`.
 */
export function unscoped(deps: { models: OpenModels }, reason: string): Models {
  if (reason.trim().length === 0) throw new Error('unscoped() needs the reason it is used.');
  return allModels(deps.models);
}
