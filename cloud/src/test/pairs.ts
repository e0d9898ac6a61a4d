import { createHash } from 'node:crypto';
import type { RecordDoc } from '@reprise/core';
import { makeProject, makeRecord } from './factories.js';
import type { SignedIn, TestCloud } from './harness.js';

const COMMIT_A = '3f2c1e0b9a8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b';
const COMMIT_B = '9a8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3f2c1e0b';
const INPUT_DIGEST = createHash('sha256').update('lattice 512x512').digest('hex');

/** What the two records of a pair share. */
export interface PairShape {
  codeSame: boolean;
  inputsSame: boolean;
  outputsSame: boolean;
}

/** Two users and a record each: `toward` is the target's (public), `from` the sender's (private). */
export interface RecordPair {
  target: SignedIn;
  sender: SignedIn;
  toward: RecordDoc;
  from: RecordDoc;
}

/** The output text of the target's run. */
export const TARGET_OUTPUT = 'fractal dimension 1.7093\nparticles 10000\n';

/**
 * Makes a pair of records by different users that the assessment puts in a chosen place of the
 * table: code by git commit, inputs by parameters, outputs by the bytes of out.txt (`senderOutput`
 * overrides the sender's output text).
 */
export async function makePair(cloud: TestCloud, shape: PairShape, options: { senderOutput?: string; targetPrivate?: boolean } = {}): Promise<RecordPair> {
  const target = await cloud.signUp('Target Owner');
  const sender = await cloud.signUp('Sender');
  await makeProject(cloud.db, target, 'original', { private: options.targetPrivate ?? false });
  await makeProject(cloud.db, sender, 'rerun');
  const run = (commit: string, seed: number) => ({
    program: { command: 'python', arguments: ['dla.py'], versionControl: { vcs: 'git', commit, dirty: false } },
    parameters: { seed, particles: 10000 },
    inputs: [{ name: 'lattice.txt', sha256: INPUT_DIGEST }],
    status: 'finished' as const,
  });
  const toward = await makeRecord(cloud.db, target, 'original', { label: 'run-1', ...run(COMMIT_A, 1) }, { outputs: { 'out.txt': TARGET_OUTPUT } });
  const senderOutput = options.senderOutput ?? (shape.outputsSame ? TARGET_OUTPUT : 'fractal dimension 1.6512\nparticles 10000\n');
  const from = await makeRecord(
    cloud.db,
    sender,
    'rerun',
    { label: 'rerun-1', ...run(shape.codeSame ? COMMIT_A : COMMIT_B, shape.inputsSame ? 1 : 2) },
    { outputs: { 'out.txt': senderOutput } },
  );
  return { target, sender, toward, from };
}
