import type { Settings } from '../node/config.js';
import type { Terminal } from './output.js';

/** One option of a command: its parseArgs type, and what its help line says. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
  description: string;
  /** The placeholder of a string option's value in the help ("NAME"). */
  value?: string;
}

/** The options of a command, by long name. */
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** What a command is: the dispatcher derives the overview, `--help` and option parsing from it. */
export interface CommandSpec<O extends OptionSpecs = OptionSpecs> {
  /** One word, or a group and a word ("project push"). */
  name: string;
  summary: string;
  usage: string;
  details?: string;
  options: O;
  /**
   * How many positional arguments it takes; the dispatcher refuses others ("Unexpected argument"
   * when it takes none, else the usage line). Without it the command checks them itself.
   */
  positionals?: { min: number; max: number };
  /** Takes the words after `--` (reprise run). */
  passthrough?: boolean;
}

/** The parsed value of one option, typed by its spec. */
type ValueOf<S extends OptionSpec> = S['type'] extends 'string' ? (S['multiple'] extends true ? string[] : string) : S['multiple'] extends true ? boolean[] : boolean;

/** The parsed values of options, typed by their specs (absent when not given). */
export type ValuesOf<O extends OptionSpecs> = { -readonly [K in keyof O]?: ValueOf<O[K]> };

/** The options every command takes. */
export const COMMON = {
  json: { type: 'boolean', description: 'Print the result as JSON on stdout (no progress bars).' },
  help: { type: 'boolean', short: 'h', description: 'Show this help.' },
} as const satisfies OptionSpecs;

/** What a command runs with. */
export interface Context {
  settings: Settings;
  env: NodeJS.ProcessEnv;
  terminal: Terminal;
  /** --json: results as JSON on stdout, no progress bars. */
  json: boolean;
}

/** The command line as a command receives it. */
export interface Invocation<O extends OptionSpecs> {
  values: ValuesOf<O>;
  positionals: string[];
  /** The words after `--` (only for a `passthrough` command). */
  rest: string[];
}

/** A command: one module per command exports these two. */
export interface Command<O extends OptionSpecs = OptionSpecs> {
  spec: CommandSpec<O>;
  /** Runs it; resolves with the exit code. (Method syntax: a command of specific options is a Command.) */
  run(context: Context, invocation: Invocation<O>): Promise<number>;
}

/** --project, as most commands take it. */
export const PROJECT = { type: 'string', short: 'p', description: 'The project (default: $REPRISE_PROJECT).', value: 'NAME' } as const satisfies OptionSpec;
