import type { QueryFilter, Types } from 'mongoose';

/**
 * Who is asking, as far as a query is concerned. Every query on owned collections takes a Scope,
 * so that forgetting the owner/visibility filter does not compile.
 */
export class Scope {
  private constructor(
    private readonly kind: 'owner' | 'visible' | 'public',
    readonly userId: Types.ObjectId | null,
  ) {}

  /** Only what `userId` owns: for every write. */
  static owner(userId: Types.ObjectId): Scope {
    return new Scope('owner', userId);
  }

  /** What `userId` owns plus everything public; anonymous callers see only public items. */
  static visibleTo(userId: Types.ObjectId | null): Scope {
    return userId ? new Scope('visible', userId) : new Scope('public', null);
  }

  /** Only public items, whoever asks. */
  static public(): Scope {
    return new Scope('public', null);
  }

  /** The filter that restricts a query on an owned collection to this scope. */
  filter(): Record<string, unknown> {
    if (this.kind === 'owner') return { owner: this.userId };
    if (this.kind === 'visible') return { $or: [{ owner: this.userId }, { private: false }] };
    return { private: false };
  }

  /** True when the scope lets its user change what it finds (owner scope). */
  get canWrite(): boolean {
    return this.kind === 'owner';
  }
}

/** Combines a scope with a query filter without letting one overwrite the other's keys. */
export function scoped<T>(scope: Scope, filter: QueryFilter<T> = {}): QueryFilter<T> {
  const restriction = scope.filter();
  const clash = Object.keys(restriction).some((key) => key in filter);
  return (clash ? { $and: [restriction, filter] } : { ...filter, ...restriction }) as QueryFilter<T>;
}
