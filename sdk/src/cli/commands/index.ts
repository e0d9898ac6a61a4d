import type { Command } from '../command.js';
import * as containerPush from './container-push.js';
import * as exportCommand from './export.js';
import * as importCommand from './import.js';
import * as login from './login.js';
import * as logout from './logout.js';
import * as projectPull from './project-pull.js';
import * as projectPush from './project-push.js';
import * as pull from './pull.js';
import * as records from './records.js';
import * as run from './run.js';
import * as show from './show.js';
import * as sync from './sync.js';
import * as worker from './worker.js';

/** Every command, in the order `reprise --help` lists them. */
export const COMMANDS: readonly Command[] = [login, logout, projectPush, projectPull, containerPush, run, records, show, pull, sync, exportCommand, importCommand, worker];
