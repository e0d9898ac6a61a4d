import { ApiError, AuthenticationError, NetworkError, RepriseError, ServerError } from '../errors.js';
import type { Terminal } from './output.js';

/** Exit codes of the CLI (`reprise run` exits with the command's own code instead). */
export const EXIT = {
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

/** The exit codes as `reprise --help` explains them (kept beside EXIT so that the two change together). */
export const EXIT_HELP = [
  'Exit codes: 0 done; 1 refused by the server (or failed writes in `sync`); 2 usage; 3 authentication;',
  '4 server unreachable, nothing queued; 75 server unreachable, write queued for `reprise sync`;',
  "70 internal error. `reprise run` exits with the command's own code (128+n for signal n, 127 not found).",
];

/** A failure the CLI reports with a message and a given exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/** A bad command line: its message, and exit 2. */
export function usageError(message: string): CliError {
  return new CliError(message, EXIT.usage);
}

/**
 * Reports a failure on stderr (and, with --json, as `{"error": …}` on stdout) and returns its
 * exit code: the one a CliError carries, else the one its kind of error stands for.
 */
export function report(error: unknown, terminal: Terminal, json: boolean): number {
  const { code, message } = exitOf(error);
  if (json) {
    const body: Record<string, unknown> = { code: error instanceof ApiError ? error.code : JSON_CODES[code] ?? 'error', message, exitCode: code };
    if (error instanceof ApiError) {
      body.status = error.status;
      if (error.details !== undefined) body.details = error.details;
    }
    terminal.stdout.write(`${JSON.stringify({ error: body })}\n`);
  }
  terminal.stderr.write(`reprise: ${message}\n`);
  return code;
}

/** The `code` of a --json error that did not come from the server. */
const JSON_CODES: Partial<Record<number, string>> = { [EXIT.usage]: 'usage', [EXIT.auth]: 'unauthorized', [EXIT.unreachable]: 'unreachable' };

function exitOf(error: unknown): { code: number; message: string } {
  if (error instanceof CliError) return { code: error.exitCode, message: error.message };
  if (error instanceof AuthenticationError) return { code: EXIT.auth, message: `${error.message} Run \`reprise login\` or set REPRISE_TOKEN.` };
  if (error instanceof NetworkError || error instanceof ServerError) return { code: EXIT.unreachable, message: error.message };
  if (error instanceof ApiError) return { code: EXIT.failed, message: error.message };
  // Our own errors and the system's (ENOENT, EACCES, …) are the user's to fix, not bugs.
  if (error instanceof RepriseError || (error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string')) return { code: EXIT.failed, message: error.message };
  return { code: EXIT.internal, message: `internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}` };
}
