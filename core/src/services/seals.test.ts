import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { encodeFreeform } from '../codec.js';
import type { RecordDoc } from '../models/index.js';
import { sealedChanges, sealedDigest } from './seals.js';

const file = new Types.ObjectId();

function sealable(overrides: Partial<RecordDoc> = {}): Pick<RecordDoc, 'program' | 'parameters' | 'inputs' | 'outputs' | 'container' | 'dependencies' | 'system'> {
  return {
    program: encodeFreeform({ command: 'python', arguments: ['sim.py'] }),
    parameters: encodeFreeform({ seed: 7, grid: { x: 1, y: 2 } }),
    inputs: [],
    outputs: [{ name: 'out.txt', path: null, sha256: 'a'.repeat(64), size: 7, mediaType: 'text/plain', file }],
    container: null,
    dependencies: [{ name: 'numpy', version: '2.1.0', manager: 'pip', source: null }],
    system: encodeFreeform({ os: 'Linux' }),
    ...overrides,
  };
}

describe('sealed fields', () => {
  it('sees no change in a save that repeats them in another key order, list order or media type', () => {
    const current = sealable({ outputs: [...sealable().outputs, { name: 'b.txt', path: null, sha256: null, size: null, mediaType: null, file: null }] });
    const again = {
      parameters: encodeFreeform({ grid: { y: 2, x: 1 }, seed: 7 }),
      outputs: [
        { name: 'b.txt', path: null, sha256: null, size: null, mediaType: 'text/plain', file: null },
        { name: 'out.txt', path: null, sha256: 'a'.repeat(64), size: 7, mediaType: 'application/octet-stream', file: new Types.ObjectId(file.toHexString()) },
      ],
      tags: ['new'],
    };
    expect(sealedChanges(current, again)).toEqual([]);
    expect(sealedDigest({ ...current, ...again })).toBe(sealedDigest(current));
  });

  it('takes a key a record stored before it existed as null', () => {
    const { size: _size, ...legacy } = sealable().outputs[0] ?? { size: null };
    const current = sealable({ outputs: [legacy as RecordDoc['outputs'][number]], dependencies: [{ name: 'numpy', version: '2.1.0' } as RecordDoc['dependencies'][number]] });
    const resave = { outputs: [{ ...legacy, size: null }], dependencies: [{ name: 'numpy', version: '2.1.0', manager: null, source: null }] };
    expect(sealedChanges(current, resave)).toEqual([]);
  });

  it('names every sealed field a save changes, and only those', () => {
    const current = sealable();
    expect(
      sealedChanges(current, {
        parameters: encodeFreeform({ seed: 8, grid: { x: 1, y: 2 } }),
        outputs: [{ ...current.outputs[0], sha256: 'b'.repeat(64) }],
        container: new Types.ObjectId(),
        system: encodeFreeform({ os: 'Linux' }),
        reason: 'anything',
      }),
    ).toEqual(['parameters', 'outputs', 'container']);
    expect(sealedChanges(current, { outputs: [...current.outputs, { name: 'new.txt', path: null, sha256: null, size: null, mediaType: null, file: null }] })).toEqual(['outputs']);
    expect(sealedChanges(current, { dependencies: [] })).toEqual(['dependencies']);
  });
});
