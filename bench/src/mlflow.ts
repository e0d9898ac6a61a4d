/**
 * MLflow's tracking server as a peer to compare with: installed from PyPI into a virtual
 * environment under .cache/ (once, then reused) and started on its defaults, with its SQLite
 * backend store in a directory of its own.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { ensureVenv, freePort, venvDir } from '@reprise/tools';

/** The MLflow release the peer benchmark measures. */
export const MLFLOW_VERSION = '3.17.2';
const VENV = venvDir('mlflow-venv');
const MLFLOW = path.join(VENV, 'bin', 'mlflow');
const INSTALL_TIMEOUT_MS = 20 * 60_000;
const READY_TIMEOUT_MS = 600_000;

function run(command: string, args: string[], timeout: number): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: `${stdout}${stderr}` });
    });
  });
}

/** Installs MLflow into .cache/mlflow-venv unless that version is there already. */
export async function ensureMlflow(log: (message: string) => void): Promise<void> {
  const ready = async () => existsSync(MLFLOW) && (await run(MLFLOW, ['--version'], 120_000)).output.includes(MLFLOW_VERSION);
  await ensureVenv('mlflow-venv', [`mlflow==${MLFLOW_VERSION}`], { ready, log, timeoutMs: INSTALL_TIMEOUT_MS });
}

/** A running `mlflow server`. */
export interface MlflowServer {
  readonly url: string;
  /** The process group of the server and its workers. */
  readonly group: number;
  /** Everything it wrote so far (the tail). */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts `mlflow server` on 127.0.0.1 with its backend store in SQLite under `dir` and its
 * artifacts beside it; every other setting (the number of workers among them) is MLflow's
 * default. Resolves once /health answers.
 */
export async function startMlflow(dir: string): Promise<MlflowServer> {
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  // Its own process group: the server forks workers, and stop() ends them all.
  const child = spawn(
    MLFLOW,
    ['server', '--host', '127.0.0.1', '--port', String(port), '--backend-store-uri', `sqlite:///${path.join(dir, 'mlflow.db')}`, '--artifacts-destination', path.join(dir, 'artifacts')],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: `${path.join(VENV, 'bin')}:${process.env.PATH ?? ''}`, HOME: dir } },
  );
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-200_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const group = child.pid;
  if (group === undefined) throw new Error('mlflow server did not start');
  const killOnExit = () => process.kill(-group, 'SIGKILL');
  process.once('exit', killOnExit);
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode !== null) return;
    try {
      process.kill(-group, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-group, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, 10_000);
    await exited;
    clearTimeout(timer);
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`mlflow server exited with ${child.exitCode}:\n${output.slice(-4000)}`);
    const healthy = await fetch(`${url}/health`)
      .then((res) => res.ok)
      .catch(() => false);
    if (healthy) return { url, group, output: () => output, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`mlflow server did not answer /health within ${READY_TIMEOUT_MS / 1000} s:\n${output.slice(-4000)}`);
}
