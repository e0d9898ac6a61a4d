import { describe, expect, it } from 'vitest';
import { useCloud } from '../test/harness.js';
import { makeProject, makeRecord } from '../test/factories.js';

const cloud = useCloud();

/** A project of Ada's with `count` runs whose cfl and error differ and whose grid is the same. */
async function heat(count: number, fields: { private?: boolean } = {}) {
  const ada = await cloud.signUp('Ada');
  const project = await makeProject(cloud.db, ada, 'heat', fields);
  for (let index = 0; index < count; index += 1) {
    await makeRecord(cloud.db, ada, 'heat', {
      label: `run-${String(index).padStart(3, '0')}`,
      parameters: { cfl: index / 100, grid: 64, scheme: index % 2 ? 'euler' : '=crank, "2nd"' },
      metrics: { error: index * 0.5 },
    });
  }
  return { ada, id: project._id.toHexString() };
}

describe("a project's worksheet", () => {
  it('lists the parameter and metric paths of its records, those that vary first', async () => {
    const { ada, id } = await heat(3);
    const res = await ada.browser.get(`/cloud/v1/projects/${id}/paths`).expect(200);
    expect(res.body).toEqual({
      records: 3,
      data: [
        { path: 'metrics.error', kind: 'number', records: 3, distinct: 3, varies: true },
        { path: 'parameters.cfl', kind: 'number', records: 3, distinct: 3, varies: true },
        { path: 'parameters.scheme', kind: 'string', records: 3, distinct: 2, varies: true },
        { path: 'parameters.grid', kind: 'number', records: 3, distinct: 1, varies: false },
      ],
    });
  });

  it('streams the CSV of every page in the order and with the columns asked, spreadsheet formulas defused', async () => {
    const { ada, id } = await heat(130);
    const res = await ada.browser
      .get(`/cloud/v1/projects/${id}/records/csv`)
      .query({ where: 'parameters.cfl >= 0.05', sort: '-metrics.error', columns: 'parameters.cfl,metrics.error,parameters.scheme' })
      .expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="heat-records.csv"');
    const lines = res.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('label,status,created,parameters.cfl,metrics.error,parameters.scheme');
    expect(lines).toHaveLength(1 + 125);
    expect(lines[1]).toMatch(/^run-129,unknown,[^,]+,1\.29,64\.5,euler$/);
    expect(lines[2]).toMatch(/^run-128,unknown,[^,]+,1\.28,64,"'=crank, ""2nd"""$/);
    expect(lines.at(-1)).toMatch(/^run-005,/);
  });

  it("takes where, sort and columns on the signed-in user's records and on public records", async () => {
    const { ada } = await heat(4, { private: false });
    const mine = await ada.browser.get('/cloud/v1/records').query({ where: 'parameters.cfl >= 0.02', sort: 'metrics.error', columns: 'metrics.error' }).expect(200);
    expect(mine.body.data.map((record: { label: string; columns: object }) => [record.label, record.columns])).toEqual([
      ['run-002', { 'metrics.error': 1 }],
      ['run-003', { 'metrics.error': 1.5 }],
    ]);
    const visitor = await cloud.browser();
    const listed = await visitor.get('/cloud/v1/public/records').query({ where: 'parameters.scheme = "euler"', sort: '-parameters.cfl' }).expect(200);
    expect(listed.body.data.map((record: { label: string }) => record.label)).toEqual(['run-003', 'run-001']);
  });

  it('refuses a malformed where with a JSON 400 before any line, and hides a private project from others', async () => {
    const { ada, id } = await heat(1, { private: true });
    const bad = await ada.browser.get(`/cloud/v1/projects/${id}/records/csv`).query({ where: 'parameters.cfl <' }).expect(400);
    expect(bad.body.error).toMatchObject({ code: 'invalid_query', details: { parameter: 'where', position: 16 } });
    const listed = await ada.browser.get(`/cloud/v1/projects/${id}/records`).query({ sort: '' }).expect(400);
    expect(listed.body.error).toMatchObject({ code: 'invalid_query', details: { parameter: 'sort', position: 0 } });
    const bob = await cloud.signUp('Bob');
    await bob.browser.get(`/cloud/v1/projects/${id}/records/csv`).expect(404);
    await bob.browser.get(`/cloud/v1/projects/${id}/paths`).expect(404);
  });
});
