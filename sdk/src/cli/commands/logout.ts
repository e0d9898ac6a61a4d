import { readUserConfig, writeUserConfig } from '../../node/config.js';
import type { CommandSpec, Context } from '../command.js';
import { print } from '../context.js';
import { EXIT } from '../exit.js';

/** `reprise logout`. */
export const spec = {
  name: 'logout',
  summary: 'Remove the token from the user config file',
  usage: 'reprise logout',
  options: {},
} as const satisfies CommandSpec;

/** Keeps the URL, drops the token. */
export async function run(context: Context): Promise<number> {
  const file = context.settings.configFile;
  const current = await readUserConfig(file);
  await writeUserConfig(file, { ...(current.url ? { url: current.url } : {}) });
  print(context, { configFile: file }, () => `The token was removed from ${file}.`);
  return EXIT.ok;
}
