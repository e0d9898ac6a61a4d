/**
 * Small SIF (Singularity Image Format) files for tests, written byte by byte from the format's
 * layout: a 128-byte global header (launch line, "SIF_MAGIC", version, architecture code, UUID,
 * eight little-endian int64), the descriptor region (585 bytes per descriptor) and the data
 * objects after it.
 */

/** One data object of a test SIF. */
interface SifObject {
  /** 0x4001 Def.FILE, 0x4003 JSON.Labels, 0x4004 FS (partition), 0x4006 JSON.Generic, … */
  type: number;
  name?: string;
  data: Buffer;
  /** For a partition: file system type, partition type, architecture code ("02" = amd64). */
  partition?: { fs: number; type: number; arch: string };
}

/** What goes into a test SIF. */
export interface SifOptions {
  version?: string;
  arch?: string;
  created?: Date;
  objects?: SifObject[];
  /** Descriptor slots in the header (unused ones are zero), 48 as SIF tools write by default. */
  slots?: number;
}

const DESCRIPTOR_SIZE = 585;
const DESCRIPTORS_OFFSET = 4096;

function fixed(text: string, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  buffer.write(text, 'utf8');
  return buffer;
}

/** A valid SIF image holding `objects`, with a fixed UUID. */
export function makeSif(options: SifOptions = {}): Buffer {
  const objects = options.objects ?? [];
  const slots = options.slots ?? 48;
  const seconds = BigInt(Math.floor((options.created ?? new Date('2026-01-02T03:04:05Z')).getTime() / 1000));
  const dataOffset = DESCRIPTORS_OFFSET + slots * DESCRIPTOR_SIZE;
  const dataSize = objects.reduce((sum, object) => sum + object.data.length, 0);

  const header = Buffer.alloc(128);
  fixed('#!/usr/bin/env run-singularity\n', 32).copy(header, 0);
  fixed('SIF_MAGIC', 10).copy(header, 32);
  fixed(options.version ?? '01', 3).copy(header, 42);
  fixed(options.arch ?? '02', 3).copy(header, 45);
  Buffer.from('0123456789abcdef0123456789abcdef', 'hex').copy(header, 48);
  header.writeBigInt64LE(seconds, 64);
  header.writeBigInt64LE(seconds, 72);
  header.writeBigInt64LE(BigInt(slots - objects.length), 80);
  header.writeBigInt64LE(BigInt(slots), 88);
  header.writeBigInt64LE(BigInt(DESCRIPTORS_OFFSET), 96);
  header.writeBigInt64LE(BigInt(slots * DESCRIPTOR_SIZE), 104);
  header.writeBigInt64LE(BigInt(dataOffset), 112);
  header.writeBigInt64LE(BigInt(dataSize), 120);

  const descriptors = Buffer.alloc(slots * DESCRIPTOR_SIZE);
  let offset = dataOffset;
  objects.forEach((object, index) => {
    const at = index * DESCRIPTOR_SIZE;
    descriptors.writeInt32LE(object.type, at);
    descriptors[at + 4] = 1;
    descriptors.writeUInt32LE(index + 1, at + 5);
    descriptors.writeUInt32LE(0xf0000001, at + 9);
    descriptors.writeBigInt64LE(BigInt(offset), at + 17);
    descriptors.writeBigInt64LE(BigInt(object.data.length), at + 25);
    descriptors.writeBigInt64LE(BigInt(object.data.length), at + 33);
    descriptors.writeBigInt64LE(seconds, at + 41);
    descriptors.writeBigInt64LE(seconds, at + 49);
    fixed(object.name ?? '', 128).copy(descriptors, at + 73);
    if (object.partition) {
      descriptors.writeInt32LE(object.partition.fs, at + 201);
      descriptors.writeInt32LE(object.partition.type, at + 205);
      fixed(object.partition.arch, 3).copy(descriptors, at + 209);
    }
    offset += object.data.length;
  });

  return Buffer.concat([header, Buffer.alloc(DESCRIPTORS_OFFSET - header.length), descriptors, ...objects.map((object) => object.data)]);
}
