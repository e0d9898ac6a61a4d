import type { Types } from 'mongoose';
import type { BlobStore } from '../blobstore.js';
import type { OpenModels } from '../models/index.js';

/**
 * What every service function needs: the models and the blob store. The owned collections are not
 * among `models`' types: services reach them through `access(deps)`, whose queries require a scope.
 */
export interface Deps {
  models: OpenModels;
  blobs: BlobStore;
}

/** The signed-in user on whose behalf a service acts. */
export interface Actor {
  id: Types.ObjectId;
  name: string;
}
