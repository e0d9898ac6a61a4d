import { Writable } from 'node:stream';
import { read } from 'read';
import { usageError } from './exit.js';

/**
 * Reads a secret line (a token, a password) with `read`: from a terminal with the prompt on
 * `output` and nothing echoed; from piped stdin, its first line without a prompt, since scripts
 * pipe the secret in and their stderr is no place for a question. Resolves with '' when the
 * input ends (or Ctrl-D) before a line; Ctrl-C is a usage error ("Cancelled.").
 */
export async function readSecret(prompt: string, output: Writable, input: NodeJS.ReadStream = process.stdin): Promise<string> {
  const terminal = Boolean(input.isTTY);
  const answer = read({ prompt, silent: true, input, output: terminal ? output : new Writable({ write: (_chunk, _encoding, callback) => callback() }), terminal });
  // readline pauses its input when it closes; a close without a line (end of input, Ctrl-D)
  // would leave `read` waiting forever, and Node would exit 0 under us.
  const closed = new Promise<string>((resolve) => input.once('pause', () => setImmediate(() => resolve(''))));
  try {
    return (await Promise.race([answer, closed])).trim();
  } catch (error) {
    if (error instanceof Error && error.message === 'canceled') throw usageError('Cancelled.');
    throw error;
  } finally {
    // The Enter that ended a hidden line was not echoed either.
    if (terminal) output.write('\n');
  }
}
