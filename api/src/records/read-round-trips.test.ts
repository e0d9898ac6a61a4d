import { describe, expect, it } from 'vitest';
import { bearer, useApi } from '../test/harness.js';

const api = useApi();

/** The database commands a request sends, in order (collection names only). */
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
