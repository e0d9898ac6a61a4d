import { describe, expect, it } from 'vitest';
import { bearer, useApi } from '../test/harness.js';

const api = useApi({ PUSH_RATE_LIMIT: '1000' });

/** The database commands `request` sends, in order: "<command> <collection>". */
async function commandsOf(request: () => Promise<unknown>): Promise<string[]> {
  const sent: string[] = [];
  const listener = (event: { commandName: string; command: unknown }) => {
    if (event.commandName === 'endSessions') return;
    const collection = (event.command as Record<string, unknown>)[event.commandName];
    sent.push(`${event.commandName} ${typeof collection === 'string' ? collection : ''}`);
  };
  const client = api.db.connection.getClient();
  client.on('commandStarted', listener);
  try {
    await request();
  } finally {
    client.off('commandStarted', listener);
  }
  return sent;
}

/**
 * Every write of the embedded engine waits for the other writes to its collection, so each
 * database command of a push costs the whole server's push rate: this pins what a push sends.
 */
describe('the database round trips of a record push', () => {
  it('are the token lookup that counts the push, the project lookup and the insert, once the minute stamps are written', async () => {
    const alice = await api.user();
    await api.request().post('/api/v1/project/push/p').set(bearer(alice.token)).send({}).expect(201);
    // The first push stamps the token's last use and the project's activity (at most once a minute each).
    await api.request().post('/api/v1/record/push/p').set(bearer(alice.token)).send({ label: 'first' }).expect(201);

    const sent = await commandsOf(async () => {
      for (let i = 0; i < 3; i += 1) {
        await api.request().post('/api/v1/record/push/p').set(bearer(alice.token)).send({ label: `run-${i}`, parameters: { seed: i } }).expect(201);
      }
    });
    const onePush = ['findAndModify users', 'find projects', 'insert records'];
    expect(sent).toEqual([...onePush, ...onePush, ...onePush]);
  });
});

/** Each command of a read costs the engine more than the query itself: this pins what a page sends. */
describe('the database round trips of a page of records', () => {
  it("searching one project's records names them after the project already found, without looking it up again", async () => {
    const alice = await api.user();
    await api.request().post('/api/v1/project/push/p').set(bearer(alice.token)).send({}).expect(201);
    await api.request().post('/api/v1/record/push/p').set(bearer(alice.token)).send({ label: 'r1', status: 'crashed' }).expect(201);
    // The first read stamps the token's last use (at most once a minute).
    await api.request().get('/api/v1/record/search?project=p').set(bearer(alice.token)).expect(200);

    let body: { data: Array<{ label: string; projectName: string }> } = { data: [] };
    const sent = await commandsOf(async () => {
      body = (await api.request().get('/api/v1/record/search?project=p&status=crashed').set(bearer(alice.token)).expect(200)).body;
    });
    expect(body.data.map((record) => [record.label, record.projectName])).toEqual([['r1', 'p']]);
    expect(sent).toEqual(['find users', 'find projects', 'find records']);
  });
});
