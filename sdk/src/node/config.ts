import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** What `reprise login` keeps: where the API is and the token to use. */
export interface UserConfig {
  url?: string;
  token?: string;
}

/** The settings a CLI process works with, resolved once from the environment and the config file. */
export interface Settings {
  url: string;
  token: string | undefined;
  /** Where the token came from, for messages. */
  tokenSource: 'REPRISE_TOKEN' | 'config' | 'none';
  configFile: string;
  queueDir: string;
  project: string | undefined;
}

/** The API's address when nothing says otherwise (`npm start` on this machine). */
export const DEFAULT_URL = 'http://localhost:5100';

/** The user config file: $XDG_CONFIG_HOME/reprise/config.json (~/.config when unset). */
export function configFileOf(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CONFIG_HOME || path.join(env.HOME || os.homedir(), '.config');
  return path.join(base, 'reprise', 'config.json');
}

/** The queue directory: $REPRISE_QUEUE_DIR, else $XDG_DATA_HOME/reprise/queue (~/.local/share when unset). */
export function queueDirOf(env: NodeJS.ProcessEnv): string {
  if (env.REPRISE_QUEUE_DIR) return path.resolve(env.REPRISE_QUEUE_DIR);
  const base = env.XDG_DATA_HOME || path.join(env.HOME || os.homedir(), '.local', 'share');
  return path.join(base, 'reprise', 'queue');
}

/** Reads the user config file; a missing file is an empty config. */
export async function readUserConfig(file: string): Promise<UserConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    const { url, token } = parsed as Record<string, unknown>;
    return { ...(typeof url === 'string' ? { url } : {}), ...(typeof token === 'string' ? { token } : {}) };
  } catch (error) {
    throw new Error(`${file} is not a valid config file (${(error as Error).message}); fix it or run \`reprise login\` again.`);
  }
}

/**
 * Writes the user config file readable by its owner only (0600, in a 0700 directory), atomically:
 * the token is never in a file others can read, not even for a moment.
 */
export async function writeUserConfig(file: string, config: UserConfig): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const temp = path.join(dir, `.config-${randomBytes(6).toString('hex')}.tmp`);
  await writeFile(temp, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  await chmod(temp, 0o600);
  await rename(temp, file);
}

/** Resolves the settings: REPRISE_URL / REPRISE_TOKEN / REPRISE_PROJECT override the config file. */
export async function resolveSettings(env: NodeJS.ProcessEnv): Promise<Settings> {
  const configFile = configFileOf(env);
  const config = await readUserConfig(configFile);
  const envToken = env.REPRISE_TOKEN?.trim();
  return {
    url: (env.REPRISE_URL || config.url || DEFAULT_URL).replace(/\/+$/, ''),
    token: envToken || config.token,
    tokenSource: envToken ? 'REPRISE_TOKEN' : config.token ? 'config' : 'none',
    configFile,
    queueDir: queueDirOf(env),
    project: env.REPRISE_PROJECT || undefined,
  };
}
