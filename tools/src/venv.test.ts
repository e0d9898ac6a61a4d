import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureVenv, venvDir } from './venv.js';

const names: string[] = [];
const scratch = mkdtempSync(path.join(tmpdir(), 'reprise-venv-'));

/** A venv name of this test's own under .cache/, removed afterwards. */
function venvName(what: string): string {
  const name = `test-${what}-${process.pid}`;
  names.push(name);
  return name;
}

/** A wheel of one module, `probe_pkg` (VERSION = '1.0'), built here so that pip needs no network. */
function probeWheel(): string {
  const wheel = path.join(scratch, 'probe_pkg-1.0-py3-none-any.whl');
  const files = {
    'probe_pkg/__init__.py': "VERSION = '1.0'\n",
    'probe_pkg-1.0.dist-info/METADATA': 'Metadata-Version: 2.1\nName: probe-pkg\nVersion: 1.0\n',
    'probe_pkg-1.0.dist-info/WHEEL': 'Wheel-Version: 1.0\nGenerator: reprise-test\nRoot-Is-Purelib: true\nTag: py3-none-any\n',
    'probe_pkg-1.0.dist-info/RECORD': 'probe_pkg/__init__.py,,\nprobe_pkg-1.0.dist-info/METADATA,,\nprobe_pkg-1.0.dist-info/WHEEL,,\nprobe_pkg-1.0.dist-info/RECORD,,\n',
  };
  const script = 'import json, sys, zipfile\nwith zipfile.ZipFile(sys.argv[1], "w") as w:\n  for name, text in json.loads(sys.argv[2]).items(): w.writestr(name, text)\n';
  execFileSync('python3', ['-c', script, wheel, JSON.stringify(files)]);
  return wheel;
}

afterAll(() => {
  for (const name of names) rmSync(venvDir(name), { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

describe('ensureVenv', () => {
  it('reuses a venv stamped with its exact package list, running neither python nor pip', async () => {
    const name = venvName('stamped');
    // Requirements pip could not install: reaching pip would fail the call.
    const packages = ['missing-a-1.0-py3-none-any.whl', 'missing-b==2'];
    mkdirSync(path.join(venvDir(name), packages.join('+')), { recursive: true });
    writeFileSync(path.join(venvDir(name), 'kept'), '');
    expect(await ensureVenv(name, packages)).toBe(venvDir(name));
    expect(existsSync(path.join(venvDir(name), 'kept'))).toBe(true);
  });

  it('rebuilds a half-made venv from scratch, installs the packages, and reuses the result on the next call', async () => {
    const name = venvName('installed');
    const wheel = probeWheel();
    mkdirSync(venvDir(name), { recursive: true });
    writeFileSync(path.join(venvDir(name), 'left-by-an-interrupted-install'), '');
    const told: string[] = [];

    const dir = await ensureVenv(name, [wheel], { log: (message) => told.push(message) });
    expect(dir).toBe(venvDir(name));
    expect(existsSync(path.join(dir, 'left-by-an-interrupted-install'))).toBe(false);
    expect(execFileSync(path.join(dir, 'bin', 'python'), ['-c', 'import probe_pkg; print(probe_pkg.VERSION)'], { encoding: 'utf8' }).trim()).toBe('1.0');
    expect(told).toEqual([`installing ${wheel} from PyPI into .cache/${name} (once)…`]);

    writeFileSync(path.join(dir, 'kept'), '');
    await ensureVenv(name, [wheel], { log: (message) => told.push(message) });
    expect(existsSync(path.join(dir, 'kept'))).toBe(true);
    expect(told).toHaveLength(1);
  }, 10 * 60_000);
});
