/**
 * Reading what a Singularity Image Format (SIF) file says about itself: its global header, its
 * data object descriptors and its labels, as `singularity inspect` shows them. Only the header,
 * the descriptor region and a small labels object are ever read, whatever the size of the image.
 *
 * Layout (all integers little-endian): the global header is a 32-byte launch line, "SIF_MAGIC"
 * in 10 bytes, the version and the architecture code in 3 bytes each, a 16-byte UUID, then eight
 * int64: created, modified, free descriptors, total descriptors, descriptors offset, descriptors
 * size, data offset, data size (128 bytes). Each descriptor is 585 bytes: data type (int32), used
 * (1 byte), id, group id, linked id (uint32), offset, size, size with padding, created,
 * modified, uid, gid (int64), a 128-byte name and 384 bytes of type-specific data (for a
 * partition: file system type and partition type as int32, then a 3-byte architecture code).
 */

/** Reads bytes `start` to `end` (inclusive) of the image. */
export type RangeReader = (start: number, end: number) => Promise<Buffer>;

/** One data object of a SIF image. */
interface SifDescriptor {
  id: number;
  type: string;
  name: string;
  size: number;
  /** File system, partition type and architecture of a partition; null for other objects. */
  fs: string | null;
  partition: string | null;
  arch: string | null;
}

/** What a SIF image says about itself, or why it could not be read. */
export interface SifInfo {
  readable: boolean;
  problem: string | null;
  version: string | null;
  arch: string | null;
  uuid: string | null;
  created: Date | null;
  modified: Date | null;
  descriptors: SifDescriptor[];
  labels: Array<{ name: string; value: string }>;
}

const HEADER_SIZE = 128;
const DESCRIPTOR_SIZE = 585;
const MAGIC = 'SIF_MAGIC';
const MAGIC_OFFSET = 32;
/** Far more descriptors than SIF tools make (48 by default); bounds the descriptor region to ~150 KB. */
const MAX_DESCRIPTORS = 256;
/** Labels objects are a few KiB; a larger one is left unread. */
const MAX_LABELS_BYTES = 64 * 1024;
const MAX_LABELS = 500;
const MAX_LABEL_CHARS = 4096;

const DATA_TYPES: Record<number, string> = {
  0x4001: 'Def.FILE',
  0x4002: 'Env.Vars',
  0x4003: 'JSON.Labels',
  0x4004: 'FS',
  0x4005: 'Signature',
  0x4006: 'JSON.Generic',
  0x4007: 'Generic/Raw',
  0x4008: 'Cryptographic Message',
  0x4009: 'SBOM',
  0x400a: 'OCI.RootIndex',
  0x400b: 'OCI.Blob',
};
const LABELS = 0x4003;
const PARTITION = 0x4004;
const GENERIC_JSON = 0x4006;

const ARCHES: Record<string, string> = {
  '00': 'unknown',
  '01': '386',
  '02': 'amd64',
  '03': 'arm',
  '04': 'arm64',
  '05': 'ppc64',
  '06': 'ppc64le',
  '07': 'mips',
  '08': 'mipsle',
  '09': 'mips64',
  '10': 'mips64le',
  '11': 's390x',
  '12': 'riscv64',
};
const FS_TYPES: Record<number, string> = { 1: 'Squashfs', 2: 'Ext3', 3: 'Archive', 4: 'Raw', 5: 'Encrypted squashfs' };
const PART_TYPES: Record<number, string> = { 1: 'System', 2: 'Primary system', 3: 'Data', 4: 'Overlay' };

/** True when the first bytes of a file carry the SIF magic. */
export function looksLikeSif(prefix: Buffer): boolean {
  return prefix.length >= MAGIC_OFFSET + MAGIC.length && prefix.toString('latin1', MAGIC_OFFSET, MAGIC_OFFSET + MAGIC.length) === MAGIC;
}

/** The answer for a file that is meant to be a SIF but cannot be read as one. */
function unreadableSif(problem: string): SifInfo {
  return { readable: false, problem, version: null, arch: null, uuid: null, created: null, modified: null, descriptors: [], labels: [] };
}

class Malformed extends Error {}

function text(buffer: Buffer, start: number, length: number): string {
  const raw = buffer.subarray(start, start + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? raw.length : end).toString('utf8');
}

/** An int64 that must be a non-negative offset or size within the file. */
function position(buffer: Buffer, at: number, what: string, fileSize: number): number {
  const value = buffer.readBigInt64LE(at);
  if (value < 0n || value > BigInt(fileSize)) throw new Malformed(`${what} (${value}) lies outside the file (${fileSize} bytes)`);
  return Number(value);
}

function time(buffer: Buffer, at: number): Date | null {
  const seconds = buffer.readBigInt64LE(at);
  // Zero means unset; anything beyond year 9999 is noise.
  if (seconds <= 0n || seconds > 253402300799n) return null;
  return new Date(Number(seconds) * 1000);
}

function uuidOf(bytes: Buffer): string | null {
  if (bytes.every((byte) => byte === 0)) return null;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function archOf(code: string): string {
  return ARCHES[code] ?? code;
}

/** Labels from a JSON.Labels object, or the `labels` of a JSON.Generic one (top level or Singularity's data.attributes). */
function labelsOf(json: unknown, type: number): Array<{ name: string; value: string }> | null {
  const object = (value: unknown): Record<string, unknown> | null => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null);
  const root = object(json);
  if (!root) return null;
  const labels = type === LABELS ? root : (object(root.labels) ?? object(object(object(root.data)?.attributes)?.labels));
  if (!labels) return null;
  return Object.entries(labels)
    .slice(0, MAX_LABELS)
    .map(([name, value]) => ({
      name: name.slice(0, MAX_LABEL_CHARS),
      value: (typeof value === 'string' ? value : JSON.stringify(value)).slice(0, MAX_LABEL_CHARS),
    }));
}

/**
 * Reads the header, descriptors and labels of a SIF image of `fileSize` bytes. A file without the
 * SIF magic, or with a header or descriptors that do not hold together, gives `readable: false`
 * with the reason; this never throws for bad content.
 */
export async function readSif(read: RangeReader, fileSize: number): Promise<SifInfo> {
  try {
    if (fileSize < HEADER_SIZE) return unreadableSif(`the file is ${fileSize} bytes, shorter than a SIF header (${HEADER_SIZE} bytes)`);
    const header = await read(0, HEADER_SIZE - 1);
    if (header.length < HEADER_SIZE) throw new Malformed('the header could not be read whole');
    if (!looksLikeSif(header)) return unreadableSif(`no "${MAGIC}" at byte ${MAGIC_OFFSET}: this is not a SIF file`);
    const version = text(header, 42, 3);
    const archCode = text(header, 45, 3);
    const total = header.readBigInt64LE(88);
    const descriptorsOffset = position(header, 96, 'the descriptor region', fileSize);
    const descriptorsSize = position(header, 104, 'the descriptor region size', fileSize);
    if (total < 0n || total > BigInt(MAX_DESCRIPTORS)) throw new Malformed(`the header counts ${total} descriptors (at most ${MAX_DESCRIPTORS} are read)`);
    const count = Number(total);
    if (descriptorsOffset < HEADER_SIZE) throw new Malformed('the descriptor region overlaps the header');
    if (descriptorsSize < count * DESCRIPTOR_SIZE || descriptorsOffset + count * DESCRIPTOR_SIZE > fileSize) {
      throw new Malformed(`the descriptor region (${descriptorsSize} bytes at ${descriptorsOffset}) cannot hold ${count} descriptors`);
    }
    const region = count > 0 ? await read(descriptorsOffset, descriptorsOffset + count * DESCRIPTOR_SIZE - 1) : Buffer.alloc(0);
    if (region.length < count * DESCRIPTOR_SIZE) throw new Malformed('the descriptor region could not be read whole');

    const descriptors: SifDescriptor[] = [];
    let labelsSource: { type: number; offset: number; size: number } | null = null;
    for (let index = 0; index < count; index += 1) {
      const at = index * DESCRIPTOR_SIZE;
      if (region[at + 4] === 0) continue; // an unused slot
      const type = region.readInt32LE(at);
      const offset = position(region, at + 17, `descriptor ${index}'s offset`, fileSize);
      const size = position(region, at + 25, `descriptor ${index}'s size`, fileSize);
      if (offset + size > fileSize) throw new Malformed(`descriptor ${index} ends past the end of the file`);
      const name = text(region, at + 73, 128);
      const extra = at + 201;
      const isPartition = type === PARTITION;
      descriptors.push({
        id: region.readUInt32LE(at + 5),
        type: DATA_TYPES[type] ?? `Unknown (0x${(type >>> 0).toString(16)})`,
        name,
        size,
        fs: isPartition ? (FS_TYPES[region.readInt32LE(extra)] ?? 'Unknown') : null,
        partition: isPartition ? (PART_TYPES[region.readInt32LE(extra + 4)] ?? 'Unknown') : null,
        arch: isPartition ? archOf(text(region, extra + 8, 3)) : null,
      });
      // A JSON.Labels object wins over labels inside generic JSON metadata.
      if (type === LABELS || (type === GENERIC_JSON && labelsSource?.type !== LABELS)) labelsSource = { type, offset, size };
    }

    let labels: SifInfo['labels'] = [];
    let problem: string | null = null;
    if (labelsSource && labelsSource.size > 0) {
      if (labelsSource.size > MAX_LABELS_BYTES) problem = `the labels object is ${labelsSource.size} bytes; only ${MAX_LABELS_BYTES} are read`;
      else {
        const raw = await read(labelsSource.offset, labelsSource.offset + labelsSource.size - 1);
        try {
          labels = labelsOf(JSON.parse(raw.toString('utf8')) as unknown, labelsSource.type) ?? [];
        } catch {
          problem = 'the labels object is not valid JSON';
        }
      }
    }
    return {
      readable: true,
      problem,
      version,
      arch: archOf(archCode),
      uuid: uuidOf(header.subarray(48, 64)),
      created: time(header, 64),
      modified: time(header, 72),
      descriptors,
      labels,
    };
  } catch (error) {
    if (error instanceof Malformed || error instanceof RangeError) return unreadableSif(`malformed SIF: ${error.message}`);
    throw error;
  }
}
