import { describe, expect, it } from 'vitest';
import { DEFAULT_PASSWORD_PARAMS, hashPassword, passwordParamsOf, passwordProblem, verifyPassword } from './passwords.js';

const CHEAP = { N: 1024, r: 8, p: 1 };

describe('password hashing', () => {
  it('stores the scrypt parameters and a fresh salt in every hash', async () => {
    const first = await hashPassword('correct horse battery staple', CHEAP);
    const second = await hashPassword('correct horse battery staple', CHEAP);
    expect(first).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(first).not.toBe(second);
    expect(passwordParamsOf(first)).toEqual(CHEAP);
  });

  it('verifies the right password and refuses a wrong one, a malformed hash and an absurdly long password', async () => {
    const stored = await hashPassword('correct horse battery staple', CHEAP);
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', stored)).toBe(false);
    expect(await verifyPassword('correct horse battery staple', 'plain text')).toBe(false);
    expect(await verifyPassword('correct horse battery staple', stored.replace(/\$[^$]+$/, '$'))).toBe(false);
    expect(await verifyPassword('x'.repeat(10_000), stored)).toBe(false);
  });

  it('treats canonically equivalent Unicode passwords alike', async () => {
    const stored = await hashPassword('caf\u00e9 au lait please', CHEAP);
    expect(await verifyPassword('cafe\u0301 au lait please', stored)).toBe(true);
  });

  it('uses the default cost when none is given', async () => {
    expect(passwordParamsOf(await hashPassword('correct horse battery staple'))).toEqual(DEFAULT_PASSWORD_PARAMS);
  });
});

describe('password rules', () => {
  it('accepts long passphrases and refuses short, blank, repeated and obvious ones with a reason', () => {
    expect(passwordProblem('correct horse battery staple')).toBeUndefined();
    expect(passwordProblem('Tr0ub4dor&3')).toBeUndefined();
    expect(passwordProblem('short')).toMatch(/at least 10 characters \(this one has 5\)/);
    expect(passwordProblem(' '.repeat(12))).toMatch(/spaces/);
    expect(passwordProblem('zzzzzzzzzzzz')).toMatch(/repeated/);
    expect(passwordProblem('ada@example.org', { email: 'Ada@example.org' })).toMatch(/email/);
    expect(passwordProblem('Ada Lovelace', { name: 'ada lovelace' })).toMatch(/name/);
    expect(passwordProblem('x'.repeat(257))).toMatch(/at most 256/);
  });
});
