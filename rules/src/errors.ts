import type { Schemas } from '@reprise/contract';

export { ERROR_CODES } from './generated/error-codes.js';

/** A stable error code the services send: one of openapi.yaml's ErrorCode list, so an unlisted code does not compile. */
export type ErrorCode = Schemas['ErrorCode'];
