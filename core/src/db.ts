import mongoose, { type Connection } from 'mongoose';
import { recordQueryShapes } from './query-shapes.js';

/** Options for opening the database. */
export interface ConnectOptions {
  /** Overrides the database named in the URI (tests use one database per file). */
  dbName?: string;
  /** How long an operation waits for a server before failing with 503 (ms). */
  serverSelectionTimeoutMS?: number;
  /** Records the shape of every query into this directory (the test suite's index-coverage check; never in production). */
  queryShapeDir?: string;
}

/**
 * Opens a mongoose connection. Commands are not buffered while the server is away: a request
 * fails after serverSelectionTimeoutMS (the error mapper turns that into a 503), and the driver
 * reconnects by itself when the server returns, so the service recovers without a restart.
 */
export async function connectDatabase(uri: string, options: ConnectOptions = {}): Promise<Connection> {
  const connection = mongoose.createConnection(uri, {
    dbName: options.dbName,
    bufferCommands: false,
    autoIndex: false,
    autoCreate: false,
    serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 3000,
    heartbeatFrequencyMS: 2000,
    maxPoolSize: 64,
    monitorCommands: options.queryShapeDir !== undefined,
  });
  await connection.asPromise();
  if (options.queryShapeDir) recordQueryShapes(connection.getClient(), options.queryShapeDir);
  return connection;
}

/** True for driver errors that mean "the database is unreachable", as opposed to a bad request. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const names = new Set([
    'MongoServerSelectionError',
    'MongoNetworkError',
    'MongoNetworkTimeoutError',
    'MongoNotConnectedError',
    'MongoTopologyClosedError',
    'PoolClearedError',
    'PoolClearedOnNetworkError',
    'MongooseServerSelectionError',
  ]);
  if (names.has(error.name)) return true;
  // mongoose with bufferCommands off, while the connection is down.
  return error.name === 'MongooseError' && /before initial connection|Connection .* closed|not connected/i.test(error.message);
}

/**
 * True for a unique-index violation. MongoDB says so with code 11000; FerretDB 1.24 does for
 * inserts, but an update that breaks a unique index comes back as a generic error naming SQLite's
 * UNIQUE constraint.
 */
export function isDuplicateKeyError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return (error as { code?: unknown }).code === 11000 || (error.name === 'MongoServerError' && /UNIQUE constraint failed/.test(error.message));
}
