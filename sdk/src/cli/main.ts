import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { ApiClient } from '../api-client.js';
import { ApiError, AuthenticationError, isRetryable, NetworkError, NotFoundError, RepriseError, ServerError } from '../errors.js';
import type { Container, ContainerPush, Project, ProjectDetail, ProjectPush, RecordAtom, RecordStatus, RecordSummary } from '../types.js';
import { readUserConfig, resolveSettings, writeUserConfig, type Settings } from '../node/config.js';
import { gitState, type GitState } from '../node/detect.js';
import { hashFile, isFile, mediaTypeOf, saveDownload } from '../node/files.js';
import { DurableQueue, type QueuedOperation, type QueueEntry } from '../node/queue.js';
import { recordRun } from '../node/run.js';
import { RecordStore } from '../node/store.js';
import { createNodeClient } from '../node.js';
import { formatBytes, formatDuration, ProgressBar, table, type Terminal } from './output.js';

/** Exit codes of the CLI (`reprise run` exits with the command's own code instead). */
const EXIT = {
  ok: 0,
  /** The server refused the request (4xx other than 401), or `sync` found operations that failed for good. */
  failed: 1,
  /** Bad command line. */
  usage: 2,
  /** No token, or the server rejected it. */
  auth: 3,
  /** The server is unreachable or failing (network error, 5xx) and nothing was queued. */
  unreachable: 4,
  /** A bug in the CLI. */
  internal: 70,
  /** The server is unreachable: the write waits in the local queue (`reprise sync` delivers it). sysexits EX_TEMPFAIL. */
  queued: 75,
} as const;

/** A failure the CLI reports with a message and a given exit code. */
class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

type OptionSpec = { type: 'string' | 'boolean'; multiple?: boolean; short?: string; description: string; value?: string };

interface Context {
  settings: Settings;
  env: NodeJS.ProcessEnv;
  terminal: Terminal;
  json: boolean;
}

interface Command {
  name: string;
  summary: string;
  usage: string;
  details?: string;
  options: Record<string, OptionSpec>;
  /** Takes the words after `--` (reprise run). */
  passthrough?: boolean;
  run: (context: Context, values: Record<string, string | boolean | string[] | boolean[] | undefined>, positionals: string[], rest: string[]) => Promise<number>;
}

const COMMON: Record<string, OptionSpec> = {
  json: { type: 'boolean', description: 'Print the result as JSON on stdout (no progress bars).' },
  help: { type: 'boolean', short: 'h', description: 'Show this help.' },
};

const PROJECT: OptionSpec = { type: 'string', short: 'p', description: 'The project (default: $REPRISE_PROJECT).', value: 'NAME' };

const COMMANDS: Command[] = [
  {
    name: 'login',
    summary: 'Store the API URL and token in the user config file (mode 0600)',
    usage: 'reprise login [--url URL] [--token TOKEN]',
    details:
      'Without --token the token is read from the terminal without echo, or from the first line of stdin.\n' +
      'The token is checked against the server first (--no-verify skips that). REPRISE_TOKEN and\n' +
      'REPRISE_URL, when set, take precedence over the file.',
    options: {
      url: { type: 'string', description: 'The API service, e.g. http://localhost:5100.', value: 'URL' },
      token: { type: 'string', description: 'The API token (visible in your shell history: prefer the prompt).', value: 'TOKEN' },
      'no-verify': { type: 'boolean', description: 'Save without checking the token.' },
    },
    run: login,
  },
  {
    name: 'logout',
    summary: 'Remove the token from the user config file',
    usage: 'reprise logout',
    options: {},
    run: logout,
  },
  {
    name: 'project push',
    summary: 'Create a project, or update its description, goals, tags or visibility',
    usage: 'reprise project push <name> [options]',
    options: {
      description: { type: 'string', description: 'What the project is about.', value: 'TEXT' },
      goals: { type: 'string', description: 'What it tries to show.', value: 'TEXT' },
      tag: { type: 'string', multiple: true, description: 'A tag (repeatable; replaces the tags).', value: 'TAG' },
      public: { type: 'boolean', description: 'Make it visible to everybody.' },
      private: { type: 'boolean', description: 'Make it visible to you only (the default for new projects).' },
    },
    run: projectPush,
  },
  {
    name: 'project pull',
    summary: 'Show a project with its container history and record counts',
    usage: 'reprise project pull <name-or-id>',
    options: {},
    run: projectPull,
  },
  {
    name: 'container push',
    summary: "Push a container version (its image, and the source's git state) to a project's history",
    usage: 'reprise container push --system docker --image image.tar [--project P] [options]',
    details:
      'The git commit, branch, tag, remote, dirty state and the sha256 of `git diff HEAD` of the working\n' +
      'tree (--repo, default the current directory) are recorded automatically.',
    options: {
      project: PROJECT,
      system: { type: 'string', description: 'docker, singularity, podman, oci, rocket, …', value: 'SYSTEM' },
      image: { type: 'string', description: 'The image file to upload (e.g. from `docker save`).', value: 'FILE' },
      reference: { type: 'string', description: 'Or: the image in a registry (needs --digest).', value: 'REF' },
      digest: { type: 'string', description: 'The registry digest of --reference.', value: 'DIGEST' },
      repo: { type: 'string', description: 'The source tree whose git state is recorded (default: .).', value: 'DIR' },
      'no-git': { type: 'boolean', description: 'Do not record git state.' },
    },
    run: containerPush,
  },
  {
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
      "The command's stdout and stderr go to the terminal as usual (with --json, its stdout goes to\n" +
      'stderr) and the last 1 MiB of each is kept. reprise exits with the command\'s exit code; when the\n' +
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
      tag: { type: 'string', multiple: true, description: 'A tag (repeatable).', value: 'TAG' },
      reason: { type: 'string', description: 'Why this run.', value: 'TEXT' },
      heartbeat: { type: 'string', description: 'Seconds between heartbeats (default 30).', value: 'SECONDS' },
      wait: { type: 'string', description: 'Seconds to wait for the upload at the end before leaving it queued (default 120).', value: 'SECONDS' },
      'no-deps': { type: 'boolean', description: 'Do not probe pip/npm/conda/renv.' },
      'no-upload': { type: 'boolean', description: 'Record digests of inputs and outputs without uploading them.' },
    },
    run: runCommand,
  },
  {
    name: 'records',
    summary: "List a project's records (or search all records you can see)",
    usage: 'reprise records [--project P] [options]',
    options: {
      project: { ...PROJECT, description: 'The project (default: $REPRISE_PROJECT; without one, search everything).' },
      status: { type: 'string', description: 'Only this status.', value: 'STATUS' },
      tag: { type: 'string', description: 'Only this tag.', value: 'TAG' },
      'label-prefix': { type: 'string', description: 'Only labels starting with this.', value: 'TEXT' },
      query: { type: 'string', short: 'q', description: 'Search label, reason, outcome and tags.', value: 'TEXT' },
      limit: { type: 'string', description: 'At most this many (default 20).', value: 'N' },
      all: { type: 'boolean', description: 'Every matching record, page after page.' },
    },
    run: records,
  },
  {
    name: 'show',
    summary: 'Show one record with every field',
    usage: 'reprise show [--project P] <record>',
    options: { project: PROJECT },
    run: show,
  },
  {
    name: 'pull',
    summary: "Download a record's container image (or one of its files)",
    usage: 'reprise pull [--project P] [<record>] [--file NAME] [--output PATH]',
    details: "Without <record>, the project's latest record. The download is checked against the server's sha256.",
    options: {
      project: PROJECT,
      file: { type: 'string', short: 'f', description: 'An input or output (name, sha256 or id) instead of the image.', value: 'NAME' },
      output: { type: 'string', short: 'o', description: 'Where to write (default: the name the server gives, here; - for stdout).', value: 'PATH' },
      force: { type: 'boolean', description: 'Overwrite an existing file.' },
    },
    run: pull,
  },
  {
    name: 'sync',
    summary: 'Deliver the writes waiting in the local queue; report the ones that failed',
    usage: 'reprise sync [--retry-failed | --clear-failed]',
    details: 'Exits 0 when the queue is empty, 75 when writes still wait (server unreachable), 1 when some failed for good.',
    options: {
      'retry-failed': { type: 'boolean', description: 'Put failed writes back in the queue first.' },
      'clear-failed': { type: 'boolean', description: 'Delete the failed writes.' },
    },
    run: sync,
  },
];

/** Runs the CLI; resolves with the exit code. */
export async function main(argv: string[], env: NodeJS.ProcessEnv, terminal: Terminal): Promise<number> {
  // Before the parse succeeds, errors still honour --json (but not a --json meant for `run`'s command).
  const json = (argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv).includes('--json');
  try {
    const [first, second] = argv;
    if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
      terminal.stdout.write(overview());
      return first === undefined ? EXIT.usage : EXIT.ok;
    }
    if (first === '--version' || first === '-v') {
      terminal.stdout.write(`${version()}\n`);
      return EXIT.ok;
    }
    const command = COMMANDS.find((item) => item.name === `${first} ${second}`) ?? COMMANDS.find((item) => item.name === first);
    if (!command) {
      const group = COMMANDS.filter((item) => item.name.startsWith(`${first} `));
      if (group.length > 0) throw new CliError(`reprise ${first}: say what to do: ${group.map((item) => item.name.split(' ')[1]).join(', ')}.`, EXIT.usage);
      throw new CliError(`Unknown command "${first}". Run \`reprise --help\` for the list.`, EXIT.usage);
    }
    const words = argv.slice(command.name.split(' ').length);
    const separator = command.passthrough ? words.indexOf('--') : -1;
    const own = separator >= 0 ? words.slice(0, separator) : words;
    const rest = separator >= 0 ? words.slice(separator + 1) : [];
    const options = { ...command.options, ...COMMON };
    let parsed: { values: Record<string, string | boolean | string[] | boolean[] | undefined>; positionals: string[] };
    try {
      parsed = parseArgs({ args: own, options: options as ParseArgsConfig['options'], allowPositionals: true, strict: true });
    } catch (error) {
      throw new CliError(`${(error as Error).message.replace(/\. To specify.*$/s, '.')}\nRun \`reprise ${command.name} --help\` for its options.`, EXIT.usage);
    }
    if (parsed.values.help) {
      terminal.stdout.write(helpOf(command));
      return EXIT.ok;
    }
    const settings = await resolveSettings(env);
    return await command.run({ settings, env, terminal, json: Boolean(parsed.values.json) }, parsed.values, parsed.positionals, rest);
  } catch (error) {
    return report(error, terminal, json);
  }
}

function report(error: unknown, terminal: Terminal, json: boolean): number {
  let code: number;
  let message: string;
  if (error instanceof CliError) {
    code = error.exitCode;
    message = error.message;
  } else if (error instanceof AuthenticationError) {
    code = EXIT.auth;
    message = `${error.message} Run \`reprise login\` or set REPRISE_TOKEN.`;
  } else if (error instanceof NetworkError || error instanceof ServerError) {
    code = EXIT.unreachable;
    message = error.message;
  } else if (error instanceof ApiError) {
    code = EXIT.failed;
    message = error.message;
  } else if (error instanceof RepriseError || (error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string')) {
    code = EXIT.failed;
    message = (error as Error).message;
  } else {
    code = EXIT.internal;
    message = `internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
  }
  if (json) {
    const body: Record<string, unknown> = { code: error instanceof ApiError ? error.code : code === EXIT.usage ? 'usage' : code === EXIT.auth ? 'unauthorized' : code === EXIT.unreachable ? 'unreachable' : 'error', message, exitCode: code };
    if (error instanceof ApiError) {
      body.status = error.status;
      if (error.details !== undefined) body.details = error.details;
    }
    terminal.stdout.write(`${JSON.stringify({ error: body })}\n`);
  }
  terminal.stderr.write(`reprise: ${message}\n`);
  return code;
}

function overview(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return [
    'reprise: record runs of any program and push them to Reprise.',
    '',
    'Usage: reprise <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Run `reprise <command> --help` for its options. Every command takes --json.',
    '',
    'Environment: REPRISE_URL, REPRISE_TOKEN, REPRISE_PROJECT, REPRISE_QUEUE_DIR, XDG_CONFIG_HOME, XDG_DATA_HOME.',
    '',
    'Exit codes: 0 done; 1 refused by the server (or failed writes in `sync`); 2 usage; 3 authentication;',
    '4 server unreachable, nothing queued; 75 server unreachable, write queued for `reprise sync`;',
    "70 internal error. `reprise run` exits with the command's own code (128+n for signal n, 127 not found).",
    '',
  ].join('\n');
}

function helpOf(command: Command): string {
  const options = { ...command.options, ...COMMON };
  const rows = Object.entries(options).map(([name, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.type === 'string' ? ` ${spec.value ?? 'VALUE'}` : ''}`;
    return [flag, spec.description + (spec.multiple ? '' : '')];
  });
  const width = Math.max(...rows.map((row) => (row[0] ?? '').length));
  return [
    `${command.summary}.`,
    '',
    `Usage: ${command.usage}`,
    ...(command.details ? ['', command.details] : []),
    '',
    'Options:',
    ...rows.map(([flag, description]) => `  ${(flag ?? '').padEnd(width)}  ${description ?? ''}`),
    '',
  ].join('\n');
}

function version(): string {
  try {
    const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
    return (JSON.parse(text) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function clientOf(context: Context): ApiClient {
  const { token, url } = context.settings;
  if (!token) throw new CliError('No API token: run `reprise login` or set REPRISE_TOKEN.', EXIT.auth);
  return createNodeClient({ url, token, headers: { 'User-Agent': `reprise-cli/${version()}` } });
}

function projectOf(context: Context, values: Record<string, unknown>): string {
  const project = (values.project as string | undefined) ?? context.settings.project;
  if (!project) throw new CliError('Which project? Give --project or set REPRISE_PROJECT.', EXIT.usage);
  return project;
}

function print(context: Context, value: unknown, human: () => string): void {
  context.terminal.stdout.write(context.json ? `${JSON.stringify(value)}\n` : `${human()}\n`);
}

/**
 * Sends a write through the durable queue and waits for it: delivered → its result; refused for
 * good → the error (and it is not kept in failed/, since the user sees it now); server away →
 * it stays queued and the command exits 75.
 */
async function submit(context: Context, client: ApiClient, operation: QueuedOperation, label: string): Promise<unknown> {
  const queue = new DurableQueue(context.settings.queueDir);
  const entry = await queue.enqueue(operation);
  const bar = new ProgressBar(context.terminal, label, !context.json);
  const { deliveries } = await queue.flush(client, {
    waitForLockMs: 30_000,
    onProgress: (item, sent, total) => {
      if (item.id === entry.id) bar.update(sent, total);
    },
  });
  bar.done();
  const mine = deliveries.find((delivery) => delivery.id === entry.id);
  if (mine?.state === 'delivered') return mine.result;
  if (mine?.state === 'failed') {
    await queue.forgetFailed(entry.id);
    throw mine.error;
  }
  const why = mine?.state === 'pending' ? mine.error.message : 'earlier writes of this project are waiting';
  if (context.json) context.terminal.stdout.write(`${JSON.stringify({ queued: true, id: entry.id, reason: why })}\n`);
  context.terminal.stderr.write(`reprise: not delivered (${why}); it is queued in ${queue.dir}: run \`reprise sync\` later.\n`);
  return QUEUED;
}

const QUEUED = Symbol('queued');

async function login(context: Context, values: Record<string, unknown>): Promise<number> {
  const file = context.settings.configFile;
  const current = await readUserConfig(file);
  // The API's address is its origin (and base path): a URL copied with the /api/v1 the routes start with means the same service.
  const url = ((values.url as string | undefined) ?? current.url ?? context.settings.url).replace(/\/+$/, '').replace(/\/api\/v1$/, '');
  if (!/^https?:\/\/[^/]+/.test(url)) throw new CliError(`--url must be an http(s) URL (got "${url}").`, EXIT.usage);
  let token = (values.token as string | undefined)?.trim();
  if (!token) token = await readToken(context.terminal);
  if (!token) throw new CliError('No token given.', EXIT.usage);
  if (!values['no-verify']) {
    // Only a 401 from a Reprise API means the token is wrong: ask the URL what it is first.
    await checkIsApi(url);
    const client = createNodeClient({ url, token });
    await client.search.projects({ mine: true, limit: 1 });
  }
  await writeUserConfig(file, { ...current, url, token });
  print(context, { url, configFile: file, verified: !values['no-verify'] }, () => `Logged in to ${url}; the token is in ${file} (readable by you only).`);
  return EXIT.ok;
}

/** Throws a clear error unless `url` answers as a Reprise API (its OpenAPI document needs no token). */
async function checkIsApi(url: string): Promise<void> {
  const spec = `${url}/api/v1/openapi.yaml`;
  let response: Response;
  try {
    response = await fetch(spec, { signal: AbortSignal.timeout(30_000), headers: { Accept: 'application/yaml, */*' } });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new CliError(`Cannot reach ${url} (${cause}): is the Reprise API running there? Check --url.`, EXIT.unreachable);
  }
  const text = response.ok ? await response.text().catch(() => '') : '';
  if (!response.ok) await response.body?.cancel().catch(() => undefined);
  if (!/^openapi:/m.test(text) || !/^ {2}title: Reprise\b/m.test(text)) {
    const what = response.ok ? 'something else' : `${response.status} ${response.statusText}`.trim();
    throw new CliError(
      `${url} is not a Reprise API (${spec} answered ${what}). Give --url the address of the Reprise API or of its dashboard, e.g. http://localhost:5100.`,
      EXIT.usage,
    );
  }
}

async function readToken(terminal: Terminal): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    const lines = createInterface({ input });
    for await (const line of lines) {
      lines.close();
      return line.trim();
    }
    return '';
  }
  terminal.stderr.write('API token (from your account page): ');
  input.setRawMode(true);
  input.resume();
  let token = '';
  try {
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        for (const char of chunk.toString('utf8')) {
          if (char === '\r' || char === '\n' || char === '\u0004') {
            input.off('data', onData);
            resolve();
            return;
          }
          if (char === '\u0003') {
            input.off('data', onData);
            reject(new CliError('Cancelled.', EXIT.usage));
            return;
          }
          token = char === '\u007f' ? token.slice(0, -1) : token + char;
        }
      };
      input.on('data', onData);
    });
  } finally {
    input.setRawMode(false);
    input.pause();
    terminal.stderr.write('\n');
  }
  return token.trim();
}

async function logout(context: Context): Promise<number> {
  const file = context.settings.configFile;
  const current = await readUserConfig(file);
  await writeUserConfig(file, { ...(current.url ? { url: current.url } : {}) });
  print(context, { configFile: file }, () => `The token was removed from ${file}.`);
  return EXIT.ok;
}

async function projectPush(context: Context, values: Record<string, unknown>, positionals: string[]): Promise<number> {
  const [name, extra] = positionals;
  if (!name || extra !== undefined) throw new CliError('Usage: reprise project push <name> [options]', EXIT.usage);
  if (values.public && values.private) throw new CliError('--public and --private exclude each other.', EXIT.usage);
  const body: ProjectPush = {};
  if (values.description !== undefined) body.description = values.description as string;
  if (values.goals !== undefined) body.goals = values.goals as string;
  if (values.tag !== undefined) body.tags = [...new Set(values.tag as string[])];
  if (values.public) body.private = false;
  if (values.private) body.private = true;
  const result = await submit(context, clientOf(context), { kind: 'pushProject', project: name, body }, `project ${name}`);
  if (result === QUEUED) return EXIT.queued;
  const project = result as Project;
  print(context, project, () => `Project ${project.name} (${project.id}): ${project.private ? 'private' : 'public'}.`);
  return EXIT.ok;
}

async function projectPull(context: Context, _values: Record<string, unknown>, positionals: string[]): Promise<number> {
  const [name] = positionals;
  if (!name || positionals.length > 1) throw new CliError('Usage: reprise project pull <name-or-id>', EXIT.usage);
  const project = await clientOf(context).projects.pull(name);
  print(context, project, () =>
    [
      `${project.name} (${project.id}), ${project.private ? 'private' : 'public'}, owner ${project.owner.name}`,
      project.description ? `  ${project.description}` : '',
      `  records: ${project.counts.records} (${Object.entries(project.counts.byStatus).map(([status, count]) => `${status} ${count}`).join(', ') || 'none'})`,
      `  containers: ${project.containers.length}`,
      ...project.containers.map((container) => `    #${container.position} ${container.id} ${container.system} ${container.version.commit ?? ''}${container.version.dirty ? ' (dirty)' : ''}`),
    ]
      .filter(Boolean)
      .join('\n'),
  );
  return EXIT.ok;
}

async function containerPush(context: Context, values: Record<string, unknown>, positionals: string[]): Promise<number> {
  if (positionals.length > 0) throw new CliError(`Unexpected argument "${positionals[0]}".`, EXIT.usage);
  const project = projectOf(context, values);
  const system = values.system as string | undefined;
  if (!system) throw new CliError('--system is required (docker, singularity, podman, oci, rocket, …).', EXIT.usage);
  const image = values.image as string | undefined;
  const reference = values.reference as string | undefined;
  const digest = values.digest as string | undefined;
  if (image && reference) throw new CliError('Give --image (a file) or --reference (a registry image), not both.', EXIT.usage);
  if (reference && !digest) throw new CliError('--reference needs --digest.', EXIT.usage);
  const metadata: ContainerPush = { system };
  if (!values['no-git']) {
    const repo = path.resolve((values.repo as string | undefined) ?? '.');
    const git = await gitState(repo);
    if (git) metadata.version = git;
    else if (values.repo) throw new CliError(`${repo} is not in a git work tree.`, EXIT.usage);
  }
  if (reference && digest) metadata.image = { reference, digest };
  let operation: QueuedOperation = { kind: 'pushContainer', project, metadata };
  if (image) {
    const file = path.resolve(image);
    if (!(await isFile(file))) throw new CliError(`The image ${image} is not a file.`, EXIT.usage);
    const { sha256, size } = await hashFile(file);
    const name = path.basename(file);
    operation = { ...operation, image: { file, name, sha256, size, mediaType: mediaTypeOf(name) } };
  }
  const result = await submit(context, clientOf(context), operation, `image ${image ? path.basename(image) : ''}`);
  if (result === QUEUED) return EXIT.queued;
  const container = result as Container;
  print(context, container, () => {
    const version = container.version;
    const source = version.commit ? ` at ${version.commit.slice(0, 12)}${version.branch ? ` (${version.branch})` : ''}${version.dirty ? ', dirty' : ''}` : '';
    const size = container.image?.size ? `, image ${formatBytes(container.image.size)} sha256:${container.image.sha256?.slice(0, 12) ?? ''}` : '';
    return `Container ${container.id} (#${container.position} of ${project}): ${container.system}${source}${size}.`;
  });
  return EXIT.ok;
}

async function runCommand(context: Context, values: Record<string, unknown>, positionals: string[], rest: string[]): Promise<number> {
  if (positionals.length > 0 || rest.length === 0) {
    throw new CliError('Put the command after --, e.g. `reprise run --project sim -- python sim.py params.json`.', EXIT.usage);
  }
  const project = projectOf(context, values);
  const heartbeat = numberOption(values.heartbeat, '--heartbeat', 30);
  const wait = numberOption(values.wait, '--wait', 120);
  const parameters: Record<string, unknown> = {};
  for (const pair of (values.param as string[] | undefined) ?? []) {
    const match = /^([^=]+)=(.*)$/s.exec(pair);
    if (!match?.[1]) throw new CliError(`--param takes key=value (got "${pair}").`, EXIT.usage);
    parameters[match[1]] = parseValue(match[2] ?? '');
  }
  for (const input of (values.input as string[] | undefined) ?? []) {
    if (!(await isFile(input))) throw new CliError(`The input ${input} is not a file.`, EXIT.usage);
  }
  for (const dir of (values['output-dir'] as string[] | undefined) ?? []) {
    const info = await stat(dir).catch(() => null);
    if (!info?.isDirectory()) throw new CliError(`The output directory ${dir} does not exist.`, EXIT.usage);
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
  const container = values.container !== undefined ? (values.container as string) : await matchingContainer(client, project, await gitState(process.cwd()));
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
    ...(values.label ? { label: values.label as string } : {}),
    container,
    inputs: (values.input as string[] | undefined) ?? [],
    parameters,
    outputDirs: (values['output-dir'] as string[] | undefined) ?? [],
    tags: (values.tag as string[] | undefined) ?? [],
    ...(values.reason ? { reason: values.reason as string } : {}),
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
    throw refusalOf(error, project, values.label as string | undefined);
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

function numberOption(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0) throw new CliError(`${name} takes a number of seconds (got "${String(value)}").`, EXIT.usage);
  return number;
}

function parseValue(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

async function records(context: Context, values: Record<string, unknown>, positionals: string[]): Promise<number> {
  if (positionals.length > 0) throw new CliError(`Unexpected argument "${positionals[0]}".`, EXIT.usage);
  const client = clientOf(context);
  const project = (values.project as string | undefined) ?? context.settings.project;
  const limit = values.limit === undefined ? 20 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new CliError(`--limit takes a positive whole number (got "${String(values.limit)}").`, EXIT.usage);
  const filters = {
    ...(values.status ? { status: values.status as RecordStatus } : {}),
    ...(values.tag ? { tag: values.tag as string } : {}),
  };
  const found: RecordSummary[] = [];
  let cursor: string | undefined;
  do {
    const pageSize = values.all ? 100 : Math.min(100, limit - found.length);
    const page = project && !values.query
      ? await client.records.list(project, { ...filters, ...(values['label-prefix'] ? { labelPrefix: values['label-prefix'] as string } : {}), limit: pageSize, ...(cursor ? { cursor } : {}) })
      : await client.search.records({ ...filters, ...(project ? { project } : {}), ...(values.query ? { q: values.query as string } : {}), limit: pageSize, ...(cursor ? { cursor } : {}) });
    found.push(...page.data);
    cursor = page.page.next ?? undefined;
  } while (cursor && (values.all || found.length < limit));
  print(context, { data: found, next: cursor ?? null }, () =>
    found.length === 0
      ? 'No records.'
      : table(
          ['LABEL', 'STATUS', 'CREATED', 'DURATION', project ? 'TAGS' : 'PROJECT'],
          found.map((record) => [record.label, record.status, record.created.replace('T', ' ').slice(0, 19), formatDuration(record.duration), project ? record.tags.join(',') : record.projectName]),
        ),
  );
  return EXIT.ok;
}

async function show(context: Context, values: Record<string, unknown>, positionals: string[]): Promise<number> {
  const [label] = positionals;
  if (!label || positionals.length > 1) throw new CliError('Usage: reprise show [--project P] <record>', EXIT.usage);
  const record = await clientOf(context).records.display(projectOf(context, values), label);
  print(context, record, () => describeRecord(record));
  return EXIT.ok;
}

function describeRecord(record: RecordAtom): string {
  const program = (record.program ?? {}) as { command?: string; arguments?: string[]; versionControl?: { commit?: string | null; branch?: string | null; dirty?: boolean | null } };
  const files = (title: string, list: RecordAtom['inputs']) =>
    (list ?? []).length === 0 ? [] : [`${title}:`, ...(list ?? []).map((file) => `  ${file.path ?? file.name}  ${file.size === null ? '' : formatBytes(file.size)}  ${file.sha256?.slice(0, 12) ?? ''}${file.file ? '' : '  (not uploaded)'}`)];
  const lines = [
    `${record.projectName}/${record.label}  ${record.status}  (${record.id})`,
    `created ${record.created}, duration ${formatDuration(record.duration)}${record.outcome ? `, ${record.outcome}` : ''}`,
    program.command ? `command: ${[program.command, ...(program.arguments ?? [])].join(' ')}` : '',
    program.versionControl?.commit ? `git: ${program.versionControl.commit}${program.versionControl.branch ? ` (${program.versionControl.branch})` : ''}${program.versionControl.dirty ? ' dirty' : ''}` : '',
    record.container ? `container: ${record.container}` : '',
    record.parameters !== null && record.parameters !== undefined ? `parameters: ${JSON.stringify(record.parameters)}` : '',
    record.tags.length ? `tags: ${record.tags.join(', ')}` : '',
    ...files('inputs', record.inputs),
    ...files('outputs', record.outputs),
    record.dependencies.length ? `dependencies: ${record.dependencies.length} (${record.dependencies.slice(0, 5).map((dependency) => `${dependency.name} ${dependency.version}`).join(', ')}${record.dependencies.length > 5 ? ', …' : ''})` : '',
    `status history: ${record.statusHistory.map((change) => change.status).join(' → ')}`,
    record.stderr ? `stderr (end):\n${record.stderr.split('\n').slice(-10).join('\n')}` : '',
  ];
  return lines.filter(Boolean).join('\n');
}

async function pull(context: Context, values: Record<string, unknown>, positionals: string[]): Promise<number> {
  const [record] = positionals;
  if (positionals.length > 1) throw new CliError('Usage: reprise pull [--project P] [<record>] [--file NAME] [--output PATH]', EXIT.usage);
  const project = projectOf(context, values);
  const client = clientOf(context);
  const fileName = values.file as string | undefined;
  if (fileName && !record) throw new CliError('--file needs the <record> it belongs to.', EXIT.usage);
  const download = fileName && record ? await client.files.pull(project, record, fileName) : await client.records.pull(project, record);
  const output = (values.output as string | undefined) ?? download.filename ?? fileName ?? 'download';
  if (output === '-') {
    for await (const chunk of download.body) context.terminal.stdout.write(chunk);
    return EXIT.ok;
  }
  const target = path.resolve(output);
  if (!values.force && (await stat(target).catch(() => null))) {
    await download.body.cancel();
    throw new CliError(`${output} exists; give --force to overwrite it or --output another path.`, EXIT.failed);
  }
  const bar = new ProgressBar(context.terminal, path.basename(target), !context.json);
  const saved = await saveDownload(download, target, (received, total) => bar.update(received, total));
  bar.done();
  print(context, { file: target, size: saved.size, sha256: saved.sha256 }, () => `Saved ${output} (${formatBytes(saved.size)}, sha256 ${saved.sha256}).`);
  return EXIT.ok;
}

async function sync(context: Context, values: Record<string, unknown>, positionals: string[]): Promise<number> {
  if (positionals.length > 0) throw new CliError(`Unexpected argument "${positionals[0]}".`, EXIT.usage);
  const queue = new DurableQueue(context.settings.queueDir);
  if (values['retry-failed']) await queue.retryFailed();
  if (values['clear-failed']) await queue.clearFailed();
  const waiting = await queue.pending();
  let delivered = 0;
  const bar = new ProgressBar(context.terminal, 'uploading', !context.json);
  if (waiting.length > 0) {
    const { busy, deliveries } = await queue.flush(clientOf(context), {
      ignoreBackoff: true,
      waitForLockMs: 60_000,
      onProgress: (_entry, sent, total) => bar.update(sent, total),
    });
    bar.done();
    if (busy) throw new CliError('Another reprise process is delivering the queue right now; try again in a minute.', EXIT.queued);
    delivered = deliveries.filter((delivery) => delivery.state === 'delivered').length;
  }
  const pending = await queue.pending();
  const failed = await queue.failed();
  const describe = (entry: QueueEntry) => ({
    id: entry.id,
    operation: entry.operation.kind,
    project: entry.operation.project,
    ...('record' in entry.operation ? { record: entry.operation.record } : {}),
    created: entry.created,
    attempts: entry.attempts,
    error: entry.lastError,
  });
  print(context, { delivered, pending: pending.map(describe), failed: failed.map(describe), queue: queue.dir }, () =>
    [
      `Delivered ${delivered} write(s); ${pending.length} waiting; ${failed.length} failed.`,
      ...pending.map((entry) => `  waiting: ${summary(entry)}: ${entry.lastError?.message ?? ''}`),
      ...failed.map((entry) => `  failed: ${summary(entry)}: ${entry.lastError?.message ?? ''}`),
      failed.length > 0 ? 'Fix the cause and run `reprise sync --retry-failed`, or drop them with `reprise sync --clear-failed`.' : '',
    ]
      .filter(Boolean)
      .join('\n'),
  );
  if (failed.length > 0) return EXIT.failed;
  return pending.length > 0 ? EXIT.queued : EXIT.ok;
}

function summary(entry: QueueEntry): string {
  const operation = entry.operation;
  return `${operation.kind} ${operation.project}${'record' in operation ? `/${operation.record}` : ''}`;
}
