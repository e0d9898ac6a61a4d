import { describe, expect, it } from 'vitest';
import { SpecValidator } from '@reprise/core';
import { bearer, useApi } from '../test/harness.js';

const api = useApi();
const spec = SpecValidator.load();

type Schema = { $ref?: string; allOf?: Schema[]; oneOf?: Schema[]; properties?: Record<string, Schema>; type?: string | string[]; additionalProperties?: unknown };

/** Resolves a #/components/schemas/… reference of openapi.yaml. */
function resolve(schema: Schema): Schema {
  const name = schema.$ref?.replace('#/components/schemas/', '');
  if (!name) return schema;
  const components = (spec.document.components as { schemas: Record<string, Schema> }).schemas;
  const target = components[name];
  if (!target) throw new Error(`unresolved ${schema.$ref}`);
  return resolve(target);
}

/** Every top-level property a JSON request body schema names (through $ref and allOf). */
function bodyFields(schema: Schema): Map<string, Schema> {
  const resolved = resolve(schema);
  const fields = new Map<string, Schema>();
  for (const part of resolved.allOf ?? []) for (const [name, field] of bodyFields(part)) fields.set(name, field);
  for (const [name, field] of Object.entries(resolved.properties ?? {})) fields.set(name, field);
  return fields;
}

interface Operation {
  method: 'get' | 'post';
  template: string;
  jsonBody?: Schema;
  query: string[];
}

/** The API operations of openapi.yaml (token in the path form), with their JSON bodies and query parameters. */
function apiOperations(): Operation[] {
  const operations: Operation[] = [];
  const paths = spec.document.paths as Record<string, Record<string, { requestBody?: { content?: Record<string, { schema: Schema }> }; parameters?: Array<{ $ref?: string; in?: string; name?: string }> }>>;
  const parameters = (spec.document.components as { parameters?: Record<string, { in: string; name: string }> }).parameters ?? {};
  for (const [template, item] of Object.entries(paths)) {
    if (!template.startsWith('/api/v1/{token}/')) continue;
    for (const method of ['get', 'post'] as const) {
      const operation = item[method];
      if (!operation) continue;
      const query = (operation.parameters ?? [])
        .map((parameter) => (parameter.$ref ? parameters[parameter.$ref.replace('#/components/parameters/', '')] : parameter))
        .filter((parameter): parameter is { in: string; name: string } => parameter?.in === 'query')
        .map((parameter) => parameter.name);
      operations.push({ method, template, jsonBody: operation.requestBody?.content?.['application/json']?.schema, query });
    }
  }
  return operations;
}

/** A concrete path for a template: the caller's project "p", its record "r1", its file "in.txt". */
function pathOf(template: string, token: string): string {
  return template.replace('{token}', token).replace('{project}', 'p').replace('{record}', 'r1').replace('{file}', 'in.txt');
}

/**
 * Free-form fields (any JSON, like parameters or system, or an object open to any key, like program) hold any JSON:
 * operators there are data, kept literally, never interpreted.
 */
function isFreeForm(field: Schema): boolean {
  const resolved = resolve(field);
  // A oneOf of typed alternatives (an id or null, say) is not free-form: an object is refused.
  return (resolved.type === undefined && !resolved.allOf && !resolved.oneOf && !resolved.properties) || resolved.additionalProperties === true;
}

const OPERATORS = [{ $ne: null }, { $gt: '' }, { $where: 'sleep(1000)' }, { $regex: '.*' }, { $in: [null, ''] }];

async function setUp() {
  const alice = await api.user('Alice');
  const request = api.request();
  await request.post('/api/v1/project/push/p').set(bearer(alice.token)).send({ description: 'd' }).expect(201);
  await request.post('/api/v1/record/push/p').set(bearer(alice.token)).send({ label: 'r1', inputs: [{ name: 'in.txt' }] }).expect(201);
  await request.post('/api/v1/file/push/p/r1').set(bearer(alice.token)).attach('inputs', Buffer.from('input'), 'in.txt').expect(200);
  return alice;
}

describe('NoSQL operator injection', () => {
  it('refuses operators in every JSON body field of every API endpoint with 400, and keeps them as data in free-form fields', async () => {
    const alice = await setUp();
    const before = await api.db.models.Record.findOne({ label: 'r1' }).lean();
    const operations = apiOperations().filter((operation) => operation.jsonBody);
    expect(operations.length).toBeGreaterThanOrEqual(3);
    let tried = 0;
    for (const operation of operations) {
      for (const [field, fieldSchema] of bodyFields(operation.jsonBody ?? {})) {
        for (const operator of OPERATORS) {
          // Record creation with a fresh label each time, so that a free-form success is a new record.
          const body = { [field]: operator, ...(operation.template.endsWith('/record/push/{project}') && field !== 'label' ? { label: `inj-${tried}` } : {}) };
          const res = await api.request().post(pathOf(operation.template, alice.token)).send(body);
          tried += 1;
          expect(res.status, `${operation.template} ${field}=${JSON.stringify(operator)} → ${res.status} ${JSON.stringify(res.body)}`).toBeLessThan(500);
          if (isFreeForm(fieldSchema)) {
            expect(res.status, `${operation.template} ${field}`).toBeLessThan(300);
            expect(res.body[field]).toEqual(operator);
          } else {
            expect(res.status, `${operation.template} ${field}=${JSON.stringify(operator)} → ${res.status}`).toBe(400);
            expect(res.body.error.code).toBe('validation_failed');
          }
        }
      }
    }
    expect(tried).toBeGreaterThan(50);
    // The record the updates targeted is as it was, apart from the free-form fields they may set.
    const after = await api.db.models.Record.findOne({ label: 'r1' }).lean();
    expect(after?.label).toBe(before?.label);
    expect(after?.status).toBe(before?.status);
    expect(after?.tags).toEqual(before?.tags);
    expect(after?.outputs).toEqual(before?.outputs);
  }, 120_000);

  it('refuses operators, arrays and bracket keys in every query parameter, and treats operator text as a literal', async () => {
    const alice = await setUp();
    const bob = await api.user('Bob');
    await api.request().post('/api/v1/project/push/hidden').set(bearer(bob.token)).send({ description: 'secret' }).expect(201);
    const operations = apiOperations().filter((operation) => operation.query.length > 0);
    expect(operations.length).toBeGreaterThanOrEqual(3);
    for (const operation of operations) {
      const path = pathOf(operation.template, alice.token);
      for (const name of operation.query) {
        for (const query of [`${name}[$ne]=x`, `${name}[$gt]=`, `${name}=a&${name}=b`, `${name}[]=a`]) {
          const res = await api.request()[operation.method](`${path}?${query}`);
          expect(res.status, `${operation.template}?${query} → ${res.status} ${JSON.stringify(res.body)}`).toBe(400);
        }
        const literal = await api.request()[operation.method](`${path}?${name}=${encodeURIComponent('{"$ne":null}')}`);
        expect(literal.status, `${operation.template}?${name}={"$ne":null}`).toBeLessThan(500);
        // Never someone else's private project, whatever the text.
        expect(JSON.stringify(literal.body)).not.toContain('secret');
      }
    }
  }, 60_000);

  it('treats operator-like text in path segments as a name, never as a query', async () => {
    const alice = await setUp();
    for (const segment of ['{"$ne":null}', '$ne', '[$ne]', "' || 1==1 //", '.*']) {
      const res = await api.request().get(`/api/v1/record/display/p/${encodeURIComponent(segment)}`).set(bearer(alice.token));
      expect(res.status).toBe(404);
      const project = await api.request().get(`/api/v1/project/pull/${encodeURIComponent(segment)}`).set(bearer(alice.token));
      expect([400, 404]).toContain(project.status);
    }
    // An operator where a token goes authenticates nobody.
    const res = await api.request().get('/api/v1/project/search').set('Authorization', 'Bearer {"$ne":null}');
    expect(res.status).toBe(401);
  });
});

describe('odd Unicode and traversal in labels and file names', () => {
  const acceptedLabels = [
    'ü-umlaut-NFC',
    'emoji-🧪-run',
    'zero\u200Bwidth',
    'fullwidth-／slash',
    'a/b',
    '..',
    '%2e%2e',
    '<script>alert(1)</script>',
  ];

  it('keeps every printable Unicode label exactly and finds it by its percent-encoded form', async () => {
    const alice = await setUp();
    for (const label of acceptedLabels) {
      const created = await api.request().post('/api/v1/record/push/p').set(bearer(alice.token)).send({ label });
      expect(created.status, label).toBe(201);
      expect(created.body.label).toBe(label);
      const shown = await api.request().get(`/api/v1/record/display/p/${encodeURIComponent(label)}`).set(bearer(alice.token));
      expect(shown.status, label).toBe(200);
      expect(shown.body.label).toBe(label);
    }
    const list = await api.request().get('/api/v1/record/display/p?limit=100').set(bearer(alice.token)).expect(200);
    expect(list.body.data.map((record: { label: string }) => record.label)).toEqual(expect.arrayContaining(acceptedLabels));
  });

  it('stores labels in NFC: an NFD label clashes with the NFC one it looks like, and reads by either form find the record', async () => {
    const alice = await setUp();
    const nfc = 'r\u00e9sum\u00e9-run';
    const nfd = 're\u0301sume\u0301-run';
    const created = await api.request().post('/api/v1/record/push/p').set(bearer(alice.token)).send({ label: nfd }).expect(201);
    expect(created.body.label).toBe(nfc);
    const clash = await api.request().post('/api/v1/record/push/p').set(bearer(alice.token)).send({ label: nfc });
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe('label_taken');
    for (const form of [nfc, nfd]) {
      const shown = await api.request().get(`/api/v1/record/display/p/${encodeURIComponent(form)}`).set(bearer(alice.token));
      expect(shown.status, form).toBe(200);
      expect(shown.body.id).toBe(created.body.id);
    }
    await api.request().post(`/api/v1/record/push/p/${encodeURIComponent(nfd)}`).set(bearer(alice.token)).send({ reason: 'found by its NFD form' }).expect(200);
    expect(await api.db.models.Record.countDocuments({ label: { $in: [nfc, nfd] } })).toBe(1);
  });

  it('refuses bidirectional override and isolate characters in labels and file names with 400, and stores nothing', async () => {
    const alice = await setUp();
    const controls = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];
    for (const control of controls) {
      const label = `rtl-${control}exe.txt`;
      const res = await api.request().post('/api/v1/record/push/p').set(bearer(alice.token)).send({ label });
      expect(res.status, JSON.stringify(label)).toBe(400);
      expect(res.body.error.code).toBe('invalid_label');
      expect(res.body.error.message).toMatch(/bidirectional override or isolate characters/);
      const declared = await api.request().post('/api/v1/record/push/p').set(bearer(alice.token)).send({ label: `ok-${controls.indexOf(control)}`, outputs: [{ name: `report${control}txt.exe` }] });
      expect(declared.status, JSON.stringify(control)).toBe(400);
      expect(declared.body.error.message).toMatch(/bidirectional override or isolate characters/);
      const inPath = await api.request().post('/api/v1/record/push/p/r1').set(bearer(alice.token)).send({ outputs: [{ name: 'plain.txt', path: `out/${control}x.txt` }] });
      expect(inPath.status, JSON.stringify(control)).toBe(400);
    }
    const uploaded = await api.request().post('/api/v1/file/push/p/r1').set(bearer(alice.token)).attach('outputs', Buffer.from('MZ'), { filename: 'report\u202Etxt.exe' });
    expect(uploaded.status).toBe(400);
    expect(uploaded.body.error.message).toMatch(/bidirectional override or isolate characters/);
    const renamed = await api
      .request()
      .post('/api/v1/file/push/p/r1')
      .set(bearer(alice.token))
      .field('manifest', JSON.stringify({ files: [{ field: 'outputs', filename: 'plain.exe', name: 'report\u2067txt.exe' }] }))
      .attach('outputs', Buffer.from('MZ'), { filename: 'plain.exe' });
    expect(renamed.status).toBe(400);
    expect(await api.db.models.Record.countDocuments()).toBe(1);
    const stored = await api.db.models.Record.findOne({ label: 'r1' }).lean();
    expect(stored?.outputs).toEqual([]);
  });

  it('stores file names in NFC: NFD and NFC forms of one name are one file, found by either form', async () => {
    const alice = await setUp();
    const nfc = 'caf\u00e9.csv';
    const nfd = 'cafe\u0301.csv';
    const twice = await api.request().post('/api/v1/record/push/p/r1').set(bearer(alice.token)).send({ outputs: [{ name: nfc }, { name: nfd }] });
    expect(twice.status).toBe(400);
    expect(twice.body.error.message).toMatch(/twice/);
    await api.request().post('/api/v1/record/push/p/r1').set(bearer(alice.token)).send({ outputs: [{ name: nfd, path: `data/${nfd}` }] }).expect(200);
    const attached = await api.request().post('/api/v1/file/push/p/r1').set(bearer(alice.token)).attach('outputs', Buffer.from('a,b\n'), { filename: nfc }).expect(200);
    expect(attached.body.outputs).toEqual([expect.objectContaining({ name: nfc, path: `data/${nfc}`, file: expect.any(String) })]);
    for (const form of [nfc, nfd]) {
      const download = await api.request().get(`/api/v1/file/pull/p/r1/${encodeURIComponent(form)}`).set(bearer(alice.token));
      expect(download.status, form).toBe(200);
      expect(download.text).toBe('a,b\n');
    }
  });

  it('refuses labels with control characters or lone surrogates with 400, and stores nothing', async () => {
    const alice = await setUp();
    const refused = ['nul\u0000byte', 'new\nline', 'bell\u0007', 'del\u007f', 'lone-\uD800-surrogate', 'lone-\uDC00', ' ', ''];
    for (const label of refused) {
      const res = await api.request().post('/api/v1/record/push/p').set(bearer(alice.token)).send({ label });
      expect(res.status, JSON.stringify(label)).toBe(400);
    }
    expect(await api.db.models.Record.countDocuments()).toBe(1);
  });

  it('refuses lone surrogates anywhere in a JSON body, so that nothing is silently altered on the way to storage', async () => {
    const alice = await setUp();
    for (const body of [{ label: 'ok', reason: 'bad \uD800' }, { label: 'ok', tags: ['\uDFFF'] }, { label: 'ok', parameters: { '\uD800key': 1 } }, { label: 'ok', custom: ['\uDBFF'] }]) {
      const res = await api.request().post('/api/v1/record/push/p').set(bearer(alice.token)).send(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.message).toMatch(/Unicode/);
    }
    expect(await api.db.models.Record.countDocuments()).toBe(1);
  });

  it('refuses traversal, absolute paths and control characters in uploaded file names, and keeps odd but safe names exactly', async () => {
    const alice = await setUp();
    for (const name of ['../../etc/passwd', '/etc/passwd', '..\\..\\boot.ini', 'nul\u0000.txt', 'a/../b.txt', '..']) {
      const res = await api.request().post('/api/v1/file/push/p/r1').set(bearer(alice.token)).attach('outputs', Buffer.from('x'), { filename: name });
      // Refused, or reduced to its last segment by the multipart parser: never stored as a path that climbs.
      expect([200, 400], name).toContain(res.status);
    }
    const stored = await api.db.models.Record.findOne({ label: 'r1' }).lean();
    for (const entry of [...(stored?.inputs ?? []), ...(stored?.outputs ?? [])]) {
      expect(entry.name).not.toMatch(/[/\\\u0000]|^\.\.?$/);
    }
    for (const name of ['résumé – final.pdf', '🧪.csv', '<img src=x onerror=alert(1)>.html']) {
      const res = await api.request().post('/api/v1/file/push/p/r1').set(bearer(alice.token)).attach('outputs', Buffer.from(name), { filename: name });
      expect(res.status, name).toBe(200);
      const download = await api.request().get(`/api/v1/file/pull/p/r1/${encodeURIComponent(name)}`).set(bearer(alice.token)).expect(200);
      expect(download.headers['content-disposition']).toMatch(/^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''/);
      expect(download.headers['content-disposition']).toContain(encodeURIComponent(name));
    }
  });
});

describe('names that have the form of an id', () => {
  it("refuses a new project named after another user's project id with 422, so reads by that id keep finding that project", async () => {
    const alice = await api.user('Alice');
    const mallory = await api.user('Mallory');
    const id = (await api.request().post('/api/v1/project/push/lattice').set(bearer(alice.token)).send({ private: false }).expect(201)).body.id as string;
    for (const name of [id, id.toUpperCase()]) {
      const res = await api.request().post(`/api/v1/project/push/${name}`).set(bearer(mallory.token)).send({ description: 'mine now' });
      expect(res.status, name).toBe(422);
      expect(res.body.error).toMatchObject({ code: 'name_shadows_id', details: { name } });
    }
    expect(await api.db.models.Project.countDocuments({ owner: mallory.user._id })).toBe(0);
    const pulled = await api.request().get(`/api/v1/project/pull/${id}`).set(bearer(mallory.token)).expect(200);
    expect(pulled.body).toMatchObject({ id, name: 'lattice' });
  });

  it('refuses a new record label of 24 hex digits with 422, while names and labels stored so before stay readable and writable', async () => {
    const alice = await setUp();
    for (const label of ['0123456789abcdef01234567', '0123456789ABCDEF01234567']) {
      const res = await api.request().post('/api/v1/record/push/p').set(bearer(alice.token)).send({ label });
      expect(res.status, label).toBe(422);
      expect(res.body.error).toMatchObject({ code: 'name_shadows_id', details: { label } });
    }
    expect(await api.db.models.Record.countDocuments()).toBe(1);

    // A database written before the rule may hold such names: they keep working.
    const legacy = 'aaaaaaaaaaaaaaaaaaaaaaaa';
    await api.db.models.Project.updateOne({ owner: alice.user._id, name: 'p' }, { $set: { name: legacy } });
    await api.db.models.Record.updateOne({ label: 'r1' }, { $set: { label: legacy } });
    await api.request().post(`/api/v1/project/push/${legacy}`).set(bearer(alice.token)).send({ description: 'still mine' }).expect(200);
    await api.request().post(`/api/v1/record/push/${legacy}/${legacy}`).set(bearer(alice.token)).send({ reason: 'still here' }).expect(200);
    const shown = await api.request().get(`/api/v1/record/display/${legacy}/${legacy}`).set(bearer(alice.token)).expect(200);
    expect(shown.body).toMatchObject({ label: legacy, reason: 'still here' });
  });
});

describe('payloads aimed at a browser', () => {
  const payloads = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)', "{{constructor.constructor('alert(1)')()}}", '</textarea><svg onload=alert(1)>'];

  it('sends every text field back verbatim as JSON, never as a page a browser would render', async () => {
    const alice = await api.user('Alice');
    const [a, b, c, d, e] = payloads;
    await api.request()
      .post('/api/v1/project/push/xss')
      .set(bearer(alice.token))
      .send({ description: a, goals: b, tags: payloads })
      .expect(201);
    const record = await api.request()
      .post('/api/v1/record/push/xss')
      .set(bearer(alice.token))
      .send({ label: e, reason: a, outcome: b, stdout: c, stderr: d, tags: payloads, parameters: { [a ?? '']: b }, dependencies: [{ name: c ?? '', version: d }] })
      .expect(201);
    for (const res of [
      record,
      await api.request().get('/api/v1/project/pull/xss').set(bearer(alice.token)),
      await api.request().get(`/api/v1/record/display/xss/${encodeURIComponent(e ?? '')}`).set(bearer(alice.token)),
      await api.request().get(`/api/v1/record/search?q=${encodeURIComponent('<script>')}`).set(bearer(alice.token)),
    ]) {
      expect(res.status).toBeLessThan(300);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toMatch(/^default-src 'none'/);
    }
    const shown = await api.request().get(`/api/v1/record/display/xss/${encodeURIComponent(e ?? '')}`).set(bearer(alice.token)).expect(200);
    expect(shown.body).toMatchObject({ label: e, reason: a, outcome: b, stdout: c, stderr: d, tags: payloads, parameters: { [a ?? '']: b } });
  });

  it('serves an uploaded HTML file as a sandboxed, unsniffed attachment', async () => {
    const alice = await setUp();
    await api.request()
      .post('/api/v1/file/push/p/r1')
      .set(bearer(alice.token))
      .attach('outputs', Buffer.from('<html><script>alert(document.cookie)</script></html>'), { filename: 'report.html', contentType: 'text/html' })
      .expect(200);
    const res = await api.request().get('/api/v1/file/pull/p/r1/report.html').set(bearer(alice.token)).expect(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment;/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain('sandbox');
  });

  it('redirects only within the service, whatever the path', async () => {
    for (const path of ['/api/docs', '//evil.example/', '//evil.example/api/docs', '/api/docs//evil.example', '/api/docs/%2F%2Fevil.example', '/%5Cevil.example', '/api/docs/..%2F..%2F%2Fevil.example']) {
      const res = await api.request().get(path);
      expect(res.status, path).toBeLessThan(500);
      const location = res.headers.location as string | undefined;
      if (location !== undefined) expect(location, path).toMatch(/^\/(?![/\\])/);
    }
  });
});

describe('oversized and confusing bodies', () => {
  it('answers a JSON object with 300,000 unknown fields with a short 400, not a crash', async () => {
    const alice = await setUp();
    const body = JSON.stringify(Object.fromEntries(Array.from({ length: 300_000 }, (_, i) => [`k${i}`, i])));
    const res = await api.request().post('/api/v1/record/push/p').set(bearer(alice.token)).set('Content-Type', 'application/json').send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/and 299995 more/);
    expect(res.body.error.details.length).toBeLessThanOrEqual(50);
    expect(res.text.length).toBeLessThan(20_000);
  });

  it('answers 5 MB of nested brackets and wide arrays with 400 in bounded time', async () => {
    const alice = await setUp();
    for (const body of ['['.repeat(5_000_000), `${'{"a":'.repeat(1_000_000)}1${'}'.repeat(1_000_000)}`, JSON.stringify({ label: 'x', tags: Array.from({ length: 500_000 }, (_, i) => `t${i}`) })]) {
      const started = Date.now();
      const res = await api.request().post('/api/v1/record/push/p').set(bearer(alice.token)).set('Content-Type', 'application/json').send(body);
      expect(res.status).toBe(400);
      expect(Date.now() - started).toBeLessThan(10_000);
    }
    expect(await api.db.models.Record.countDocuments()).toBe(1);
  });

  it('refuses bodies whose content type does not match what the endpoint takes', async () => {
    const alice = await setUp();
    const cases: Array<[string, string, string, number]> = [
      ['/api/v1/record/push/p', 'application/x-www-form-urlencoded', 'label[$ne]=1', 415],
      ['/api/v1/record/push/p', 'text/plain', '{"label":"t"}', 415],
      ['/api/v1/record/push/p', 'multipart/form-data; boundary=x', '--x--', 415],
      ['/api/v1/record/push/p', 'application/xml', '<label>t</label>', 415],
      ['/api/v1/file/push/p/r1', 'application/json', '{"outputs":"x"}', 415],
      ['/api/v1/container/push/p', 'text/plain', 'system=docker', 415],
    ];
    for (const [path, type, body, status] of cases) {
      const res = await api.request().post(path).set(bearer(alice.token)).set('Content-Type', type).send(body);
      expect(res.status, `${path} as ${type}`).toBe(status);
      expect(res.body.error.code).toBe('unsupported_media_type');
    }
    expect(await api.db.models.Record.countDocuments()).toBe(1);
  });
});
