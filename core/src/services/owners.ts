import type { Types } from 'mongoose';
import type { OpenModels } from '../models/index.js';

/** A user as shown next to what they own. */
export interface UserRef {
  id: string;
  name: string;
}

/**
 * Loads the display names of the given users in one query. Users already at hand (`known`, such
 * as the caller) are not fetched again, which saves a query on every write.
 */
export async function loadOwners(models: Pick<OpenModels, 'User'>, ids: Types.ObjectId[], known: Array<{ id: Types.ObjectId; name: string }> = []): Promise<Map<string, UserRef>> {
  const owners = new Map(known.map((user) => [user.id.toHexString(), { id: user.id.toHexString(), name: user.name }]));
  const missing = [...new Set(ids.map((id) => id.toHexString()))].filter((id) => !owners.has(id));
  if (missing.length === 0) return owners;
  const users = await models.User.find({ _id: { $in: missing } }, { name: 1 }).lean();
  for (const user of users) owners.set(user._id.toHexString(), { id: user._id.toHexString(), name: user.name });
  return owners;
}

/** The owner's reference from a loaded map; a deleted owner shows as such rather than failing. */
export function ownerOf(owners: Map<string, UserRef>, id: Types.ObjectId): UserRef {
  return owners.get(id.toHexString()) ?? { id: id.toHexString(), name: '(deleted user)' };
}
