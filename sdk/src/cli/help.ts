import { COMMON, type Command, type OptionSpecs } from './command.js';
import { EXIT_HELP } from './exit.js';

/** `reprise --help`: every command's name and summary, the environment and the exit codes. */
export function overview(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((command) => command.spec.name.length));
  return [
    'reprise: record runs of any program and push them to Reprise.',
    '',
    'Usage: reprise <command> [options]',
    '',
    'Commands:',
    ...commands.map(({ spec }) => `  ${spec.name.padEnd(width)}  ${spec.summary}`),
    '',
    'Run `reprise <command> --help` for its options. Every command takes --json.',
    '',
    'Environment: REPRISE_URL, REPRISE_TOKEN, REPRISE_PROJECT, REPRISE_QUEUE_DIR, XDG_CONFIG_HOME, XDG_DATA_HOME.',
    '',
    ...EXIT_HELP,
    '',
  ].join('\n');
}

/** `reprise <command> --help`: its summary, usage, details and one line per option. */
export function helpOf({ spec }: Command): string {
  const options: OptionSpecs = { ...spec.options, ...COMMON };
  const rows = Object.entries(options).map(([name, option]) => {
    const flag = `${option.short ? `-${option.short}, ` : '    '}--${name}${option.type === 'string' ? ` ${option.value ?? 'VALUE'}` : ''}`;
    return [flag, option.description] as const;
  });
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return [
    `${spec.summary}.`,
    '',
    `Usage: ${spec.usage}`,
    ...(spec.details ? ['', spec.details] : []),
    '',
    'Options:',
    ...rows.map(([flag, description]) => `  ${flag.padEnd(width)}  ${description}`),
    '',
  ].join('\n');
}
