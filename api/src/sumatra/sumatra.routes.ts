import { Router, type Request, type Response } from 'express';
import {
  AppError,
  decodeFreeform,
  deleteRecords,
  deleteSumatraRecordsTagged,
  errors,
  findOwnProject,
  latestSumatraRecord,
  ownProject,
  ownProjects,
  pushProject,
  replaceRecord,
  sumatraLabels,
  sumatraRecord,
  type JsonValue,
  type ProjectDoc,
} from '@reprise/core';
import { checkInput, jsonBody, type OperationId } from '@reprise/http';
import { actorOf, type ApiDeps } from '../http/context.js';
import { sumatraAuth, sumatraCallerOf } from './sumatra.auth.js';
import { sumatraDocumentOf, toReplacement, type JsonObject, type SumatraRecordJson } from './sumatra.mapping.js';

/** Media types of Sumatra's HTTP store protocol, version 4 (sumatra/recordstore/http_store.py). */
const MEDIA = {
  projectList: 'application/vnd.sumatra.project-list-v4+json',
  project: 'application/vnd.sumatra.project-v4+json',
  record: 'application/vnd.sumatra.record-v4+json',
} as const;

/** Where a request under the store's prefix goes. Labels and tags may contain "/" (Sumatra allows it). */
export type SumatraPath =
  | { kind: 'root' }
  | { kind: 'project'; project: string }
  | { kind: 'last'; project: string }
  | { kind: 'tag'; project: string; tag: string }
  | { kind: 'record'; project: string; label: string };

/**
 * Parses a path under the prefix: `/`, `/<p>/`, `/<p>/last/`, `/<p>/tag/<t>/`, `/<p>/<label>/`.
 * Segments are percent-decoded one by one; the trailing slash Sumatra always sends is optional,
 * and nothing is ever redirected (httplib2 follows redirects only for GET and HEAD).
 */
export function parseSumatraPath(path: string): SumatraPath {
  const inner = path.replace(/^\/+/, '');
  if (inner === '') return { kind: 'root' };
  const segments = (inner.endsWith('/') ? inner.slice(0, -1) : inner).split('/').map(decodeSegment);
  const [project = '', ...rest] = segments;
  if (rest.length === 0) return { kind: 'project', project };
  if (rest.length === 1 && rest[0] === 'last') return { kind: 'last', project };
  if (rest[0] === 'tag' && rest.length >= 2) return { kind: 'tag', project, tag: rest.slice(1).join('/') };
  return { kind: 'record', project, label: rest.join('/') };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw errors.badRequest(`The path segment "${segment}" is not valid percent-encoding.`);
  }
}

/** Percent-encodes one path segment, leaving ":" and "@" readable (both are allowed in a path). */
function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/%3A/gi, ':').replace(/%40/gi, '@');
}

/** Labels that the store's own routes take: a record cannot be called so. */
function reservedLabelProblem(label: string): string | undefined {
  if (label === 'last') return 'The label "last" is reserved: GET …/<project>/last/ answers the newest record.';
  if (label === 'tag' || label.startsWith('tag/')) return 'Labels starting with "tag/" are reserved: DELETE …/<project>/tag/<tag>/ deletes by tag.';
  return undefined;
}

/**
 * Sumatra's HTTP record store (client 0.8.1): smt can use `http://EMAIL:TOKEN@HOST/sumatra/` as
 * its record store. Sumatra projects are the caller's Reprise projects; Sumatra records are
 * Reprise records mapped field by field (sumatra.mapping.ts) that also keep Sumatra's document.
 * Every response says `Cache-Control: no-store`: httplib2 keeps a cache in the working directory
 * and would otherwise show stale listings.
 */
export function sumatraRouter(deps: ApiDeps): Router {
  const router = Router();
  const { models, spec, config } = deps;

  router.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  router.use(sumatraAuth(models));
  // Sumatra sends application/vnd.sumatra.*-v4+json, which jsonBody takes like application/json.
  router.put('/{*path}', ...jsonBody(config));

  /**
   * Validates a request against its operation in openapi.yaml, typed by it; the path is parsed
   * here (labels may contain "/"), not by Express. Bodies are Sumatra's, so their schemas are permissive.
   */
  const check = <Op extends OperationId>(operationId: Op, req: Request, params: Record<string, string>) =>
    checkInput(spec, operationId, {
      params,
      query: { ...(req.query as Record<string, unknown>) },
      body: req.body,
      hasJsonBody: req.body !== undefined,
    });

  const baseUrl = (req: Request) => `${req.protocol}://${req.get('host') ?? 'localhost'}${req.baseUrl}/`;
  const sendJson = (res: Response, status: number, mediaType: string, value: unknown) => {
    res.status(status).type(mediaType).send(JSON.stringify(value));
  };

  const listProjects = async (req: Request, res: Response) => {
    check('listSumatraProjects', req, {});
    const projects = await ownProjects(deps, actorOf(res));
    sendJson(
      res,
      200,
      MEDIA.projectList,
      projects.map((project) => ({
        id: project.name,
        name: longNameOf(project),
        description: project.description,
        uri: `${baseUrl(req)}${encodeSegment(project.name)}/`,
        last_updated: project.activity.toISOString(),
      })),
    );
  };

  const getProject = async (req: Request, res: Response, name: string) => {
    const { query } = check('getSumatraProject', req, { project: name });
    const actor = actorOf(res);
    const project = await ownProject(deps, actor, name);
    const tags = typeof query.tags === 'string' ? query.tags.split(',').filter((tag) => tag.length > 0) : [];
    const labels = await sumatraLabels(deps, actor, project, tags);
    const base = `${baseUrl(req)}${encodeSegment(project.name)}/`;
    const email = sumatraCallerOf(res).email;
    sendJson(res, 200, MEDIA.project, {
      id: project.name,
      name: longNameOf(project),
      description: project.description,
      records: labels.map((label) => `${base}${label.split('/').map(encodeSegment).join('/')}/`),
      tags: project.tags,
      user: email,
      access: [email],
    });
  };

  const putProject = async (req: Request, res: Response, name: string) => {
    const { body } = check('putSumatraProject', req, { project: name });
    const actor = actorOf(res);
    const info = body ?? {};
    const existing = await findOwnProject(deps, actor, name);
    const custom = info.name !== undefined && info.name !== name ? withLongName(existing, info.name) : undefined;
    const { project, created } = await pushProject(deps, actor, name, {
      ...(info.description !== undefined ? { description: info.description } : {}),
      ...(custom !== undefined ? { custom } : {}),
    });
    sendJson(res, created ? 201 : 200, MEDIA.project, { id: project.name, name: longNameOf(project), description: project.description });
  };

  const sendRecord = (res: Response, document: SumatraRecordJson | null, label: string) => {
    if (!document) throw errors.notFound('Record', label);
    sendJson(res, 200, MEDIA.record, document);
  };

  const getRecord = async (req: Request, res: Response, name: string, label: string) => {
    check('getSumatraRecord', req, { project: name, label });
    const actor = actorOf(res);
    const record = await sumatraRecord(deps, actor, await ownProject(deps, actor, name), label);
    sendRecord(res, sumatraDocumentOf(record), label);
  };

  const getLatest = async (req: Request, res: Response, name: string) => {
    check('getLatestSumatraRecord', req, { project: name });
    const actor = actorOf(res);
    const record = await latestSumatraRecord(deps, actor, await ownProject(deps, actor, name));
    sendRecord(res, sumatraDocumentOf(record), record.label);
  };

  const putRecord = async (req: Request, res: Response, name: string, label: string) => {
    const reserved = reservedLabelProblem(label);
    if (reserved) throw new AppError(400, 'reserved_label', reserved, { label });
    const { body } = check('putSumatraRecord', req, { project: name, label });
    // A parsed JSON body holds only JSON values; the schema leaves Sumatra's other keys `unknown`.
    const document = body as SumatraRecordJson;
    if (document.label !== label) {
      throw new AppError(400, 'label_mismatch', `The body is record "${String(document.label)}" but the URL names "${label}"; PUT a record at its own label.`, {
        url: label,
        body: document.label,
      });
    }
    const actor = actorOf(res);
    // Saving into a project that does not exist yet creates it, as Sumatra's own server does.
    const project = (await findOwnProject(deps, actor, name)) ?? (await pushProject(deps, actor, name, {})).project;
    const { record, created } = await replaceRecord(deps, actor, project, label, toReplacement(document));
    sendJson(res, created ? 201 : 200, 'application/json', { id: record._id.toHexString(), label: record.label, status: record.status });
  };

  const deleteRecord = async (req: Request, res: Response, name: string, label: string) => {
    check('deleteSumatraRecord', req, { project: name, label });
    const actor = actorOf(res);
    const project = await ownProject(deps, actor, name);
    const record = await sumatraRecord(deps, actor, project, label);
    await deleteRecords(deps, actor, project, [record._id]);
    res.status(204).end();
  };

  const deleteTagged = async (req: Request, res: Response, name: string, tag: string) => {
    check('deleteSumatraRecordsByTag', req, { project: name, tag });
    const actor = actorOf(res);
    const count = await deleteSumatraRecordsTagged(deps, actor, await ownProject(deps, actor, name), tag);
    // Sumatra reads the body with int(): a bare number, nothing else.
    res.status(200).type('text/plain').send(String(count));
  };

  router.use(async (req, res) => {
    const path = parseSumatraPath(req.path);
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    const refuse = (allowed: string[]) => {
      throw errors.methodNotAllowed(req.method, `${req.baseUrl}${req.path}`, allowed);
    };
    switch (path.kind) {
      case 'root':
        if (method === 'GET') return await listProjects(req, res);
        return refuse(['GET']);
      case 'project':
        if (method === 'GET') return await getProject(req, res, path.project);
        if (method === 'PUT') return await putProject(req, res, path.project);
        return refuse(['GET', 'PUT']);
      case 'last':
        if (method === 'GET') return await getLatest(req, res, path.project);
        if (method === 'PUT') return await putRecord(req, res, path.project, 'last');
        return refuse(['GET']);
      case 'tag':
        if (method === 'DELETE') return await deleteTagged(req, res, path.project, path.tag);
        break;
      case 'record':
        break;
    }
    const label = path.kind === 'tag' ? `tag/${path.tag}` : path.label;
    if (method === 'GET') return await getRecord(req, res, path.project, label);
    if (method === 'PUT') return await putRecord(req, res, path.project, label);
    if (method === 'DELETE') return await deleteRecord(req, res, path.project, label);
    return refuse(['GET', 'PUT', 'DELETE']);
  });

  return router;
}

/** The Sumatra "long name" of a project: the one given to Sumatra, kept in custom.sumatra.name, else the project's name. */
function longNameOf(project: ProjectDoc): string {
  const custom = decodeFreeform(project.custom);
  const sumatra = custom && typeof custom === 'object' && !Array.isArray(custom) ? custom.sumatra : undefined;
  const name = sumatra && typeof sumatra === 'object' && !Array.isArray(sumatra) ? sumatra.name : undefined;
  return typeof name === 'string' ? name : project.name;
}

/** The project's custom JSON with Sumatra's long name set, leaving every other key as it was. */
function withLongName(project: ProjectDoc | null, longName: string): JsonValue {
  const custom = decodeFreeform(project?.custom);
  const base: JsonObject = custom && typeof custom === 'object' && !Array.isArray(custom) ? custom : {};
  const sumatra = base.sumatra && typeof base.sumatra === 'object' && !Array.isArray(base.sumatra) ? base.sumatra : {};
  return { ...base, sumatra: { ...sumatra, name: longName } };
}
