import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { ApiClient } from '../../api-client.js';
import { ApiError, AuthenticationError, isRetryable, NotFoundError } from '../../errors.js';
import { gitState, type GitState } from '../../node/detect.js';
import { isFile } from '../../node/files.js';
import { DurableQueue } from '../../node/queue.js';
import { recordRun } from '../../node/run.js';
import { RecordStore } from '../../node/store.js';
import type { ProjectDetail } from '../../types.js';
import { PROJECT, type CommandSpec, type Context, type Invocation } from '../command.js';
import { clientOf, projectOf } from '../context.js';
import { CliError, EXIT, usageError } from '../exit.js';
import { formatDuration, ProgressBar } from '../output.js';

/** `reprise run`. */
export const spec = {
  name: 'run',
  summary: 'Run any command and record it: program, git state, parameters, inputs, outputs, dependencies, host, logs',
  usage: 'reprise run [--project P] [--input FILE …] [--output-dir DIR …] [options] -- <command> [args…]',
  details:
    'The record is created (started) before the command starts, then updated (running, heartbeats)\n' +
    'and ended finished (exit 0), crashed (non-zero exit or signal) or aborted (interrupted).\n' +
    'When the server refuses the record (a label the project already has, a project that does not\n' +
    'exist, unless --create-project) the command does not run and reprise exits 1.\n' +
    "The record's container is the one given with --container, else the project's latest container\n" +
    'built from the git commit checked out here (same repository when both know it), else none.\n' +
    'Inputs with .json/.yaml/.yml/.toml/.ini/.cfg/.param extensions are read as parameters.\n' +
    'Outputs are the files created or changed under the output directories during the run.\n' +
    'Metrics are read after the command exits from the JSON file given with --metrics (numbers by\n' +
    'name; nested objects give dotted names), and --metric K=V adds or overrides one.\n' +
    "The command's stdout and stderr go to the terminal as usual (with --json, its stdout goes to\n" +
    "stderr) and the last 1 MiB of each is kept. reprise exits with the command's exit code; when the\n" +
    'server is unreachable the record waits in the local queue (a warning says so): `reprise sync`.',
  passthrough: true,
  options: {
    project: PROJECT,
    label: { type: 'string', description: 'The record label, new in the project (default: a timestamp label).', value: 'LABEL' },
    container: { type: 'string', description: "The container (an id of the project's) the run happens in.", value: 'ID' },
    'create-project': { type: 'boolean', description: 'Create the project (private) when it does not exist yet.' },
    input: { type: 'string', short: 'i', multiple: true, description: 'An input file (repeatable).', value: 'FILE' },
    'output-dir': { type: 'string', short: 'o', multiple: true, description: 'Where outputs appear (repeatable; default .).', value: 'DIR' },
    param: { type: 'string', multiple: true, description: 'A parameter key=value (repeatable; JSON values allowed).', value: 'K=V' },
    metrics: { type: 'string', description: 'A JSON file of metrics ({name: number}) the command writes, read after it exits.', value: 'FILE' },
    metric: { type: 'string', multiple: true, description: 'A metric name=number (repeatable).', value: 'K=V' },
    tag: { type: 'string', multiple: true, description: 'A tag (repeatable).', value: 'TAG' },
    reason: { type: 'string', description: 'Why this run.', value: 'TEXT' },
    heartbeat: { type: 'string', description: 'Seconds between heartbeats (default 30).', value: 'SECONDS' },
    wait: { type: 'string', description: 'Seconds to wait for the upload at the end before leaving it queued (default 120).', value: 'SECONDS' },
    'no-deps': { type: 'boolean', description: 'Do not probe pip/npm/conda/renv.' },
    'no-upload': { type: 'boolean', description: 'Record digests of inputs and outputs without uploading them.' },
  },
} as const satisfies CommandSpec;

/**
 * Runs the command after `--` and records it; exits with the command's own code. Everything that
 * can refuse the run (usage, token, project, label) does so before the command starts.
 */
export async function run(context: Context, { values, positionals, rest }: Invocation<typeof spec.options>): Promise<number> {
  if (positionals.length > 0 || rest.length === 0) {
    throw usageError('Put the command after --, e.g. `reprise run --project sim -- python sim.py params.json`.');
  }
  const project = projectOf(context, values);
  const heartbeat = numberOption(values.heartbeat, '--heartbeat', 30);
  const wait = numberOption(values.wait, '--wait', 120);
  const parameters: Record<string, unknown> = {};
  for (const pair of values.param ?? []) {
    const match = /^([^=]+)=(.*)$/s.exec(pair);
    if (!match?.[1]) throw usageError(`--param takes key=value (got "${pair}").`);
    parameters[match[1]] = parseValue(match[2] ?? '');
  }
  const metrics: Record<string, number> = {};
  for (const pair of values.metric ?? []) {
    const match = /^([^=]+)=(.*)$/s.exec(pair);
    const number = Number(match?.[2]?.trim() || Number.NaN);
    if (!match?.[1] || !Number.isFinite(number)) throw usageError(`--metric takes name=number (got "${pair}").`);
    metrics[match[1]] = number;
  }
  for (const input of values.input ?? []) {
    if (!(await isFile(input))) throw usageError(`The input ${input} is not a file.`);
  }
  for (const dir of values['output-dir'] ?? []) {
    const info = await stat(dir).catch(() => null);
    if (!info?.isDirectory()) throw usageError(`The output directory ${dir} does not exist.`);
  }
  const client = clientOf(context);
  const queue = new DurableQueue(context.settings.queueDir);
  if (values['create-project']) {
    // Through the queue: when the server is away, the record's creation waits behind this push.
    const push = await queue.enqueue({ kind: 'pushProject', project, body: {} });
    const { deliveries } = await queue.flush(client, { ignoreBackoff: true, waitForLockMs: 30_000, only: (entry) => entry.id === push.id });
    const mine = deliveries.find((delivery) => delivery.id === push.id);
    if (mine?.state === 'failed') {
      await queue.forgetFailed(push.id);
      throw mine.error;
    }
  }
  const container = values.container !== undefined ? values.container : await matchingContainer(client, project, await gitState(process.cwd()));
  const problems: string[] = [];
  const store = new RecordStore({
    client,
    queue,
    onDelivery: (_entry, delivery) => {
      if (delivery.state === 'failed') problems.push(delivery.error.message);
      if (delivery.state === 'delivered' || delivery.state === 'failed') return;
      if (delivery.error instanceof AuthenticationError) problems.push(delivery.error.message);
    },
  });
  const result = await recordRun({
    store,
    project,
    command: rest,
    ...(values.label ? { label: values.label } : {}),
    container,
    inputs: values.input ?? [],
    parameters,
    metrics,
    ...(values.metrics ? { metricsFile: values.metrics } : {}),
    outputDirs: values['output-dir'] ?? [],
    tags: values.tag ?? [],
    ...(values.reason ? { reason: values.reason } : {}),
    heartbeatSeconds: heartbeat,
    detectDependencies: !values['no-deps'],
    upload: !values['no-upload'],
    exclude: [queue.dir, path.dirname(context.settings.configFile)],
    // With --json the CLI's stdout carries only the JSON result.
    stdout: context.json ? context.terminal.stderr : context.terminal.stdout,
    stderr: context.terminal.stderr,
    onWarning: (message) => context.terminal.stderr.write(`reprise: ${message}\n`),
  }).catch(async (error: unknown) => {
    await store.close();
    throw refusalOf(error, project, values.label);
  });
  const bar = new ProgressBar(context.terminal, 'uploading', !context.json);
  const drained = await store.drain(wait * 1000, { onProgress: (_entry, sent, total) => bar.update(sent, total) });
  bar.done();
  await store.close();
  const summary = {
    project: result.project,
    label: result.label,
    status: result.status,
    exitCode: result.exitCode,
    signal: result.signal,
    duration: result.duration,
    container,
    inputs: result.inputs.map((input) => input.name ?? path.basename(input.file)),
    outputs: result.outputs.map((output) => output.path ?? output.name ?? output.file),
    delivered: drained.pending === 0 && problems.length === 0,
    pending: drained.pending,
    failed: problems,
  };
  if (context.json) context.terminal.stdout.write(`${JSON.stringify(summary)}\n`);
  else {
    const where = container ? `container ${container}` : 'no container';
    context.terminal.stderr.write(`reprise: recorded ${result.project}/${result.label}: ${result.status}, ${formatDuration(result.duration)}, ${result.outputs.length} output(s), ${where}.\n`);
  }
  for (const problem of problems) context.terminal.stderr.write(`reprise: warning: ${problem}\n`);
  if (drained.pending > 0) {
    context.terminal.stderr.write(`reprise: warning: the server did not take ${drained.pending} write(s) of this record yet; they are queued in ${queue.dir}: run \`reprise sync\`.\n`);
  }
  return result.exitCode;
}

/**
 * The container a run here happens in: the project's latest one whose source is the commit
 * checked out here (and the same repository, when both know it); null when none is, when the
 * working directory is not under git, or when the server cannot be reached to tell.
 */
async function matchingContainer(client: ApiClient, project: string, git: GitState | null): Promise<string | null> {
  let detail: ProjectDetail;
  try {
    detail = await client.projects.pull(project);
  } catch (error) {
    if (error instanceof NotFoundError) throw refusalOf(error, project, undefined);
    if (isRetryable(error)) return null;
    throw error;
  }
  if (!git?.commit) return null;
  const matches = detail.containers.filter((item) => item.version.commit === git.commit && sameRepository(item.version.repository ?? null, git.repository));
  return matches.at(-1)?.id ?? null;
}

/** Two remotes of the same repository (https, ssh or scp-like forms, with or without .git); unknown matches anything. */
function sameRepository(a: string | null, b: string | null): boolean {
  if (!a || !b) return true;
  const normal = (url: string) =>
    url
      .trim()
      .toLowerCase()
      .replace(/^[a-z+]+:\/\//, '')
      .replace(/^[^@/]+@/, '')
      .replace(/^([^/:]+):(?!\d)/, '$1/')
      .replace(/\.git\/?$|\/+$/, '');
  return normal(a) === normal(b);
}

/** What to tell the user when the server refused a run's record before the command ran. */
function refusalOf(error: unknown, project: string, label: string | undefined): unknown {
  if (!(error instanceof ApiError)) return error;
  const nothing = 'Nothing was run and nothing changed on the server.';
  if (error.code === 'label_taken') return new CliError(`Project "${project}" already has a record labelled "${label ?? ''}"; choose another --label. ${nothing}`, EXIT.failed);
  if (error instanceof NotFoundError) {
    return new CliError(`Project "${project}" does not exist (or is not yours); create it with \`reprise project push ${project}\` or give --create-project. Nothing was run.`, EXIT.failed);
  }
  if (error instanceof AuthenticationError) return error;
  return new CliError(`${error.message} ${nothing}`, EXIT.failed);
}

function numberOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0) throw usageError(`${name} takes a number of seconds (got "${value}").`);
  return number;
}

/** A --param value: JSON when it parses (numbers, booleans, lists), else the text. */
function parseValue(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
