import { readUserConfig, writeUserConfig } from '../../node/config.js';
import { createNodeClient } from '../../node.js';
import type { CommandSpec, Context, Invocation } from '../command.js';
import { print } from '../context.js';
import { CliError, EXIT, usageError } from '../exit.js';
import { readSecret } from '../prompt.js';

/** `reprise login`. */
export const spec = {
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
} as const satisfies CommandSpec;

/** Checks the URL, then the token, and only then writes both to the config file. */
export async function run(context: Context, { values }: Invocation<typeof spec.options>): Promise<number> {
  const file = context.settings.configFile;
  const current = await readUserConfig(file);
  // The API's address is its origin (and base path): a URL copied with the /api/v1 the routes start with means the same service.
  const url = (values.url ?? current.url ?? context.settings.url).replace(/\/+$/, '').replace(/\/api\/v1$/, '');
  if (!/^https?:\/\/[^/]+/.test(url)) throw usageError(`--url must be an http(s) URL (got "${url}").`);
  let token = values.token?.trim();
  if (!token) token = await readSecret('API token (from your account page): ', context.terminal.stderr);
  if (!token) throw usageError('No token given.');
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
  const openapi = `${url}/api/v1/openapi.yaml`;
  let response: Response;
  try {
    response = await fetch(openapi, { signal: AbortSignal.timeout(30_000), headers: { Accept: 'application/yaml, */*' } });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new CliError(`Cannot reach ${url} (${cause}): is the Reprise API running there? Check --url.`, EXIT.unreachable);
  }
  const text = response.ok ? await response.text().catch(() => '') : '';
  if (!response.ok) await response.body?.cancel().catch(() => undefined);
  if (!/^openapi:/m.test(text) || !/^ {2}title: Reprise\b/m.test(text)) {
    const what = response.ok ? 'something else' : `${response.status} ${response.statusText}`.trim();
    throw usageError(`${url} is not a Reprise API (${openapi} answered ${what}). Give --url the address of the Reprise API or of its dashboard, e.g. http://localhost:5100.`);
  }
}
