import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../api-client.js';
import { cli, ensureBuilt, useApiServer, useCliHome } from '../test/harness.js';

const server = useApiServer();
const home = useCliHome();
const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

beforeAll(() => {
  ensureBuilt();
}, 120_000);

describe('reprise export and reprise import', () => {
  it('exports a record as a crate and a citation, and imports the crate into another project with its files', async () => {
    const { token } = await server.user();
    const env = home.env({ REPRISE_URL: server.url, REPRISE_TOKEN: token });
    const client = new ApiClient({ url: server.url, token });
    await client.projects.push('sim', { private: false });
    await client.projects.push('copy', {});
    await client.records.push('sim', { label: 'run-1', status: 'finished', parameters: { seed: 7 }, program: { command: 'python', entryPoint: 'sim.py' } });
    const output = Buffer.from('dimension 1.7093\n');
    await client.files.push('sim', 'run-1', { outputs: [{ name: 'out.txt', data: new Blob([output]) }] });

    const crate = path.join(home.root, 'run.crate.zip');
    const exported = await cli(['export', '--project', 'sim', 'run-1', '--output', crate, '--json'], { env });
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({ file: crate, format: 'ro-crate', size: statSync(crate).size });
    expect(readFileSync(crate).subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');

    const bib = await cli(['export', '--project', 'sim', 'run-1', '--format', 'bibtex', '--output', '-'], { env });
    expect(bib.code).toBe(0);
    expect(bib.stdout).toMatch(/^@misc\{reprise_record_[0-9a-f]{24},/);

    const imported = await cli(['import', '--project', 'copy', crate], { env });
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/^Imported copy\/run-1 \(record [0-9a-f]{24}, 0 inputs, 1 outputs\)\./);
    const record = await client.records.display('copy', 'run-1');
    expect(record).toMatchObject({ status: 'finished', parameters: { seed: 7 }, outputs: [expect.objectContaining({ name: 'out.txt', sha256: sha256(output) })] });

    writeFileSync(path.join(home.root, 'not.zip'), 'plain text');
    const refused = await cli(['import', '--project', 'copy', path.join(home.root, 'not.zip')], { env });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('not a zip archive');
  });

  it('refuses to write over an existing file without --force, leaving it as it was, and writes over it with --force', async () => {
    const { token } = await server.user();
    const env = home.env({ REPRISE_URL: server.url, REPRISE_TOKEN: token });
    const client = new ApiClient({ url: server.url, token });
    await client.projects.push('cite', { private: false });
    await client.records.push('cite', { label: 'run-1', status: 'finished' });
    const target = path.join(home.root, 'run.bib');
    writeFileSync(target, 'mine');

    const refused = await cli(['export', '--project', 'cite', 'run-1', '--format', 'bibtex', '--output', target], { env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${target} exists; give --force to overwrite it or --output another path.`);
    expect(readFileSync(target, 'utf8')).toBe('mine');

    const forced = await cli(['export', '--project', 'cite', 'run-1', '--format', 'bibtex', '--output', target, '--force', '--json'], { env });
    expect(forced.stderr).toBe('');
    expect(forced.code).toBe(0);
    const written = readFileSync(target);
    expect(JSON.parse(forced.stdout)).toEqual({ file: target, size: written.length, sha256: sha256(written), format: 'bibtex' });
    expect(written.toString('utf8')).toMatch(/^@misc\{reprise_record_[0-9a-f]{24},/);
  });
});
