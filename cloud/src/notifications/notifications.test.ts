import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { simpleParser, type ParsedMail } from 'mailparser';
import { createTransport } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { notify, type Models } from '@reprise/core';
import { createLogger } from '@reprise/http';
import { ORIGIN, TEST_JWT_SECRET, useCloud, type SignedIn } from '../test/harness.js';
import { makePair } from '../test/pairs.js';
import { MailSender } from './senders.js';

// SMTP_URL only has to be set for the service to queue emails; the senders below reach the test's server.
const cloud = useCloud({ env: { SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'Reprise <reprise@example.org>' } });

/** The real SMTP server of this file, and what arrived at it. */
const received: ParsedMail[] = [];
let rejectNext = 0;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onRcptTo(_address, _session, callback) {
    if (rejectNext > 0) {
      rejectNext -= 1;
      callback(new Error('451 try again later'));
      return;
    }
    callback();
  },
  onData(stream, _session, callback) {
    simpleParser(stream)
      .then((mail) => {
        received.push(mail);
        callback();
      })
      .catch(callback);
  },
});
let smtpPort = 0;

let senderLines: string[] = [];
const senderLog = createLogger(
  'info',
  new Writable({
    write(chunk: Buffer, _encoding, callback) {
      senderLines.push(chunk.toString('utf8'));
      callback();
    },
  }),
);

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(resolve));
});

/** A mail sender on the test's SMTP server, with its own clock when given. */
function mailSender(options: { clock?: () => Date; delays?: number[]; batch?: number } = {}) {
  const transport = createTransport(`smtp://127.0.0.1:${smtpPort}`);
  const deps = { models: cloud.db.models, blobs: cloud.db.blobs, config: cloud.config, logger: senderLog, jwtSecret: TEST_JWT_SECRET };
  return new MailSender(deps, transport, options);
}

/** Sends a request from the sender's record toward the target's; answers its id. */
async function propose(pair: Awaited<ReturnType<typeof makePair>>): Promise<string> {
  const res = await pair.sender.browser.post('/cloud/v1/diffs', { from: pair.from._id, toward: pair.toward._id, proposition: 'reproduced' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

async function notificationsOf(who: SignedIn) {
  const res = await who.browser.get('/cloud/v1/notifications').expect(200);
  return res.body.data as Array<{ id: string; kind: string; title: string; body: string; link: string; read: boolean; data: Record<string, unknown> }>;
}

async function unread(who: SignedIn): Promise<number> {
  return ((await who.browser.get('/cloud/v1/notifications/unread').expect(200)).body as { count: number }).count;
}

const reproducible = { codeSame: false, inputsSame: true, outputsSame: true };

describe('notifications in the dashboard', () => {
  it('tells the target of a request received and withdrawn, and the sender of the answer, each linking to the request', async () => {
    const pair = await makePair(cloud, reproducible);
    const first = await propose(pair);
    const [receivedOne] = await notificationsOf(pair.target);
    expect(receivedOne).toMatchObject({ kind: 'request.received', link: `/requests/${first}`, read: false, title: 'Sender sent you a diff request' });
    expect(receivedOne?.body).toContain('"run-1" was reproduced');
    expect(receivedOne?.data).toMatchObject({ request: { id: first, status: 'proposed', proposition: 'reproduced' } });
    expect(await unread(pair.target)).toBe(1);

    await pair.target.browser.post(`/cloud/v1/diffs/${first}/answer`, { answer: 'denied', comment: 'Outputs differ here.' }).expect(200);
    const [answered] = await notificationsOf(pair.sender);
    expect(answered).toMatchObject({ kind: 'request.answered', link: `/requests/${first}`, title: 'Target Owner denied your diff request' });
    expect(answered?.body).toContain('Outputs differ here.');

    const second = await propose(pair);
    await pair.sender.browser.post(`/cloud/v1/diffs/${second}/withdraw`).expect(200);
    const targetList = await notificationsOf(pair.target);
    expect(targetList.map((n) => [n.kind, n.link])).toEqual([
      ['request.withdrawn', `/requests/${second}`],
      ['request.received', `/requests/${second}`],
      ['request.received', `/requests/${first}`],
    ]);
    // Each user sees only their own.
    expect((await notificationsOf(pair.sender)).map((n) => n.kind)).toEqual(['request.answered']);
  });

  it('tells the sender when a request is agreed', async () => {
    const pair = await makePair(cloud, reproducible);
    const id = await propose(pair);
    await pair.target.browser.post(`/cloud/v1/diffs/${id}/answer`, { answer: 'agreed' }).expect(200);
    const [answered] = await notificationsOf(pair.sender);
    expect(answered).toMatchObject({ kind: 'request.answered', title: 'Target Owner agreed to your diff request', data: { request: { status: 'agreed' } } });
  });

  it('tells the requester that a reproduction ended, linking to the request it filed', async () => {
    const someone = await cloud.signUp('Requester');
    const reproduction = new Types.ObjectId().toHexString();
    const request = new Types.ObjectId().toHexString();
    await notify(cloud.db, { kind: 'reproduction.finished', user: someone.id, reproduction, state: 'finished', label: 'run-1', request });
    const [ended] = await notificationsOf(someone);
    expect(ended).toMatchObject({ kind: 'reproduction.finished', title: 'The reproduction of "run-1" finished', link: `/requests/${request}` });
    expect(ended?.data).toEqual({ reproduction: { id: reproduction, state: 'finished', record: null, request, reason: null } });
  });

  it('marks one read, then all, and keeps another user from marking them (404)', async () => {
    const pair = await makePair(cloud, reproducible);
    const id = await propose(pair);
    await pair.sender.browser.post(`/cloud/v1/diffs/${id}/withdraw`).expect(200);
    const [newest, older] = await notificationsOf(pair.target);
    expect(await unread(pair.target)).toBe(2);
    await pair.sender.browser.post(`/cloud/v1/notifications/${newest?.id}/read`).expect(404);
    const marked = await pair.target.browser.post(`/cloud/v1/notifications/${newest?.id}/read`).expect(200);
    expect(marked.body).toMatchObject({ id: newest?.id, read: true });
    expect(await unread(pair.target)).toBe(1);
    const unreadOnly = await pair.target.browser.get('/cloud/v1/notifications?unread=true').expect(200);
    expect(unreadOnly.body.data.map((n: { id: string }) => n.id)).toEqual([older?.id]);
    expect((await pair.target.browser.post('/cloud/v1/notifications/read').expect(200)).body).toEqual({ marked: 1 });
    expect(await unread(pair.target)).toBe(0);
    const anonymous = await cloud.browser();
    await anonymous.get('/cloud/v1/notifications').expect(401);
  });
});

describe('notification emails', () => {
  it('sends one message per event to a real SMTP server, text and HTML with the link, and unsubscribes by its link without signing in', async () => {
    received.length = 0;
    senderLines = [];
    const pair = await makePair(cloud, reproducible);
    const first = await propose(pair);
    expect(await mailSender().runOnce()).toBe(1);
    expect(received).toHaveLength(1);
    const mail = received[0];
    expect(mail?.subject).toBe('Sender sent you a diff request');
    expect(mail?.to && 'text' in mail.to ? mail.to.text : '').toBe(pair.target.email);
    expect(mail?.from?.text).toContain('reprise@example.org');
    expect(mail?.text).toContain(`${ORIGIN}/requests/${first}`);
    expect(mail?.html).toContain(`href="${ORIGIN}/requests/${first}"`);
    const link = /(http:\/\/\S+\/unsubscribe\?token=(\S+))/.exec(mail?.text ?? '');
    const token = link?.[2] ?? '';
    expect(token).not.toBe('');
    expect(mail?.headerLines.find((line) => line.key === 'list-unsubscribe')?.line.replace(/\s+/g, ' ')).toBe(`List-Unsubscribe: <${link?.[1] ?? ''}>`);

    // The link works without a session and takes effect at once, also for what is queued.
    await pair.target.browser.post(`/cloud/v1/diffs/${first}/answer`, { answer: 'denied' }).expect(200);
    const second = await propose(pair);
    const anonymous = await cloud.browser();
    const done = await anonymous.post('/cloud/v1/notifications/unsubscribe', { token }).expect(200);
    expect(done.body).toEqual({ kind: 'request.received', email: pair.target.email });
    expect(await mailSender().runOnce()).toBe(2); // the sender's "denied" and the target's second "received"
    expect(received.map((m) => m.subject)).toEqual(['Sender sent you a diff request', 'Target Owner denied your diff request']);
    const settings = await pair.target.browser.get('/cloud/v1/notifications/settings').expect(200);
    expect(settings.body).toEqual({ email: true, emailOptOut: ['request.received'] });
    // Still in the dashboard.
    expect((await notificationsOf(pair.target))[0]?.link).toBe(`/requests/${second}`);

    const forged = await anonymous.post('/cloud/v1/notifications/unsubscribe', { token: `${token.slice(0, -2)}xx` }).expect(400);
    expect(forged.body.error.code).toBe('invalid_unsubscribe_token');
    // The token never reaches a log line, neither the service's nor the sender's.
    expect(cloud.logs() + senderLines.join('')).not.toContain(token.split('.').at(-1));
  });

  it('takes the opt-outs of the account page: no email of that kind, the others still go', async () => {
    received.length = 0;
    const pair = await makePair(cloud, reproducible);
    const put = (body: object) => pair.target.browser.patch('/cloud/v1/notifications/settings', body);
    expect((await put({ emailOptOut: ['request.everything'] })).status).toBe(400);
    await put({ emailOptOut: ['request.withdrawn'] }).expect(200);
    const id = await propose(pair);
    await pair.sender.browser.post(`/cloud/v1/diffs/${id}/withdraw`).expect(200);
    await mailSender().runOnce();
    expect(received.map((m) => m.subject)).toEqual(['Sender sent you a diff request']);
  });

  it('retries a refused send after its delay, not before', async () => {
    received.length = 0;
    const pair = await makePair(cloud, reproducible);
    await propose(pair);
    let now = new Date('2030-01-01T00:00:00Z');
    const sender = mailSender({ clock: () => now, delays: [60_000] });
    rejectNext = 1;
    expect(await sender.runOnce()).toBe(1);
    expect(received).toHaveLength(0);
    const [queued] = await cloud.db.models.Mail.find({ owner: new Types.ObjectId(pair.target.id) }).lean();
    expect(queued).toMatchObject({ state: 'queued', attempts: 1 });
    expect(queued?.lastError).toContain('try again later');
    now = new Date(now.getTime() + 59_000);
    expect(await sender.runOnce()).toBe(0);
    now = new Date(now.getTime() + 1_000);
    expect(await sender.runOnce()).toBe(1);
    expect(received).toHaveLength(1);
    expect(await cloud.db.models.Mail.findById(queued?._id).lean()).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('sends at most a batch of messages in one run, and the rest in the next', async () => {
    received.length = 0;
    const someone = await cloud.signUp('Queued');
    const deps = { models: cloud.db.models as Models, blobs: cloud.db.blobs, config: cloud.config };
    for (let i = 0; i < 3; i += 1) {
      await notify(deps, { kind: 'reproduction.finished', user: someone.id, reproduction: new Types.ObjectId().toHexString(), state: 'finished', label: `run-${i}` });
    }
    const sender = mailSender({ batch: 2 });
    expect(await sender.runOnce()).toBe(2);
    expect(received).toHaveLength(2);
    expect(await sender.runOnce()).toBe(1);
    expect(await sender.runOnce()).toBe(0);
    expect(received).toHaveLength(3);
  });

  it('sends each message of one outbox exactly once when two senders race over it', async () => {
    received.length = 0;
    const someone = await cloud.signUp('Busy');
    const deps = { models: cloud.db.models as Models, blobs: cloud.db.blobs, config: cloud.config };
    for (let i = 0; i < 24; i += 1) {
      await notify(deps, { kind: 'reproduction.finished', user: someone.id, reproduction: new Types.ObjectId().toHexString(), state: 'finished', label: `run-${i}` });
    }
    const [a, b] = await Promise.all([mailSender().runOnce(), mailSender().runOnce()]);
    expect((a ?? 0) + (b ?? 0)).toBe(24);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
    const subjects = received.map((m) => m.subject).sort();
    expect(new Set(subjects).size).toBe(24);
    expect(subjects).toHaveLength(24);
    expect(await cloud.db.models.Mail.countDocuments({ state: 'sent' })).toBe(24);
  });
});
