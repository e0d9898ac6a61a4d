import { Router } from 'express';
import type { Schemas } from '@reprise/contract';
import { discardUploads, errors, presentContainer, pushContainer } from '@reprise/core';
import { inputOf, jsonBody, multipartInputOf, validate } from '@reprise/http';
import { byToken } from '../http/auth.js';
import { actorOf, type ApiDeps } from '../http/context.js';
import { onlyMultipart, ownProjectFirst } from '../http/guards.js';
import { allUploads, jsonField, multipart, uploadsOf } from '@reprise/http';
import { idempotent, idempotentUpload } from '../http/idempotency.js';

/** container/push: multipart with the image file, or JSON for an image in a registry. */
export function containersRouter(deps: ApiDeps): Router {
  const router = Router();
  const { spec, config, blobs } = deps;
  const upload = idempotentUpload(deps);

  router.post(
    '/container/push/:project',
    onlyMultipart,
    validate(spec, 'pushContainer', byToken),
    ownProjectFirst(deps),
    upload.before,
    multipart(blobs, config, [{ name: 'image', maxCount: 1 }]),
    upload.after,
    async (req, res) => {
      const { params } = multipartInputOf(res, 'pushContainer');
      let body: Schemas['ContainerPush'];
      try {
        const metadata = jsonField(req, 'metadata');
        if (metadata === undefined) throw errors.badRequest('The multipart field "metadata" (a ContainerPush object as JSON text) is required.');
        body = spec.validateSchema<Schemas['ContainerPush']>('ContainerPush', metadata, 'metadata');
      } catch (error) {
        await discardUploads(deps, allUploads(req));
        throw error;
      }
      // From here on the service owns the upload: it keeps it or discards it.
      const { container, position } = await pushContainer(deps, actorOf(res), params.project, body, uploadsOf(req, 'image')[0]);
      res.status(201).json(presentContainer(container, position));
    },
  );

  router.post('/container/push/:project', ...jsonBody(config), validate(spec, 'pushContainer', byToken), idempotent(deps), async (_req, res) => {
    const { params, body } = inputOf(res, 'pushContainer');
    const { container, position } = await pushContainer(deps, actorOf(res), params.project, body);
    res.status(201).json(presentContainer(container, position));
  });

  return router;
}
