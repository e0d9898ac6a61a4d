/**
 * An image output (PNG, JPEG, GIF, WebP or SVG) shown as an image. SVG is shown only through <img>,
 * never inlined: an image element runs no scripts, and the file itself is served as a sandboxed
 * attachment, so even opened directly it cannot run any.
 */
import { cloud } from '../../api/client';
import { formatBytes } from '../../lib/format';
import { IMAGE_MAX_BYTES } from './fetch';

/** A record's image file, unless it is too large to show. */
export function ImagePreview({ record, file, name, size }: { record: string; file: string; name: string; size: number }) {
  if (size > IMAGE_MAX_BYTES) return <p className="muted">Not shown: the image is {formatBytes(size)}, more than the {formatBytes(IMAGE_MAX_BYTES)} previews load.</p>;
  return (
    <figure className="preview-image">
      <img src={cloud.records.fileUrl(record, file)} alt={name} loading="lazy" />
    </figure>
  );
}
