import { describe, expect, it } from 'vitest';
import { useCloud } from '../test/harness.js';
import { makeProject, makeRecord } from '../test/factories.js';
import { makePair, TARGET_OUTPUT, type PairShape } from '../test/pairs.js';

const cloud = useCloud();

const METHODS = ['default', 'visual', 'custom'] as const;
const PROPOSITIONS = ['repeated', 'reproduced', 'non-repeated', 'non-reproduced'] as const;

/** The design's table (docs/assessment.md), written out independently of the engine: the cell of each place. */
function expectedCell(shape: PairShape): string {
  const codeAndInputs = shape.codeSame && shape.inputsSame;
  if (shape.outputsSame) return codeAndInputs ? 'repeatable' : 'reproducible';
  return codeAndInputs ? 'non-repeatable' : 'unknown';
}

/** The design's acceptance rules (docs/assessment.md): what each method may claim in each place of the table. */
function expectedAllowed(shape: PairShape, method: (typeof METHODS)[number]): string[] {
  if (method === 'default') {
    return [{ repeatable: 'repeated', reproducible: 'reproduced', 'non-repeatable': 'non-repeated', unknown: 'non-reproduced' }[expectedCell(shape)] ?? ''];
  }
  return shape.codeSame && shape.inputsSame ? ['repeated', 'non-repeated'] : ['reproduced', 'non-reproduced'];
}

// Every cell of the table: 2 output rows × 4 code & inputs columns.
const PLACES: PairShape[] = [true, false].flatMap((outputsSame) =>
  [
    [true, true],
    [true, false],
    [false, true],
    [false, false],
  ].map(([codeSame = false, inputsSame = false]) => ({ codeSame, inputsSame, outputsSame })),
);

const describePlace = (shape: PairShape) =>
  `outputs ${shape.outputsSame ? 'same' : 'different'}, code ${shape.codeSame ? 'same' : 'different'} & inputs ${shape.inputsSame ? 'same' : 'different'}`;

describe('diff requests are enforced by the assessment table', () => {
  it.each(PLACES.map((shape) => [describePlace(shape), shape] as const))('%s: every method × proposition is accepted or refused as the table says', async (_name, shape) => {
    const { sender, from, toward } = await makePair(cloud, shape);
    const cell = expectedCell(shape);

    const comparison = await sender.browser.get(`/cloud/v1/records/${from._id}/compare/${toward._id}`).expect(200);
    expect(comparison.body.cell).toBe(cell);
    expect(comparison.body.evidence.code.same).toBe(shape.codeSame);
    expect(comparison.body.evidence.inputs.same).toBe(shape.inputsSame);
    expect(comparison.body.evidence.outputs.same).toBe(shape.outputsSame);

    for (const method of METHODS) {
      expect(comparison.body.propositions[method].sort(), method).toEqual(expectedAllowed(shape, method).sort());
      for (const proposition of PROPOSITIONS) {
        const res = await sender.browser.post('/cloud/v1/diffs', {
          from: from._id.toHexString(),
          toward: toward._id.toHexString(),
          method,
          proposition,
          description: 'Compared the cluster plots by eye.',
        });
        const label = `${method} ${proposition}`;
        if (expectedAllowed(shape, method).includes(proposition)) {
          expect(res.status, `${label}: ${JSON.stringify(res.body)}`).toBe(201);
          expect(res.body).toMatchObject({ method, proposition, cell, status: 'proposed' });
          expect(res.body.evidence.cell).toBe(cell);
          // One request per pair of records: withdrawn, it frees the pair for the next claim.
          await sender.browser.post(`/cloud/v1/diffs/${res.body.id}/withdraw`).expect(200);
        } else {
          expect(res.status, label).toBe(422);
          expect(res.body.error.code, label).toBe('proposition_not_allowed');
          expect(res.body.error.message, label).toMatch(/table cell/);
          expect(res.body.error.details.allowed.sort(), label).toEqual(expectedAllowed(shape, method).sort());
          if (method === 'default') expect(res.body.error.message, label).toContain(`"${cell}"`);
        }
      }
    }
    const accepted = METHODS.reduce((sum, method) => sum + expectedAllowed(shape, method).length, 0);
    expect(await cloud.db.models.DiffRequest.countDocuments()).toBe(accepted);
  });

  it('counts text outputs within the tolerance as the same (method default)', async () => {
    const { sender, from, toward } = await makePair(cloud, { codeSame: true, inputsSame: true, outputsSame: false }, {
      senderOutput: 'fractal dimension 1.7094\nparticles 10000\n',
    });
    const strict = await sender.browser.get(`/cloud/v1/records/${from._id}/compare/${toward._id}`).expect(200);
    expect(strict.body.cell).toBe('non-repeatable');
    expect(strict.body.evidence.outputs.pairs[0]).toMatchObject({ name: 'out.txt', result: 'text-distance', distance: 1, same: false });
    const tolerant = await sender.browser.get(`/cloud/v1/records/${from._id}/compare/${toward._id}?tolerance=1`).expect(200);
    expect(tolerant.body.cell).toBe('repeatable');
    const refused = await sender.browser.post('/cloud/v1/diffs', { from: from._id, toward: toward._id, proposition: 'repeated' });
    expect(refused.status).toBe(422);
    const accepted = await sender.browser.post('/cloud/v1/diffs', { from: from._id, toward: toward._id, proposition: 'repeated', tolerance: 1 });
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({ tolerance: 1, cell: 'repeatable' });
  });

  it('offers no default proposition for outputs that cannot be compared, and lets the requester judge them with visual or custom', async () => {
    const target = await cloud.signUp('Target Owner');
    const sender = await cloud.signUp('Sender');
    await makeProject(cloud.db, target, 'original', { private: false });
    await makeProject(cloud.db, sender, 'rerun');
    const program = { command: 'python', arguments: ['dla.py'], versionControl: { vcs: 'git', commit: 'a'.repeat(40), dirty: false } };
    const toward = await makeRecord(cloud.db, target, 'original', { label: 'run-1', program }, { outputs: { 'out.txt': TARGET_OUTPUT } });
    // Declared without a digest and never uploaded: nothing to compare the target's bytes with.
    const from = await makeRecord(cloud.db, sender, 'rerun', { label: 'rerun-1', program, outputs: [{ name: 'out.txt' }] });

    const comparison = await sender.browser.get(`/cloud/v1/records/${from._id}/compare/${toward._id}`).expect(200);
    expect(comparison.body.cell).toBe('not-comparable');
    expect(comparison.body.evidence.outputs).toMatchObject({ same: false, comparable: false });
    expect(comparison.body.evidence.outputs.pairs).toEqual([expect.objectContaining({ name: 'out.txt', result: 'not-comparable', same: false })]);
    expect(comparison.body.propositions).toEqual({ default: [], visual: ['repeated', 'non-repeated'], custom: ['repeated', 'non-repeated'] });

    for (const proposition of PROPOSITIONS) {
      const refused = await sender.browser.post('/cloud/v1/diffs', { from: from._id, toward: toward._id, proposition });
      expect(refused.status, proposition).toBe(422);
      expect(refused.body.error).toMatchObject({ code: 'proposition_not_allowed', details: { cell: 'not-comparable', allowed: [] } });
      expect(refused.body.error.message).toContain('the outputs cannot be compared');
    }
    const judged = await sender.browser.post('/cloud/v1/diffs', { from: from._id, toward: toward._id, method: 'visual', proposition: 'repeated', description: 'Same plot.' });
    expect(judged.status, JSON.stringify(judged.body)).toBe(201);
    expect(judged.body).toMatchObject({ method: 'visual', proposition: 'repeated', cell: 'not-comparable' });
  });
});
