import { Readable } from 'node:stream';
import { Types } from 'mongoose';
import type { Schemas } from '@reprise/contract';
import { attachFiles, createRecord, pushContainer, pushProject, type Actor, type Deps, type ProjectDoc, type RecordDoc } from '@reprise/core';
import type { TestDatabase } from '@reprise/tools/testing';

/** Someone to act as: a signed-in test user or a token user. */
export type Who = { id: string | Types.ObjectId; name?: string };

function actor(who: Who): Actor {
  return { id: typeof who.id === 'string' ? new Types.ObjectId(who.id) : who.id, name: who.name ?? 'someone' };
}

function deps(db: TestDatabase): Deps {
  return { models: db.models, blobs: db.blobs };
}

/** Creates a project of `who` through the core service tools use. */
export async function makeProject(db: TestDatabase, who: Who, name: string, fields: Schemas['ProjectPush'] = {}): Promise<ProjectDoc> {
  return (await pushProject(deps(db), actor(who), name, fields)).project;
}

/** Pushes a container into a project of `who`. */
export async function makeContainer(db: TestDatabase, who: Who, project: string, input: Schemas['ContainerPush']) {
  return (await pushContainer(deps(db), actor(who), project, input)).container;
}

/** Files to upload to a record: name → content. */
export interface RecordFiles {
  inputs?: Record<string, string | Buffer>;
  outputs?: Record<string, string | Buffer>;
}

/** Creates a record of `who` in one of their projects, then uploads its files, like a tool would. */
export async function makeRecord(db: TestDatabase, who: Who, project: string, input: Schemas['RecordPush'] = {}, files: RecordFiles = {}): Promise<RecordDoc> {
  const { record } = await createRecord(deps(db), actor(who), project, input);
  const parts = [];
  for (const field of ['inputs', 'outputs'] as const) {
    for (const [name, content] of Object.entries(files[field] ?? {})) {
      const blob = await db.blobs.write(Readable.from([Buffer.from(content)]));
      parts.push({ field, upload: { blob, mediaType: name.endsWith('.png') ? 'image/png' : 'text/plain', originalName: name } });
    }
  }
  if (parts.length === 0) return record;
  return (await attachFiles(deps(db), actor(who), project, record.label, parts, undefined)).record;
}
