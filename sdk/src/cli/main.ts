import { parseArgs } from 'node:util';
import { resolveSettings } from '../node/config.js';
import { COMMON, type Command, type OptionSpecs, type ValuesOf } from './command.js';
import { COMMANDS } from './commands/index.js';
import { version } from './context.js';
import { EXIT, report, usageError } from './exit.js';
import { helpOf, overview } from './help.js';
import type { Terminal } from './output.js';

/** Runs the CLI; resolves with the exit code. */
export async function main(argv: string[], env: NodeJS.ProcessEnv, terminal: Terminal): Promise<number> {
  // Before the parse succeeds, errors still honour --json (but not a --json meant for `run`'s command).
  const json = (argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv).includes('--json');
  try {
    const [first, second] = argv;
    if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
      terminal.stdout.write(overview(COMMANDS));
      return first === undefined ? EXIT.usage : EXIT.ok;
    }
    if (first === '--version' || first === '-v') {
      terminal.stdout.write(`${version()}\n`);
      return EXIT.ok;
    }
    const command = find(first, second);
    const { values, positionals, rest } = parse(command, argv.slice(command.spec.name.split(' ').length));
    if (values.help) {
      terminal.stdout.write(helpOf(command));
      return EXIT.ok;
    }
    const settings = await resolveSettings(env);
    checkPositionals(command, positionals);
    return await command.run({ settings, env, terminal, json: Boolean(values.json) }, { values, positionals, rest });
  } catch (error) {
    return report(error, terminal, json);
  }
}

/** The command `reprise first [second]` names: a two-word one ("project push") before a one-word one. */
function find(first: string, second: string | undefined): Command {
  const command = COMMANDS.find(({ spec }) => spec.name === `${first} ${second}`) ?? COMMANDS.find(({ spec }) => spec.name === first);
  if (command) return command;
  const group = COMMANDS.filter(({ spec }) => spec.name.startsWith(`${first} `));
  if (group.length > 0) throw usageError(`reprise ${first}: say what to do: ${group.map(({ spec }) => spec.name.split(' ')[1]).join(', ')}.`);
  throw usageError(`Unknown command "${first}". Run \`reprise --help\` for the list.`);
}

/** Parses the words after the command's name by its options (and the common ones); a passthrough command keeps the words after `--`. */
function parse(command: Command, words: string[]): { values: ValuesOf<OptionSpecs & typeof COMMON>; positionals: string[]; rest: string[] } {
  const separator = command.spec.passthrough ? words.indexOf('--') : -1;
  const own = separator >= 0 ? words.slice(0, separator) : words;
  const rest = separator >= 0 ? words.slice(separator + 1) : [];
  try {
    const options: OptionSpecs = { ...command.spec.options, ...COMMON };
    const { values, positionals } = parseArgs({ args: own, options, allowPositionals: true, strict: true });
    // parseArgs typed `values` by these same specs; its static type only loses that for a config built at run time.
    return { values: values as ValuesOf<OptionSpecs & typeof COMMON>, positionals, rest };
  } catch (error) {
    throw usageError(`${(error as Error).message.replace(/\. To specify.*$/s, '.')}\nRun \`reprise ${command.spec.name} --help\` for its options.`);
  }
}

/** Refuses positional arguments the command's spec does not take. */
function checkPositionals({ spec }: Command, positionals: string[]): void {
  if (!spec.positionals) return;
  const { min, max } = spec.positionals;
  if (max === 0 && positionals.length > 0) throw usageError(`Unexpected argument "${positionals[0]}".`);
  // An empty word where a name is needed ('') is as good as none.
  const missing = positionals.length < min || positionals.slice(0, min).includes('');
  if (missing || positionals.length > max) throw usageError(`Usage: ${spec.usage}`);
}
