import type { QueryFilter, Types } from 'mongoose';

/**
 * Who is asking, as far as a query on an owned collection (projects, records, containers) is
 * concerned. The accessors in `access.ts` take one for every read and write, so that a query
 * without the owner/visibility filter does not compile.
 */
export class Scope {
  private constructor(
    private readonly restriction: Record<string, unknown>,
    /** The user whose documents a write may create, or null when the scope does not create. */
    readonly writer: Types.ObjectId | null,
    /**
     * A restriction per collection, for scopes that name documents of several collections
     * differently (a reviewer link: a project by its id, its records by their project). A
     * collection it does not list gets nothing.
     */
    private readonly byCollection: Readonly<Record<string, Record<string, unknown>>> | null = null,
  ) {}

  /** Only what `userId` owns: for every write. */
  static owner(userId: Types.ObjectId): Scope {
    return new Scope({ owner: userId }, userId);
  }

  /** What `userId` owns plus everything public; anonymous callers see only public items. */
  static visibleTo(userId: Types.ObjectId | null): Scope {
    return userId ? new Scope({ $or: [{ owner: userId }, { private: false }] }, null) : Scope.public();
  }

  /** Only public items, whoever asks. */
  static public(): Scope {
    return new Scope({ private: false }, null);
  }

  /**
   * The records and containers of a project that the caller has already found through a scope:
   * they carry the project's owner and visibility, so whoever may see the project sees them.
   */
  static within(project: { _id: Types.ObjectId }): Scope {
    return new Scope({ project: project._id }, null);
  }

  /**
   * The two records of a diff request, for the bookkeeping of its seals by its participants: the
   * target owner's agreement marks the sender's record as well as their own.
   */
  static pair(request: { from: Types.ObjectId; toward: Types.ObjectId }): Scope {
    return new Scope({ _id: { $in: [request.from, request.toward] } }, null);
  }

  /**
   * What a reviewer link reaches, read only (the scope creates nothing): the project it names, and
   * its records and containers; or, for a link to one record, that record, its project and the
   * container it ran in. Whoever holds the link sees these whatever their privacy.
   */
  static viaLink(reach: LinkReach): Scope {
    const nothing = { _id: { $in: [] } };
    if (reach.record === null) {
      return new Scope(nothing, null, {
        Project: { _id: reach.project, owner: reach.owner },
        Record: { project: reach.project },
        Container: { project: reach.project },
      });
    }
    return new Scope(nothing, null, {
      Project: { _id: reach.project, owner: reach.owner },
      Record: { project: reach.project, _id: reach.record },
      Container: reach.container ? { project: reach.project, _id: reach.container } : nothing,
    });
  }

  /** The filter that restricts a query on `collection` (a model name: Project, Record, Container) to this scope. */
  filter(collection?: string): Record<string, unknown> {
    const own = collection === undefined ? undefined : this.byCollection?.[collection];
    return { ...(own ?? this.restriction) };
  }
}

/** What a reviewer link names, resolved: its owner, project, and the one record (with its container) or null for the whole project. */
export interface LinkReach {
  owner: Types.ObjectId;
  project: Types.ObjectId;
  record: Types.ObjectId | null;
  container: Types.ObjectId | null;
}

/**
 * Which diff requests a query may reach. A request belongs to two people (its sender and the
 * owner of its target), not to one owner, so its scopes name them or the records it is about.
 */
export class RequestScope {
  private constructor(
    private readonly restriction: Record<string, unknown>,
    /** The user who may create requests in this scope (as their sender), or null. */
    readonly writer: Types.ObjectId | null,
  ) {}

  /** Requests `userId` sent: their outbox, and every write a sender makes. */
  static sentBy(userId: Types.ObjectId): RequestScope {
    return new RequestScope({ sender: userId }, userId);
  }

  /** Requests toward a record of `userId`'s: their inbox, and every answer. */
  static addressedTo(userId: Types.ObjectId): RequestScope {
    return new RequestScope({ targetOwner: userId }, null);
  }

  /** Requests `userId` sent or must answer. */
  static participant(userId: Types.ObjectId): RequestScope {
    return new RequestScope({ $or: [{ sender: userId }, { targetOwner: userId }] }, null);
  }

  /** Requests from or toward records the caller has already found through a scope. */
  static about(records: Types.ObjectId[]): RequestScope {
    return new RequestScope({ $or: [{ from: { $in: records } }, { toward: { $in: records } }] }, null);
  }

  /** Requests from or toward the records of a project the caller has already found through a scope. */
  static aboutProject(project: Types.ObjectId): RequestScope {
    return new RequestScope({ $or: [{ fromProject: project }, { towardProject: project }] }, null);
  }

  /** Requests toward the records of a project the caller has already found through a scope (its tally). */
  static towardProject(project: Types.ObjectId): RequestScope {
    return new RequestScope({ towardProject: project }, null);
  }

  /** The filter that restricts a query to this scope. */
  filter(): Record<string, unknown> {
    return { ...this.restriction };
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const idOf = (value: unknown) => (value !== null && typeof value === 'object' && '_bsontype' in value ? String(value) : undefined);
  const left = idOf(a);
  return left !== undefined && left === idOf(b);
}

/**
 * Combines a scope with a query filter without letting one overwrite the other's keys. A key both
 * give with the same value (a project the filter already names) is kept once, so the query reads
 * exactly as it would without the scope.
 */
export function scoped<T>(scope: Scope | RequestScope, filter: QueryFilter<T> = {}, collection?: string): QueryFilter<T> {
  const restriction = scope instanceof Scope ? scope.filter(collection) : scope.filter();
  const given = filter as Record<string, unknown>;
  const clash = Object.keys(restriction).some((key) => key in given && !sameValue(given[key], restriction[key]));
  return (clash ? { $and: [restriction, filter] } : { ...filter, ...restriction }) as QueryFilter<T>;
}
