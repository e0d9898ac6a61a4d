/**
 * What counts as text for output comparison: bytes that are valid UTF-8 without a NUL byte, whose
 * declared media type is not a known binary one. Text is compared by Levenshtein distance over the
 * decoded UTF-16 code units; everything else by digest only.
 */
import { isUtf8 } from 'node:buffer';

/** Media types whose content is binary whatever the bytes look like (image/svg+xml is text). */
const BINARY_MEDIA_TYPE =
  /^(?:(?:image|audio|video|font)\/(?!svg\+xml)|application\/(?:pdf|zip|gzip|x-gzip|x-tar|x-bzip2|x-xz|zstd|x-7z-compressed|x-hdf5?|x-netcdf|vnd\.apache\.parquet|x-parquet|wasm|x-executable|x-sharedlib|java-archive))/i;

/** True when a media type names binary content (so the bytes are compared by digest only). */
export function isBinaryMediaType(mediaType: string | null | undefined): boolean {
  return typeof mediaType === 'string' && BINARY_MEDIA_TYPE.test(mediaType.trim());
}

/** True when bytes are valid UTF-8 and hold no NUL byte: the sniff that decides "text". */
export function looksLikeText(bytes: Uint8Array): boolean {
  return bytes.indexOf(0) === -1 && isUtf8(bytes);
}

/** Decodes UTF-8 bytes, keeping a byte-order mark, so that different bytes never decode to equal text. */
export function decodeText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}
