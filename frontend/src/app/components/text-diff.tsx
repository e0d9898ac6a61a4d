/** The line diff of two text outputs, fetched from the cloud service (size-capped) and diffed here. */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { OutputPair } from '@reprise/sdk';
import { formatBytes } from '../lib/format';
import { textDiff, type DiffRow, type Segment } from '../lib/textdiff';
import { useFileSource, type FileSource } from './file-source';
import { ErrorBox, Loading } from './ui';

/** Outputs larger than this (per side) are not fetched for a diff: the measured distance has to do. */
const DIFF_MAX_BYTES = 1024 * 1024;

/** Why a pair gets no line diff, or null when it can have one. */
export function diffUnavailable(pair: OutputPair): string | null {
  if (pair.result === 'identical') return 'The two files are identical.';
  if (pair.result !== 'text-distance') return 'Only text outputs whose distance the comparison measured get a line diff.';
  const { a, b } = pair;
  if (!a?.uploaded || !b?.uploaded) return 'The bytes of one side were not uploaded.';
  if ((a.size ?? 0) > DIFF_MAX_BYTES || (b.size ?? 0) > DIFF_MAX_BYTES) {
    return `The files are larger than ${formatBytes(DIFF_MAX_BYTES)}; only the distance above is shown.`;
  }
  return null;
}

async function fetchText(source: FileSource, record: string, file: string, signal: AbortSignal): Promise<string> {
  const download = await source.download(record, file, { range: { start: 0, end: DIFF_MAX_BYTES - 1 }, signal });
  return await new Response(download.body).text();
}

function Segments({ segments, text }: { segments: Segment[] | null; text: string }) {
  if (!segments) return <>{text || ' '}</>;
  return (
    <>
      {segments.map((segment, index) =>
        segment.changed ? (
          <mark key={index} className="diff-word">
            {segment.text}
          </mark>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </>
  );
}

function Row({ row }: { row: DiffRow }) {
  switch (row.kind) {
    case 'fold':
      return (
        <tr className="diff-fold">
          <td colSpan={3}>⋯ {row.count.toLocaleString('en')} unchanged lines</td>
        </tr>
      );
    case 'same':
      return (
        <tr className="diff-same">
          <td className="diff-no">{row.oldNo}</td>
          <td className="diff-no">{row.newNo}</td>
          <td className="diff-text">{row.text || ' '}</td>
        </tr>
      );
    case 'removed':
      return (
        <tr className="diff-removed">
          <td className="diff-no">{row.oldNo}</td>
          <td className="diff-no" />
          <td className="diff-text">
            <span className="diff-sign" aria-label="removed">
              −
            </span>
            <Segments segments={row.segments} text={row.text} />
          </td>
        </tr>
      );
    case 'added':
      return (
        <tr className="diff-added">
          <td className="diff-no" />
          <td className="diff-no">{row.newNo}</td>
          <td className="diff-text">
            <span className="diff-sign" aria-label="added">
              +
            </span>
            <Segments segments={row.segments} text={row.text} />
          </td>
        </tr>
      );
  }
}

/** Fetches both sides of a text output pair and shows their line diff. */
export function TextDiffView({ pair, aRecord, bRecord }: { pair: OutputPair; aRecord: string; bRecord: string }) {
  const { a, b } = pair;
  const source = useFileSource();
  const files = useQuery({
    queryKey: ['text-pair', aRecord, a?.sha256 ?? a?.name, bRecord, b?.sha256 ?? b?.name],
    queryFn: async ({ signal }) => {
      const [left, right] = await Promise.all([fetchText(source, aRecord, a?.sha256 ?? a?.name ?? '', signal), fetchText(source, bRecord, b?.sha256 ?? b?.name ?? '', signal)]);
      return { left, right };
    },
    staleTime: Number.POSITIVE_INFINITY,
    enabled: Boolean(a && b),
  });
  const diff = useMemo(() => (files.data ? textDiff(files.data.left, files.data.right) : null), [files.data]);
  if (files.isPending) return <Loading label="Fetching both files…" />;
  if (files.isError) return <ErrorBox error={files.error} title="The files could not be fetched" />;
  if (!diff) return null;
  if (diff.gaveUp) return <p className="muted">The files differ too much for a line diff to be useful; the distance above says how much.</p>;
  return (
    <div className="text-diff">
      <p className="text-diff-stats">
        <span className="diff-stat-removed">−{diff.removed.toLocaleString('en')}</span> <span className="diff-stat-added">+{diff.added.toLocaleString('en')}</span> lines
      </p>
      <div className="text-diff-scroll">
        <table className="diff-table">
          <tbody>
            {diff.rows.map((row, index) => (
              <Row key={index} row={row} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
