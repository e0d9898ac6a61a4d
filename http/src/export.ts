import type { Response } from 'express';
import { renderExport, type CrateSubject, type Deps, type ExportFormat } from '@reprise/core';

/** The query of an export request, as openapi.yaml declares it. */
export interface ExportQuery {
  format?: ExportFormat | undefined;
  files?: 'all' | 'none' | undefined;
  image?: 'none' | 'include' | undefined;
}

/**
 * Sends an export as an attachment: a crate is streamed (a failure after the first byte can only
 * cut the download short, which the zip's missing central directory makes plain), other formats
 * are sent whole. Both services answer exports the same way through this.
 */
export async function sendExport(res: Response, deps: Deps, subject: CrateSubject, query: ExportQuery, publicUrl: string): Promise<void> {
  const rendered = renderExport(deps, subject, {
    format: query.format ?? 'ro-crate',
    files: query.files !== 'none',
    image: query.image === 'include',
    publicUrl,
  });
  res.set({
    'Content-Type': rendered.mediaType,
    'Content-Disposition': `attachment; filename="${rendered.filename}"`,
    'X-Content-Type-Options': 'nosniff',
  });
  if (typeof rendered.body === 'string') {
    res.send(rendered.body);
    return;
  }
  const stream = rendered.body;
  await new Promise<void>((resolve) => {
    stream.on('error', () => {
      res.destroy();
      resolve();
    });
    res.on('close', resolve);
    stream.pipe(res);
  });
}
