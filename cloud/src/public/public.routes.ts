import { Router } from 'express';
import { badgeText, checkedColumns, DEFAULT_PAGE_SIZE, findProject, listRecords, reproducibilityOf, searchProjects, toId } from '@reprise/core';
import { inputOf, validate } from '@reprise/http';
import type { CloudDeps } from '../http/context.js';
import { projectPage, recordPage } from '../http/present.js';
import { renderBadge } from './badge.js';

/** How long caches may keep a badge: short, so a README follows new agreements within minutes. */
const BADGE_MAX_AGE_SECONDS = 300;

/** Public browsing (projects and records, most recently active first) and the reproducibility badge. */
export function publicRouter(deps: CloudDeps): Router {
  const router = Router();
  const { spec } = deps;

  router.get('/public/projects', validate(spec, 'browsePublicProjects'), async (_req, res) => {
    const { query } = inputOf(res, 'browsePublicProjects');
    const page = await searchProjects(deps, null, {
      q: query.q,
      tag: query.tag,
      owner: query.owner === undefined ? undefined : toId(query.owner),
      cursor: query.cursor,
      publicOnly: true,
      limit: query.limit ?? DEFAULT_PAGE_SIZE,
    });
    res.json(await projectPage(deps, page));
  });

  router.get('/public/records', validate(spec, 'browsePublicRecords'), async (_req, res) => {
    const { query } = inputOf(res, 'browsePublicRecords');
    // Browsing is public whoever asks: the caller's own private project is not "public" either.
    const project = query.project ? await findProject(deps, null, query.project) : null;
    const columns = checkedColumns(query.columns);
    const page = await listRecords(deps, null, project, {
      q: query.q,
      status: query.status,
      tag: query.tag,
      cursor: query.cursor,
      publicOnly: true,
      where: query.where,
      sort: query.sort ?? 'updated',
      limit: query.limit ?? DEFAULT_PAGE_SIZE,
      withValues: columns.length > 0,
    });
    res.json(await recordPage(deps, null, page, columns));
  });

  router.get('/public/projects/:id/badge.svg', validate(spec, 'getReproducibilityBadge'), async (_req, res) => {
    const { params } = inputOf(res, 'getReproducibilityBadge');
    const project = await findProject(deps, null, params.id);
    const { tally } = await reproducibilityOf(deps, project);
    const color = tally.repeated + tally.reproduced > 0 ? '#4c1' : tally.total > 0 ? '#dfb317' : '#9f9f9f';
    res
      .status(200)
      .set({
        'Content-Type': 'image/svg+xml; charset=utf-8',
        'Cache-Control': `public, max-age=${BADGE_MAX_AGE_SECONDS}`,
        // Made to be shown in READMEs on other sites.
        'Cross-Origin-Resource-Policy': 'cross-origin',
        'X-Content-Type-Options': 'nosniff',
        // The SVG is an image, never a page: no scripts even if opened directly.
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
      })
      .send(renderBadge('reproducibility', badgeText(tally), color));
  });

  return router;
}

