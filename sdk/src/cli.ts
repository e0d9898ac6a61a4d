#!/usr/bin/env node
import { main } from './cli/main.js';

const code = await main(process.argv.slice(2), process.env, {
  stdout: process.stdout,
  stderr: process.stderr,
  interactive: Boolean(process.stderr.isTTY),
});
// Let pending writes to stdout/stderr drain instead of exiting under them.
process.exitCode = code;
