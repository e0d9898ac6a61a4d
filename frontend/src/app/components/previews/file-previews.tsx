/**
 * Previews of a record's uploaded files: tables, JSON, images and text, each bounded (the first
 * 256 KiB of a file, the first rows or lines of that). A file too large, binary or malformed shows
 * what it can and says why. Each preview loads when it is opened.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Schemas } from '@reprise/sdk';
import { formatBytes } from '../../lib/format';
import { Card, ErrorBox, Loading } from '../ui';
import { fetchHead, PREVIEW_BYTES, previewKind, type PreviewKind } from './fetch';
import { ImagePreview } from './image-preview';
import { isJson, JsonPreview } from './json-preview';
import { TablePreview } from './table-preview';
import { TextPreview } from './text-preview';

type FileRef = Schemas['FileRef'];

const KIND_LABEL: Record<PreviewKind, string> = { image: 'image', table: 'table', json: 'JSON', text: 'text' };

function Preview({ record, file, kind }: { record: string; file: FileRef & { file: string }; kind: PreviewKind }) {
  const head = useQuery({
    queryKey: ['preview', record, file.file],
    queryFn: ({ signal }) => fetchHead(record, file.file, file.size ?? PREVIEW_BYTES, signal),
    staleTime: Number.POSITIVE_INFINITY,
    enabled: kind !== 'image',
  });
  if (kind === 'image') return <ImagePreview record={record} file={file.file} name={file.name} size={file.size ?? 0} />;
  if (head.isPending) return <Loading label="Reading the file…" />;
  if (head.isError) return <ErrorBox error={head.error} title="The file could not be read" />;
  const data = head.data;
  if ('binary' in data) return <p className="muted">No preview: {data.binary}, so it is a binary file ({formatBytes(data.size)}). Download it to open it.</p>;
  const cut = data.complete ? null : <p className="muted small">Showing the first {formatBytes(PREVIEW_BYTES)} of {formatBytes(data.size)}.</p>;
  if (kind === 'table') {
    return (
      <>
        <TablePreview text={data.text} complete={data.complete} size={data.size} />
        {cut}
      </>
    );
  }
  if (kind === 'json') {
    const tree = data.complete && isJson(data.text);
    return (
      <>
        <JsonPreview text={data.text} complete={data.complete} />
        {tree ? null : <TextPreview text={data.text} complete={data.complete} />}
        {cut}
      </>
    );
  }
  return (
    <>
      <TextPreview text={data.text} complete={data.complete} />
      {cut}
    </>
  );
}

function PreviewItem({ record, file }: { record: string; file: FileRef & { file: string } }) {
  const [open, setOpen] = useState(false);
  const kind = previewKind(file.name, file.mediaType);
  return (
    <details className="preview" data-kind={kind} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        <span className="strong break">{file.name}</span> <span className="muted small">
          {KIND_LABEL[kind]} · {formatBytes(file.size)}
        </span>
      </summary>
      {open ? (
        <div className="preview-body">
          <Preview record={record} file={file} kind={kind} />
        </div>
      ) : null}
    </details>
  );
}

/** The previews card of a record page: one entry per uploaded output and input. */
export function FilePreviews({ record, outputs, inputs }: { record: string; outputs: FileRef[]; inputs: FileRef[] }) {
  const uploaded = [...outputs, ...inputs].filter((file): file is FileRef & { file: string } => typeof file.file === 'string' && file.file !== '');
  if (uploaded.length === 0) return null;
  return (
    <Card title="Previews" className="span-2">
      <div className="previews">
        {uploaded.map((file) => (
          <PreviewItem key={`${file.file}/${file.name}/${file.path ?? ''}`} record={record} file={file} />
        ))}
      </div>
    </Card>
  );
}
