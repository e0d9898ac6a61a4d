/** Attaching input and output files to one's own record, with upload progress and a way to cancel. */
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import type { RecordAtom } from '@reprise/sdk';
import { cloud } from '../api/client';
import { keys } from '../api/hooks';
import { formatBytes, plural } from '../lib/format';
import { Card, Field, FormMessage } from './ui';

/** The attach-files card of a record page. */
export function AttachFiles({ record }: { record: RecordAtom }) {
  const client = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<'outputs' | 'inputs'>('outputs');
  const [files, setFiles] = useState<File[]>([]);
  const [progress, setProgress] = useState<{ sent: number; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const total = files.reduce((sum, file) => sum + file.size, 0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (files.length === 0) return;
    const controller = new AbortController();
    abort.current = controller;
    setError(null);
    setDone(null);
    setProgress({ sent: 0, total });
    try {
      const uploads = files.map((file) => ({ name: file.name, data: file, ...(file.type ? { mediaType: file.type } : {}) }));
      const updated = await cloud.records.attach(record.id, { [kind]: uploads }, { onProgress: (sent, all) => setProgress({ sent, total: all }), signal: controller.signal });
      client.setQueryData(keys.record(record.id), updated);
      setDone(`${plural(files.length, 'file')} attached to the ${kind}.`);
      setFiles([]);
      if (input.current) input.current.value = '';
    } catch (failure) {
      setError(failure instanceof DOMException && failure.name === 'AbortError' ? new Error('The upload was cancelled; nothing was attached.') : failure);
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };

  const percent = progress && progress.total > 0 ? Math.min(100, Math.round((progress.sent / progress.total) * 100)) : 0;
  return (
    <Card title="Attach files" className="span-2 attach">
      <form className="form attach-form" onSubmit={(event) => void submit(event)}>
        <div className="attach-row">
          <div className="segmented" role="radiogroup" aria-label="Attach as">
            {(['outputs', 'inputs'] as const).map((value) => (
              <button key={value} type="button" role="radio" aria-checked={kind === value} className={kind === value ? 'active' : ''} onClick={() => setKind(value)} disabled={Boolean(progress)}>
                {value}
              </button>
            ))}
          </div>
          <Field label="Files" hint="Files with the name of an existing entry replace it. Identical content is stored once.">
            {(ids) => <input {...ids} ref={input} className="input" type="file" multiple disabled={Boolean(progress)} onChange={(event) => setFiles([...(event.target.files ?? [])])} />}
          </Field>
        </div>
        {progress ? (
          <div className="upload-progress" role="status" aria-live="polite">
            <progress max={100} value={percent} aria-label="Upload progress" />
            <span className="small">
              {percent} % · {formatBytes(progress.sent)} of {formatBytes(progress.total)}
            </span>
          </div>
        ) : null}
        <FormMessage error={error} success={done} />
        <div className="form-actions">
          {progress ? (
            <button type="button" className="btn" onClick={() => abort.current?.abort()}>
              Cancel upload
            </button>
          ) : null}
          <button type="submit" className="btn btn-primary" disabled={files.length === 0 || Boolean(progress)}>
            {files.length > 0 ? `Upload ${plural(files.length, 'file')} (${formatBytes(total)})` : 'Upload'}
          </button>
        </div>
      </form>
    </Card>
  );
}
