import { afterAll, describe, expect, it } from 'vitest';
import { makeUser, startServiceProcess, useTestDatabase, type ServiceProcess } from '@reprise/tools/testing';

const db = useTestDatabase();
const started: ServiceProcess[] = [];
afterAll(async () => {
  await Promise.all(started.map((service) => service.stop()));
});

describe('two API instances on one database', () => {
  it('serve the same data, and concurrent container pushes through both keep the history complete and ordered', async () => {
    const alice = await makeUser(db.models);
    const mongodbUri = db.uri.replace(/\/[^/?]*(\?|$)/, `/${db.name}$1`);
    const [a, b] = await Promise.all([startServiceProcess('api', { mongodbUri }), startServiceProcess('api', { mongodbUri })]);
    if (!a || !b) throw new Error('the services did not start');
    started.push(a, b);
    const json = { Authorization: `Bearer ${alice.token}`, 'Content-Type': 'application/json' };
    const post = (service: ServiceProcess, path: string, body: unknown) => fetch(`${service.url}/api/v1${path}`, { method: 'POST', headers: json, body: JSON.stringify(body) });
    const get = async (service: ServiceProcess, path: string) => {
      const res = await fetch(`${service.url}/api/v1${path}`, { headers: json });
      expect(res.status, path).toBe(200);
      return (await res.json()) as Record<string, unknown>;
    };

    // Written through one, read through the other.
    expect((await post(a, '/project/push/shared', { description: 'written through A' })).status).toBe(201);
    expect((await post(b, '/record/push/shared', { label: 'from-b', parameters: { x: 1 } })).status).toBe(201);
    expect((await post(a, '/record/push/shared/from-b', { status: 'finished' })).status).toBe(200);
    const [viaA, viaB] = await Promise.all([get(a, '/record/display/shared/from-b'), get(b, '/record/display/shared/from-b')]);
    expect(viaA).toEqual(viaB);
    expect(viaA.status).toBe('finished');
    expect((await get(b, '/project/pull/shared')).description).toBe('written through A');

    // Each of 8 clients pushes 6 containers in sequence, alternating instances; all clients at once.
    const clients = 8;
    const perClient = 6;
    const pushed = await Promise.all(
      Array.from({ length: clients }, async (_, c) => {
        const mine: Array<{ id: string; position: number }> = [];
        for (let n = 0; n < perClient; n += 1) {
          const service = (c + n) % 2 === 0 ? a : b;
          const res = await post(service, '/container/push/shared', { system: 'docker', version: { tag: `c${c}-n${n}` }, image: { reference: 'registry.example.org/x', digest: `sha256:${'0'.repeat(64)}` } });
          expect(res.status).toBe(201);
          const body = (await res.json()) as { id: string; position: number };
          mine.push(body);
        }
        return mine;
      }),
    );
    const history = (await get(a, '/project/pull/shared')).history as string[];
    expect((await get(b, '/project/pull/shared')).history).toEqual(history);
    const all = pushed.flat();
    // Complete: every acknowledged push is in the history, once.
    expect(history).toHaveLength(clients * perClient);
    expect(new Set(history).size).toBe(history.length);
    expect([...history].sort()).toEqual(all.map((container) => container.id).sort());
    // Ordered: each push is where its answer said, and each client's pushes keep their order.
    for (const container of all) expect(history.indexOf(container.id)).toBe(container.position);
    for (const mine of pushed) {
      const positions = mine.map((container) => container.position);
      expect(positions).toEqual([...positions].sort((x, y) => x - y));
    }
    // New records through either instance run in the last container.
    const record = (await (await post(b, '/record/push/shared', { label: 'after' })).json()) as { container: string };
    expect(record.container).toBe(history.at(-1));
  }, 120_000);
});
