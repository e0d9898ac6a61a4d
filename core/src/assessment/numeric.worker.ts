/** Worker thread entry: numeric comparisons of large outputs off the main event loop (see numeric-run.ts). */
import { parentPort } from 'node:worker_threads';
import { NumericSession, type NumericMessage, type NumericReply } from './numeric-run.js';

const port = parentPort;
if (!port) throw new Error('numeric.worker must run in a worker thread');
const session = new NumericSession();

port.on('message', (message: NumericMessage) => {
  let reply: NumericReply;
  try {
    reply = { ok: true, ...session.handle(message) };
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
