/** Download buttons of a record, a project or a verdict: an RO-Crate (Process Run Crate) zip, with or without its files, and PROV-JSON. */
import type { ExportKind } from '@reprise/sdk';
import { cloud } from '../api/client';
import { DownloadIcon } from './icons';

/** The export links of one thing the viewer sees (the session cookie goes along with the download). */
export function ExportButtons({ kind, id }: { kind: ExportKind; id: string }) {
  return (
    <details className="export-menu" data-export={kind}>
      <summary className="btn">
        <DownloadIcon /> Export
      </summary>
      <ul className="export-options">
        <li>
          <a href={cloud.exports.url(kind, id, { format: 'ro-crate' })} download data-format="ro-crate">
            RO-Crate (zip, with files)
          </a>
        </li>
        <li>
          <a href={cloud.exports.url(kind, id, { format: 'ro-crate', files: 'none' })} download data-format="ro-crate-metadata">
            RO-Crate (metadata only)
          </a>
        </li>
        <li>
          <a href={cloud.exports.url(kind, id, { format: 'prov' })} download data-format="prov">
            PROV-JSON
          </a>
        </li>
      </ul>
    </details>
  );
}
