import { randomBytes } from 'node:crypto';
import { issueToken, type Models, type UserDoc } from '@reprise/core';

/** A user made for a test, with a working API token. */
export interface TestUser {
  user: UserDoc;
  token: string;
}

/** Creates a user with an API token. */
export async function makeUser(models: Models, overrides: Partial<Pick<UserDoc, 'email' | 'name'>> = {}): Promise<TestUser> {
  const issued = issueToken();
  const suffix = randomBytes(4).toString('hex');
  const user = await models.User.create({
    email: overrides.email ?? `user-${suffix}@example.org`,
    name: overrides.name ?? `User ${suffix}`,
    tokenHash: issued.hash,
    tokenPrefix: issued.prefix,
    tokenCreatedAt: new Date(),
  });
  return { user: user.toObject(), token: issued.token };
}
