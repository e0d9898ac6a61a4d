import type { Types } from 'mongoose';
import type { Models } from '../models/index.js';

/** A user as shown next to what they own. */
export interface UserRef {
  id: string;
  name: string;
}

/** Loads the display names of the given users in one query. */
export async function loadOwners(models: Models, ids: Types.ObjectId[]): Promise<Map<string, UserRef>> {
  const unique = [...new Set(ids.map((id) => id.toHexString()))];
  if (unique.length === 0) return new Map();
  const users = await models.User.find({ _id: { $in: unique } }, { name: 1 }).lean();
  return new Map(users.map((user) => [user._id.toHexString(), { id: user._id.toHexString(), name: user.name }]));
}

/** The owner's reference from a loaded map; a deleted owner shows as such rather than failing. */
export function ownerOf(owners: Map<string, UserRef>, id: Types.ObjectId): UserRef {
  return owners.get(id.toHexString()) ?? { id: id.toHexString(), name: '(deleted user)' };
}
