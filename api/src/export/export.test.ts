import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ZipFile } from 'yazl';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, binary, useApi } from '../test/harness.js';
import { makeSealedPair } from '../test/verdicts.js';
import { checkExports, ensureCrateTools, INSTALL_TIMEOUT_MS } from '../test/crate-tools.js';

const api = useApi({ PUBLIC_URL: 'https://reprise.example.org' });
const here = path.dirname(fileURLToPath(import.meta.url));
const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
/** Every crate and PROV document the tests download, checked by the community's tools at the end. */
const exports = mkdtempSync(path.join(tmpdir(), 'reprise-exports-'));
let saved = 0;

type Entity = Record<string, unknown> & { '@id': string; '@type': string | string[] };

const INPUT = Buffer.from('x,y\n1,2\n');
const OUTPUT = Buffer.from('dimension 1.7093\n');
const DIGEST = `sha256:${'d'.repeat(64)}`;

/** A finished run of every field, with an input and an output uploaded, in a public project of a new user. */
async function richRecord(project = 'sim', label = 'run-1') {
  const alice = await api.user('Alice Example');
  await api.request().post(`/api/v1/project/push/${project}`).set(bearer(alice.token)).send({ private: false, description: 'Fractal dimension runs' }).expect(201);
  await api.request().post(`/api/v1/container/push/${project}`).set(bearer(alice.token)).send({ system: 'docker', image: { reference: 'ghcr.io/lab/sim:1.2', digest: DIGEST } }).expect(201);
  const created = await api
    .request()
    .post(`/api/v1/record/push/${project}`)
    .set(bearer(alice.token))
    .send({
      label,
      status: 'running',
      program: { command: 'python', arguments: ['sim.py', '--fast'], entryPoint: 'sim.py', versionControl: { vcs: 'git', commit: 'a'.repeat(40), dirty: false } },
      parameters: { seed: 7, solver: { cfl: 0.4, scheme: 'crank' }, 'odd.key': [1, 2] },
      dependencies: [{ name: 'numpy', version: '2.1.0', manager: 'pip', source: 'https://pypi.org/project/numpy/' }],
      system: { os: 'Linux', arch: 'x86_64', cpu: { cores: 8 } },
      tags: ['fractal', 'test'],
      reason: 'Check the dimension',
      outcome: 'As expected',
      duration: 12.5,
      stdout: 'done\n',
      stderr: 'a warning\n',
      custom: { lab: 'B2', $odd: 1 },
    })
    .expect(201);
  await api
    .request()
    .post(`/api/v1/file/push/${project}/${label}`)
    .set(bearer(alice.token))
    .field('manifest', JSON.stringify({ files: [{ field: 'inputs', filename: 'in.csv', path: 'data/in.csv', mediaType: 'text/csv' }] }))
    .attach('inputs', INPUT, 'in.csv')
    .attach('outputs', OUTPUT, { filename: 'out.txt', contentType: 'text/plain' })
    .expect(200);
  await api.request().post(`/api/v1/record/push/${project}/${label}`).set(bearer(alice.token)).send({ status: 'finished' }).expect(200);
  return { alice, id: created.body.id as string };
}

/** Downloads an export; crates come back as bytes. */
async function download(url: string, token?: string) {
  const request = api.request().get(url);
  if (token) void request.set(bearer(token));
  return await request.buffer(true).parse(binary);
}

/** The entries of a zip, by name. */
async function unzip(data: Buffer): Promise<Map<string, Buffer>> {
  const zip = await yauzl.fromBufferPromise(data, { lazyEntries: true });
  const entries = new Map<string, Buffer>();
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    entries.set(entry.fileName, Buffer.concat(chunks));
  }
  return entries;
}

function graphOf(entries: Map<string, Buffer>): Map<string, Entity> {
  const metadata = JSON.parse(entries.get('ro-crate-metadata.json')?.toString('utf8') ?? '{}') as { '@graph': Entity[] };
  return new Map(metadata['@graph'].map((entity) => [entity['@id'], entity]));
}

function keep(name: string, data: Buffer | string): void {
  saved += 1;
  writeFileSync(path.join(exports, `${saved}-${name}`), data);
}

/** A zip built in memory from names and contents (the metadata given as an object is written as JSON). */
async function zipOf(files: Record<string, Buffer | string | object>, options: { compress?: boolean } = {}): Promise<Buffer> {
  const zip = new ZipFile();
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(typeof content === 'string' ? content : JSON.stringify(content));
    zip.addBuffer(data, name, { compress: options.compress ?? false });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const importCrate = (token: string, project: string, crate: Buffer) =>
  api.request().post(`/api/v1/record/import/${project}`).set(bearer(token)).attach('crate', crate, { filename: 'crate.zip', contentType: 'application/zip' });

/** What the database holds of records, files and blobs: an import that fails changes none of it. */
async function holdings() {
  return {
    records: await api.db.models.Record.countDocuments(),
    files: await api.db.models.File.countDocuments(),
    blobs: (await api.db.connection.db?.collection('blobs.files').countDocuments()) ?? -1,
  };
}

beforeAll(async () => {
  await ensureCrateTools();
}, INSTALL_TIMEOUT_MS + 60_000);

afterAll(() => {
  rmSync(exports, { recursive: true, force: true });
});

describe('record export as a Process Run Crate', () => {
  it('maps every field of the record onto the CreateAction, its program, files, parameters, agent and container image', async () => {
    const { alice, id } = await richRecord();
    const res = await download('/api/v1/record/export/sim/run-1', alice.token);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toContain('sim-run-1.crate.zip');
    keep('record.crate.zip', res.body as Buffer);
    const entries = await unzip(res.body as Buffer);
    expect(entries.get('inputs/in.csv')).toEqual(INPUT);
    expect(entries.get('outputs/out.txt')).toEqual(OUTPUT);
    const graph = graphOf(entries);
    expect(graph.get('ro-crate-metadata.json')).toMatchObject({ conformsTo: { '@id': 'https://w3id.org/ro/crate/1.1' }, about: { '@id': './' } });
    expect(graph.get('./')).toMatchObject({
      conformsTo: { '@id': 'https://w3id.org/ro/wfrun/process/0.5' },
      identifier: `https://reprise.example.org/r/${id}`,
      mentions: [{ '@id': '#run' }],
      hasPart: [{ '@id': 'inputs/in.csv' }, { '@id': 'outputs/out.txt' }],
    });
    const action = graph.get('#run');
    expect(action).toMatchObject({
      '@type': 'CreateAction',
      name: 'run-1',
      description: 'Check the dimension',
      instrument: { '@id': '#program' },
      agent: { '@id': '#owner' },
      result: [{ '@id': 'outputs/out.txt' }],
      containerImage: { '@id': '#container' },
      actionStatus: { '@id': 'http://schema.org/CompletedActionStatus' },
      keywords: ['fractal', 'test'],
      'reprise:status': 'finished',
      'reprise:outcome': 'As expected',
      'reprise:duration': 12.5,
      'reprise:stdout': 'done\n',
      'reprise:stderr': 'a warning\n',
      'reprise:project': 'sim',
      'reprise:private': false,
    });
    expect(typeof action?.startTime).toBe('string');
    expect(typeof action?.endTime).toBe('string');
    expect(JSON.parse(String(action?.['reprise:parameters']))).toEqual({ seed: 7, solver: { cfl: 0.4, scheme: 'crank' }, 'odd.key': [1, 2] });
    expect(JSON.parse(String(action?.['reprise:system']))).toEqual({ os: 'Linux', arch: 'x86_64', cpu: { cores: 8 } });
    expect(JSON.parse(String(action?.['reprise:custom']))).toEqual({ lab: 'B2', $odd: 1 });
    const objects = (action?.object as Array<{ '@id': string }>).map((item) => graph.get(item['@id']));
    expect(objects).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ '@id': 'inputs/in.csv', '@type': 'File', sha256: sha256(INPUT), contentSize: String(INPUT.length), encodingFormat: 'text/csv', 'reprise:path': 'data/in.csv' }),
        expect.objectContaining({ '@type': 'PropertyValue', name: 'seed', value: 7 }),
        expect.objectContaining({ '@type': 'PropertyValue', name: 'solver.cfl', value: 0.4 }),
        expect.objectContaining({ '@type': 'PropertyValue', name: 'solver.scheme', value: 'crank' }),
      ]),
    );
    expect(graph.get('outputs/out.txt')).toMatchObject({ '@type': 'File', sha256: sha256(OUTPUT), encodingFormat: 'text/plain' });
    expect(graph.get('#program')).toMatchObject({ '@type': 'SoftwareApplication', name: 'sim.py', softwareRequirements: [{ '@id': '#dependency-0' }] });
    expect(JSON.parse(String(graph.get('#program')?.['reprise:program']))).toMatchObject({ command: 'python', arguments: ['sim.py', '--fast'] });
    expect(graph.get('#dependency-0')).toMatchObject({ '@type': 'SoftwareApplication', name: 'numpy', softwareVersion: '2.1.0', url: 'https://pypi.org/project/numpy/', 'reprise:manager': 'pip' });
    expect(graph.get('#owner')).toMatchObject({ '@type': 'Person', name: 'Alice Example' });
    expect(graph.get('#container')).toMatchObject({ '@type': 'ContainerImage', registry: 'ghcr.io', name: 'lab/sim', tag: '1.2', sha256: 'd'.repeat(64) });
  });

  it('describes the files without their bytes with files=none', async () => {
    const { alice } = await richRecord();
    const res = await download('/api/v1/record/export/sim/run-1?files=none', alice.token);
    expect(res.status).toBe(200);
    keep('nofiles.crate.zip', res.body as Buffer);
    const entries = await unzip(res.body as Buffer);
    expect([...entries.keys()]).toEqual(['ro-crate-metadata.json']);
    expect(graphOf(entries).get('#outputs/out.txt')).toMatchObject({ '@type': 'File', sha256: sha256(OUTPUT) });
  });

  it('puts the container image into the crate only when asked (image=include)', async () => {
    const alice = await api.user();
    await api.request().post('/api/v1/project/push/boxed').set(bearer(alice.token)).send({}).expect(201);
    const image = Buffer.from('an OCI archive, in spirit');
    await api
      .request()
      .post('/api/v1/container/push/boxed')
      .set(bearer(alice.token))
      .field('metadata', JSON.stringify({ system: 'docker' }))
      .attach('image', image, { filename: 'sim.tar', contentType: 'application/x-tar' })
      .expect(201);
    await api.request().post('/api/v1/record/push/boxed').set(bearer(alice.token)).send({ label: 'r1', status: 'finished' }).expect(201);
    const without = await unzip((await download('/api/v1/record/export/boxed/r1', alice.token)).body as Buffer);
    expect([...without.keys()]).toEqual(['ro-crate-metadata.json']);
    const res = await download('/api/v1/record/export/boxed/r1?image=include', alice.token);
    keep('image.crate.zip', res.body as Buffer);
    const entries = await unzip(res.body as Buffer);
    expect(entries.get('container/sim.tar')).toEqual(image);
    expect(graphOf(entries).get('#container')).toMatchObject({ '@type': 'ContainerImage', sha256: sha256(image), 'reprise:file': { '@id': 'container/sim.tar' } });
    expect(graphOf(entries).get('./')).toMatchObject({ hasPart: [{ '@id': 'container/sim.tar' }] });
  });

  it('exports a public record by id without a token, and a private one to nobody but its owner (404)', async () => {
    const { id } = await richRecord();
    const open = await download(`/api/v1/public/record/export/${id}`);
    expect(open.status).toBe(200);
    const bob = await api.user('Bob');
    await api.request().post('/api/v1/project/push/secret').set(bearer(bob.token)).send({}).expect(201);
    const hidden = await api.request().post('/api/v1/record/push/secret').set(bearer(bob.token)).send({ label: 'h1' }).expect(201);
    const carol = await api.user('Carol');
    const anonymous = await api.request().get(`/api/v1/public/record/export/${hidden.body.id as string}`);
    expect(anonymous.status).toBe(404);
    expect(anonymous.body.error.code).toBe('not_found');
    const other = await api.request().get(`/api/v1/record/export/${hidden.body.project as string}/h1?format=prov`).set(bearer(carol.token));
    expect(other.status).toBe(404);
    expect((await api.request().get('/api/v1/record/export/secret/h1?format=bibtex').set(bearer(bob.token))).status).toBe(200);
  });

  it('exports a project as one crate holding every record, each file under its record', async () => {
    const { alice, id } = await richRecord();
    await api.request().post('/api/v1/record/push/sim').set(bearer(alice.token)).send({ label: 'run-2', status: 'crashed', stderr: 'Segmentation fault' }).expect(201);
    const res = await download('/api/v1/project/export/sim', alice.token);
    expect(res.status).toBe(200);
    keep('project.crate.zip', res.body as Buffer);
    const entries = await unzip(res.body as Buffer);
    expect(entries.get(`${id}/outputs/out.txt`)).toEqual(OUTPUT);
    const graph = graphOf(entries);
    const actions = [...graph.values()].filter((entity) => entity['@type'] === 'CreateAction');
    expect(actions.map((action) => action.name)).toEqual(['run-1', 'run-2']);
    expect(actions[1]).toMatchObject({ actionStatus: { '@id': 'http://schema.org/FailedActionStatus' }, error: 'Segmentation fault' });
    const prov = await api.request().get('/api/v1/project/export/sim?format=prov').set(bearer(alice.token));
    expect(prov.status).toBe(200);
    keep('project.prov.json', JSON.stringify(prov.body));
    const citation = await api.request().get('/api/v1/project/export/sim?format=bibtex').set(bearer(alice.token));
    expect(citation.status).toBe(400);
  });
});

describe('PROV-JSON and citations', () => {
  it('states the same facts in PROV-JSON: the run an activity using inputs and generating outputs, program and person agents', async () => {
    const { alice, id } = await richRecord();
    const res = await api.request().get('/api/v1/record/export/sim/run-1?format=prov').set(bearer(alice.token));
    expect(res.status).toBe(200);
    keep('record.prov.json', JSON.stringify(res.body));
    const doc = res.body as Record<string, Record<string, Record<string, unknown>>>;
    const run = `record:${id}/run`;
    expect(doc.activity?.[run]).toMatchObject({ 'prov:label': 'run-1', 'reprise:status': 'finished', 'reprise:parameter/solver.cfl': 0.4 });
    expect(doc.entity?.[`record:${id}/inputs/in.csv`]).toMatchObject({ 'reprise:sha256': sha256(INPUT) });
    expect(Object.values(doc.used ?? {})).toContainEqual({ 'prov:activity': run, 'prov:entity': `record:${id}/inputs/in.csv` });
    expect(Object.values(doc.wasGeneratedBy ?? {})).toContainEqual(expect.objectContaining({ 'prov:activity': run, 'prov:entity': `record:${id}/outputs/out.txt` }));
    expect(doc.agent?.[`record:${id}/program`]).toMatchObject({ 'prov:type': { $: 'prov:SoftwareAgent' } });
    expect(Object.values(doc.agent ?? {})).toContainEqual({ 'prov:type': { $: 'prov:Person', type: 'prov:QUALIFIED_NAME' }, 'prov:label': 'Alice Example' });
  });

  it('cites a record by its permanent link in BibTeX, CITATION.cff and DataCite', async () => {
    const { alice, id } = await richRecord();
    const url = `https://reprise.example.org/r/${id}`;
    const bib = await api.request().get('/api/v1/record/export/sim/run-1?format=bibtex').set(bearer(alice.token));
    expect(bib.status).toBe(200);
    expect(bib.text).toMatch(new RegExp(`^@misc\\{reprise_record_${id},`));
    expect(bib.text).toContain(`url = {${url}}`);
    expect(bib.text).toContain('author = {Alice Example}');
    const cff = await api.request().get('/api/v1/record/export/sim/run-1?format=cff').set(bearer(alice.token)).buffer(true);
    expect(cff.text).toContain('cff-version: 1.2.0');
    expect(cff.text).toContain(`url: ${url}`);
    const datacite = await api.request().get('/api/v1/record/export/sim/run-1?format=datacite').set(bearer(alice.token)).buffer(true).parse(binary);
    expect(JSON.parse((datacite.body as Buffer).toString('utf8'))).toMatchObject({
      identifiers: [{ identifier: url, identifierType: 'URL' }],
      creators: [{ name: 'Alice Example' }],
      titles: [{ title: 'sim: run-1' }],
      types: { resourceTypeGeneral: 'Dataset' },
    });
  });
});

describe('verdict export', () => {
  it('adds the assessment as an action that used both runs, with its evidence and assessor; the sealed records say so', async () => {
    const { sender, target, verdict } = await makeSealedPair(api);
    await api.request().post('/api/v1/project/push/rerun').set(bearer(sender.token)).send({ private: false }).expect(200);
    const id = verdict._id.toHexString();
    const res = await download(`/api/v1/public/verdict/export/${id}`);
    expect(res.status).toBe(200);
    keep('verdict.crate.zip', res.body as Buffer);
    const graph = graphOf(await unzip(res.body as Buffer));
    const assessment = graph.get(`#verdict-${id}`);
    expect(assessment).toMatchObject({
      '@type': 'AssessAction',
      object: [{ '@id': `#${verdict.from.toHexString()}/run` }, { '@id': `#${verdict.toward.toHexString()}/run` }],
      agent: { '@id': `#user-${target.actor.id.toHexString()}` },
      participant: { '@id': `#user-${sender.actor.id.toHexString()}` },
      actionStatus: { '@id': 'http://schema.org/CompletedActionStatus' },
      'reprise:status': 'agreed',
    });
    expect(JSON.parse(String(assessment?.['reprise:evidence']))).toHaveProperty('outputs');
    expect(graph.get(`#verdict-${id}-result`)).toMatchObject({ '@type': 'PropertyValue', value: 'repeated' });
    expect(graph.get(`#${verdict.toward.toHexString()}/run`)).toMatchObject({ 'reprise:sealedBy': [{ '@id': `https://reprise.example.org/requests/${id}` }] });
    const prov = await api.request().get(`/api/v1/public/verdict/export/${id}?format=prov`);
    keep('verdict.prov.json', JSON.stringify(prov.body));
    const used = Object.values((prov.body as { used: Record<string, Record<string, string>> }).used).filter((relation) => relation['prov:activity'] === `verdict:${id}`);
    expect(used.map((relation) => relation['prov:entity']).sort()).toEqual([`record:${verdict.from.toHexString()}`, `record:${verdict.toward.toHexString()}`].sort());
    const bib = await api.request().get(`/api/v1/public/verdict/export/${id}?format=bibtex`);
    expect(bib.text).toContain(`https://reprise.example.org/requests/${id}`);
    const record = await api.request().get(`/api/v1/record/export/sim/r1?format=bibtex`).set(bearer(target.token));
    expect(record.text).toContain('Sealed by an agreed verdict');
  });
});

describe('import of a Process Run Crate', () => {
  it('creates a record from an exported crate whose export gives the same metadata (export, import, export)', async () => {
    const { alice } = await richRecord();
    await api.request().post('/api/v1/project/push/copy').set(bearer(alice.token)).send({ private: false }).expect(201);
    const first = await download('/api/v1/record/export/sim/run-1', alice.token);
    const imported = await importCrate(alice.token, 'copy', first.body as Buffer);
    expect(imported.status).toBe(201);
    expect(imported.body.unmapped).toEqual([
      expect.objectContaining({ id: '#container', properties: ['containerImage'] }),
    ]);
    expect(imported.body.record).toMatchObject({ label: 'run-1', status: 'finished', outputs: [expect.objectContaining({ name: 'out.txt', sha256: sha256(OUTPUT), file: expect.any(String) })] });
    // The container image is described, not pushed: a record's container belongs to its project's history.
    await api.request().post('/api/v1/record/push/sim').set(bearer(alice.token)).send({ label: 'bare', container: null, parameters: { a: 1 } }).expect(201);
    const bare = await download('/api/v1/record/export/sim/bare', alice.token);
    await api.request().post('/api/v1/project/push/copy2').set(bearer(alice.token)).send({ private: false }).expect(201);
    expect((await importCrate(alice.token, 'copy2', bare.body as Buffer)).status).toBe(201);
    const again = await download('/api/v1/record/export/copy2/bare', alice.token);
    expect(comparable(graphOf(await unzip(again.body as Buffer)))).toEqual(comparable(graphOf(await unzip(bare.body as Buffer))));
    // The rich record's run comes back the same too, but for the container it no longer names.
    const second = await download('/api/v1/record/export/copy/run-1', alice.token);
    const [before, after] = [comparable(graphOf(await unzip(first.body as Buffer))), comparable(graphOf(await unzip(second.body as Buffer)))];
    delete before['#container'];
    expect(after['#run']).toEqual({ ...before['#run'], containerImage: undefined, 'reprise:custom': expect.any(String) });
    expect(JSON.parse(String(after['#run']?.['reprise:custom']))).toMatchObject({ lab: 'B2', $odd: 1, 'ro-crate': { containerImage: expect.objectContaining({ '@type': 'ContainerImage' }) } });
    const { '#run': _a, ...restBefore } = before;
    const { '#run': _b, ...restAfter } = after;
    expect(restAfter).toEqual(restBefore);
  });

  it('imports a crate of another tool written after the profile documentation, keeping and reporting what has no place', async () => {
    const alice = await api.user();
    await api.request().post('/api/v1/project/push/pics').set(bearer(alice.token)).send({}).expect(201);
    const photo = Buffer.from('not really a jpeg: original');
    const sepia = Buffer.from('not really a jpeg: sepia');
    const metadata = readFileSync(path.join(here, 'fixtures', 'imagemagick-run.json'), 'utf8');
    const crate = await zipOf({ 'ro-crate-metadata.json': metadata, 'pics/2017-06-11 12.56.14.jpg': photo, 'pics/sepia_fence.jpg': sepia });
    keep('fixture.crate.zip', crate);
    const res = await importCrate(alice.token, 'pics', crate);
    expect(res.body.error).toBeUndefined();
    expect(res.status).toBe(201);
    expect(res.body.record).toMatchObject({
      label: 'Convert dog image to sepia',
      status: 'finished',
      program: { command: 'ImageMagick', version: '6.9.7-4' },
      parameters: { 'sepia-tone': '80%' },
      reason: 'convert -sepia-tone 80% pics/2017-06-11\\ 12.56.14.jpg pics/sepia_fence.jpg',
      inputs: [expect.objectContaining({ name: '2017-06-11 12.56.14.jpg', sha256: sha256(photo), mediaType: 'image/jpeg' })],
      outputs: [expect.objectContaining({ name: 'sepia_fence.jpg', sha256: sha256(sepia) })],
      statusHistory: [
        { status: 'started', at: '2018-09-19T07:01:05.000Z' },
        { status: 'finished', at: '2018-09-19T07:01:07.000Z' },
      ],
    });
    expect(res.body.unmapped).toEqual(
      expect.arrayContaining([
        { id: 'https://orcid.org/0000-0001-9842-9718', type: ['Person'], properties: ['agent'] },
        { id: 'pics/2017-06-11%2012.56.14.jpg', type: ['File'], properties: ['description'] },
        expect.objectContaining({ properties: ['containerImage'] }),
      ]),
    );
    expect(res.body.record.custom['ro-crate']).toMatchObject({ containerImage: 'https://example.org/images/imagemagick:6.9.7', agent: { name: 'Stian Soiland-Reyes' } });
    const file = await api.request().get(`/api/v1/file/pull/pics/${res.body.record.id as string}/sepia_fence.jpg`).set(bearer(alice.token)).buffer(true).parse(binary);
    expect(file.body).toEqual(sepia);
  });

  it('refuses bad crates with the reason and creates nothing (not a zip, no metadata, not JSON-LD, outside paths, zip bomb, digest mismatch, no run)', async () => {
    const alice = await api.user();
    await api.request().post('/api/v1/project/push/in').set(bearer(alice.token)).send({}).expect(201);
    const metadata = JSON.parse(readFileSync(path.join(here, 'fixtures', 'imagemagick-run.json'), 'utf8')) as { '@graph': Entity[] };
    const withDigest = structuredClone(metadata);
    const sepiaEntity = withDigest['@graph'].find((entity) => entity['@id'] === 'pics/sepia_fence.jpg');
    if (sepiaEntity) sepiaEntity.sha256 = sha256('something else');
    const noRun = structuredClone(metadata);
    noRun['@graph'] = noRun['@graph'].filter((entity) => entity['@type'] !== 'CreateAction');
    const files = { 'pics/2017-06-11 12.56.14.jpg': 'a', 'pics/sepia_fence.jpg': 'b' };
    // yazl refuses to write "../", so the name is swapped in the finished archive (same length: offsets hold).
    const escaping = (await zipOf({ 'ro-crate-metadata.json': metadata, ...files, 'xx/evil.txt': 'pwned' })).toString('latin1').replaceAll('xx/evil.txt', '../evil.txt');
    const bomb = await zipOf({ 'ro-crate-metadata.json': metadata, ...files, 'pics/zeros.bin': Buffer.alloc(64 * 1024 * 1024) }, { compress: true });
    const cases: Array<[string, Buffer, number, string, string?]> = [
      ['not a zip', Buffer.from('hello, I am text'), 400, 'invalid_crate', 'not_zip'],
      ['no metadata', await zipOf({ 'data.csv': 'x' }), 400, 'invalid_crate', 'no_metadata'],
      ['malformed JSON', await zipOf({ 'ro-crate-metadata.json': '{"@graph": [' }), 400, 'invalid_crate', 'malformed_metadata'],
      ['JSON without a graph', await zipOf({ 'ro-crate-metadata.json': { '@context': 'x', items: [] } }), 400, 'invalid_crate', 'malformed_metadata'],
      ['a path outside the archive', Buffer.from(escaping, 'latin1'), 400, 'invalid_crate', 'unsafe_path'],
      ['a zip bomb', bomb, 400, 'invalid_crate', 'zip_bomb'],
      ['a file the metadata names but the archive lacks', await zipOf({ 'ro-crate-metadata.json': metadata, 'pics/sepia_fence.jpg': 'b' }), 400, 'invalid_crate', 'missing_file'],
      ['bytes that do not match their digest', await zipOf({ 'ro-crate-metadata.json': withDigest, ...files }), 422, 'digest_mismatch'],
      ['no CreateAction', await zipOf({ 'ro-crate-metadata.json': noRun, ...files }), 422, 'not_a_run'],
    ];
    const before = await holdings();
    for (const [what, crate, status, code, reason] of cases) {
      const res = await importCrate(alice.token, 'in', crate);
      expect({ what, status: res.status, code: res.body.error?.code, reason: res.body.error?.details?.reason, message: res.body.error?.message }).toEqual({ what, status, code, reason, message: expect.any(String) });
      expect(res.body.error.message.length).toBeGreaterThan(10);
      expect(await holdings()).toEqual(before);
    }
  });

  it('imports only into the caller\'s own projects (404 for another\'s private one)', async () => {
    const bob = await api.user();
    await api.request().post('/api/v1/project/push/mine').set(bearer(bob.token)).send({}).expect(201);
    const carol = await api.user();
    const project = await api.request().get('/api/v1/project/pull/mine').set(bearer(bob.token)).expect(200);
    const crate = await zipOf({ 'ro-crate-metadata.json': readFileSync(path.join(here, 'fixtures', 'imagemagick-run.json'), 'utf8') });
    const res = await importCrate(carol.token, project.body.id as string, crate);
    expect(res.status).toBe(404);
  });
});

describe('validation by the community\'s tools', () => {
  it('every exported crate loads in ro-crate-py, meets the Process Run Crate requirements and reads in runcrate; every PROV document loads in prov', async () => {
    const found = await checkExports(exports);
    expect(Object.keys(found).length).toBe(saved);
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((name) => [name, []])));
  }, 120_000);
});

/** A crate's graph without what differs between two records of the same run: ids, links and the dates of the records themselves. */
function comparable(graph: Map<string, Entity>): Record<string, Record<string, unknown>> {
  const volatile = new Set(['identifier', 'url', 'datePublished', 'reprise:created', 'reprise:updated', 'reprise:project', 'reprise:user']);
  const entries = [...graph.entries()].filter(([id]) => id !== './' && id !== 'ro-crate-metadata.json');
  return Object.fromEntries(entries.map(([id, entity]) => [id, Object.fromEntries(Object.entries(entity).filter(([key]) => !volatile.has(key)))]));
}
