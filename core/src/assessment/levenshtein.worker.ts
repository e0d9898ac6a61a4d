/** Worker thread entry: runs Levenshtein jobs off the main event loop (see pool.ts). */
import { parentPort } from 'node:worker_threads';
import { runJob, type JobMessage, type JobReply } from './jobs.js';

const port = parentPort;
if (!port) throw new Error('levenshtein.worker must run in a worker thread');

port.on('message', (message: JobMessage) => {
  let reply: JobReply;
  try {
    reply = { id: message.id, ok: true, ...runJob(message) };
  } catch (error) {
    reply = { id: message.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
