import { Router, type Response } from 'express';
import type { Schemas } from '@reprise/contract';
import {
  compareSharedRecords,
  DEFAULT_PAGE_SIZE,
  errors,
  fileOfEntry,
  findRecordFile,
  loadOwners,
  openLink,
  presentProjectDetail,
  presentRecord,
  presentRecordSummary,
  sharedProjectDetail,
  sharedRecord,
  sharedRecords,
  throughLink,
  type OpenedLink,
} from '@reprise/core';
import { inputOf, sendStoredFile, validate } from '@reprise/http';
import { beforeCompare } from '../auth/limits.js';
import { sendComparison } from '../http/compare.js';
import { settingsOf, type CloudDeps } from '../http/context.js';

/**
 * What a reviewer link's holder reads, without a session: the project or record it names, its
 * records, their files and comparisons. Every request opens the link from the database, so a
 * revoked or expired link is a 404 at once; nothing here writes.
 */
export function sharedRouter(deps: CloudDeps): Router {
  const router = Router();
  const { models, spec, blobs } = deps;
  const { limits } = settingsOf(deps);

  const send = (res: Response, opened: OpenedLink, body: unknown) => {
    // A link's answers are for its holder only: no shared cache, and no address for others to follow.
    res.set('Referrer-Policy', 'no-referrer');
    res.json(throughLink(opened, body));
  };

  router.get('/shared/:secret', validate(spec, 'openSharedLink'), async (_req, res) => {
    const { params } = inputOf(res, 'openSharedLink');
    const opened = await openLink(deps, params.secret);
    const owners = await loadOwners(models, [opened.link.owner]);
    const body: Schemas['SharedView'] = {
      link: { kind: opened.record ? 'record' : 'project', anonymous: opened.link.anonymous, expires: opened.link.expires?.toISOString() ?? null },
      project: presentProjectDetail(await sharedProjectDetail(deps, opened), owners),
      record: opened.record ? presentRecord(opened.record, opened.project.name, owners) : null,
    };
    send(res, opened, body);
  });

  router.get('/shared/:secret/records', validate(spec, 'listSharedRecords'), async (_req, res) => {
    const { params, query } = inputOf(res, 'listSharedRecords');
    const opened = await openLink(deps, params.secret);
    const page = await sharedRecords(deps, opened, { cursor: query.cursor, limit: query.limit ?? DEFAULT_PAGE_SIZE });
    const owners = await loadOwners(models, [opened.link.owner]);
    const body: Schemas['RecordPage'] = {
      data: page.items.map((record) => presentRecordSummary(record, opened.project.name, owners)),
      page: { next: page.next },
    };
    send(res, opened, body);
  });

  router.get('/shared/:secret/records/:id', validate(spec, 'getSharedRecord'), async (_req, res) => {
    const { params } = inputOf(res, 'getSharedRecord');
    const opened = await openLink(deps, params.secret);
    const record = await sharedRecord(deps, opened, params.id);
    send(res, opened, presentRecord(record, opened.project.name, await loadOwners(models, [record.owner])));
  });

  router.get('/shared/:secret/records/:id/files/:file', validate(spec, 'downloadSharedFile'), async (req, res) => {
    const { params } = inputOf(res, 'downloadSharedFile');
    const opened = await openLink(deps, params.secret);
    const record = await sharedRecord(deps, opened, params.id);
    const entry = findRecordFile(record, params.file);
    if (!entry) throw errors.notFound(`File of record "${throughLink(opened, record.label)}"`, throughLink(opened, params.file));
    const file = await fileOfEntry(deps, entry);
    res.set('Referrer-Policy', 'no-referrer');
    await sendStoredFile(req, res, blobs, file, throughLink(opened, entry.name), entry.mediaType);
  });

  router.get('/shared/:secret/records/:a/compare/:b', validate(spec, 'compareSharedRecords'), async (req, res) => {
    const { params, query } = inputOf(res, 'compareSharedRecords');
    const opened = await openLink(deps, params.secret);
    // The holder of a link is anonymous to the service: the per-address limit of anonymous comparisons.
    await beforeCompare(models, limits, req, null);
    await sendComparison(models, res, query, (tolerance, options) => compareSharedRecords(deps, opened, params.a, params.b, tolerance, options), {
      owners: [opened.link.owner],
      send: (body) => send(res, opened, body),
    });
  });

  return router;
}
