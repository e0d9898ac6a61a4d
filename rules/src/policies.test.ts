import { describe, expect, it } from 'vitest';
import {
  canAnswer,
  canChange,
  canDelete,
  canPropose,
  canProposeFrom,
  canProposeToward,
  canRead,
  canWithdraw,
  DIFF_STATUSES,
  isParty,
  type RequestParties,
} from './policies.js';

const ana = 'a'.repeat(24);
const ben = 'b'.repeat(24);
const cy = 'c'.repeat(24);
/** An object id as core holds it: prints as its hex string. */
const objectId = (hex: string) => ({ toHexString: () => hex });

describe('who may read and change what is owned', () => {
  it('shows a private item to its owner only and a public one to everyone, signed in or not', () => {
    expect(canRead(ana, { owner: ana, private: true })).toBe(true);
    expect(canRead(ben, { owner: ana, private: true })).toBe(false);
    expect(canRead(null, { owner: ana, private: true })).toBe(false);
    expect(canRead(undefined, { owner: ana, private: false })).toBe(true);
    expect(canRead(ben, { owner: ana, private: false })).toBe(true);
  });

  it('lets only the owner change or delete (delete only while unsealed), whether ids are strings or object ids', () => {
    expect(canChange(ana, { owner: ana })).toBe(true);
    expect(canChange(objectId(ana), { owner: ana })).toBe(true);
    expect(canChange(ana, { owner: objectId(ana) })).toBe(true);
    expect(canChange(ben, { owner: objectId(ana) })).toBe(false);
    expect(canChange(null, { owner: ana })).toBe(false);
    expect(canDelete(ana, { owner: ana })).toBe(true);
    expect(canDelete(ben, { owner: ana })).toBe(false);
    expect(canDelete(ana, { owner: ana, sealed: true })).toBe(false);
  });
});

describe('who may propose, answer and withdraw a diff request', () => {
  it('sends a request only from one of your records toward someone else’s', () => {
    expect(canPropose(ana, { owner: ana }, { owner: ben })).toBe(true);
    expect(canPropose(ana, { owner: ana }, { owner: ana })).toBe(false);
    expect(canPropose(ana, { owner: ben }, { owner: ana })).toBe(false);
    expect(canPropose(ana, { owner: ben }, { owner: cy })).toBe(false);
    expect(canPropose(null, { owner: ana }, { owner: ben })).toBe(false);
    expect(canProposeFrom(ana, { owner: ben })).toBe(false);
    expect(canProposeToward(undefined, { owner: ben })).toBe(false);
  });

  it('lets the target owner answer and the sender withdraw, each only while the request is proposed', () => {
    const request = (status: RequestParties['status']): RequestParties => ({ sender: ana, targetOwner: ben, status });
    for (const status of DIFF_STATUSES) {
      const open = status === 'proposed';
      expect(canAnswer(ben, request(status)), status).toBe(open);
      expect(canWithdraw(ana, request(status)), status).toBe(open);
      expect(canAnswer(ana, request(status)), status).toBe(false);
      expect(canWithdraw(ben, request(status)), status).toBe(false);
      expect(canAnswer(cy, request(status)), status).toBe(false);
      expect(canWithdraw(null, request(status)), status).toBe(false);
    }
  });

  it('counts only the sender and the target owner as parties', () => {
    const request = { sender: objectId(ana), targetOwner: objectId(ben) };
    expect(isParty(ana, request)).toBe(true);
    expect(isParty(ben, request)).toBe(true);
    expect(isParty(cy, request)).toBe(false);
    expect(isParty(null, request)).toBe(false);
  });
});
