import type { Types } from 'mongoose';
import type { BlobStore } from '../blobstore.js';
import type { Models } from '../models/index.js';

/** What every service function needs: the models and the blob store. */
export interface Deps {
  models: Models;
  blobs: BlobStore;
}

/** The signed-in user on whose behalf a service acts. */
export interface Actor {
  id: Types.ObjectId;
  name: string;
}
