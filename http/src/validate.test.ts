import express, { type Response } from 'express';
import request from 'supertest';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Schemas } from '@reprise/contract';
import { loadConfig, SpecValidator } from '@reprise/core';
import { inputOf, jsonBody, multipartInputOf, validate } from './validate.js';

const spec = SpecValidator.load();
const config = loadConfig({});

/** Answers what inputOf() returned, or the error it threw. */
function answer(res: Response, read: () => unknown): void {
  try {
    res.json(read());
  } catch (error) {
    res.status(500).json({ thrown: (error as Error).message });
  }
}

describe('inputOf', () => {
  it('hands a route its validated input typed by the operation: path text without the token, query values converted', async () => {
    const app = express();
    app.get('/display/:token/:project', validate(spec, 'listRecords', { skipParams: ['token'] }), (_req, res) => {
      const { params, query, body } = inputOf(res, 'listRecords');
      expectTypeOf(params).toEqualTypeOf<{ project: string }>();
      expectTypeOf(query.limit).toEqualTypeOf<number | undefined>();
      expectTypeOf(query.status).toEqualTypeOf<Schemas['RecordStatus'] | undefined>();
      expectTypeOf(body).toBeUnknown();
      // @ts-expect-error: the token is checked by authentication, so the input does not hold it
      expect(params.token).toBeUndefined();
      // @ts-expect-error: listRecords has no query parameter "labelStart" (it is labelPrefix)
      expect(query.labelStart).toBeUndefined();
      res.json({ params, query, limitType: typeof query.limit });
    });
    const response = await request(app).get('/display/rpr_x/dla?limit=5&status=finished');
    expect(response.body).toEqual({ params: { project: 'dla' }, query: { limit: 5, status: 'finished' }, limitType: 'number' });
  });

  it('types the JSON body from the operation, optional bodies as possibly undefined', async () => {
    const app = express();
    app.post('/projects', ...jsonBody(config), validate(spec, 'createMyProject'), (_req, res) => {
      const { body, params } = inputOf(res, 'createMyProject');
      expectTypeOf(body).toEqualTypeOf<Schemas['ProjectCreate']>();
      expectTypeOf(params).toEqualTypeOf<Record<string, never>>();
      // @ts-expect-error: a project is created with a name, not a title
      expect(body.title).toBeUndefined();
      res.json({ name: body.name });
    });
    app.post('/push/:project', ...jsonBody(config), validate(spec, 'pushProject', { skipParams: ['token'] }), (_req, res) => {
      const { body } = inputOf(res, 'pushProject');
      expectTypeOf(body).toEqualTypeOf<Schemas['ProjectPush'] | undefined>();
      res.json({ sent: body !== undefined });
    });
    expect((await request(app).post('/projects').send({ name: 'dla' })).body).toEqual({ name: 'dla' });
    expect((await request(app).post('/push/dla')).body).toEqual({ sent: false });
  });

  it('gives a multipart route its path and query only: the body is read field by field after multipart()', async () => {
    const app = express();
    app.post('/container/:project', validate(spec, 'pushContainer', { skipParams: ['token'] }), (_req, res) => {
      const input = multipartInputOf(res, 'pushContainer');
      expectTypeOf(input).toEqualTypeOf<{ params: { project: string }; query: Record<string, never> }>();
      res.json(input);
    });
    expect((await request(app).post('/container/dla').field('metadata', '{}')).body).toEqual({ params: { project: 'dla' }, query: {} });
  });

  it('refuses to read a route validated as another operation, and an operationId openapi.yaml lacks', async () => {
    const app = express();
    app.get('/records/:id', validate(spec, 'getRecord'), (_req, res) => {
      answer(res, () => inputOf(res, 'getProject'));
    });
    expect((await request(app).get('/records/6560a1b2c3d4e5f6a7b8c9d1')).body).toEqual({ thrown: "inputOf('getProject') called on a route validated as 'getRecord'" });
    // @ts-expect-error: openapi.yaml has no operation pushContainr
    expect(() => validate(spec, 'pushContainr')).toThrow('openapi.yaml has no operation pushContainr');
    // @ts-expect-error: only the API token is checked by another middleware
    expect(() => validate(spec, 'getRecord', { skipParams: ['id'] })).not.toThrow();
  });
});
