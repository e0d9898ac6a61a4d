/**
 * "Reproduce" on a record page: asks for the record to be run again by one of the signed-in
 * user's workers, into a project of theirs; and links the record to its reproductions (the jobs
 * reproducing it, or the job whose run made it).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Executor, RecordAtom } from '@reprise/sdk';
import { cloud } from '../api/client';
import { useProjectList } from '../api/hooks';
import { Field, FormMessage } from './ui';

const EXECUTORS: Array<Executor | ''> = ['', 'native', 'docker', 'podman', 'apptainer', 'singularity', 'slurm'];

/** The Reproduce button with its dialog, and the links between a record and its reproduction jobs. */
export function ReproduceButton({ record, signedIn }: { record: RecordAtom; signedIn: boolean }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [project, setProject] = useState('');
  const [executor, setExecutor] = useState<Executor | ''>('');
  const [tolerance, setTolerance] = useState('0');
  const projects = useProjectList('mine', { limit: 100 }, open && signedIn);
  const about = useQuery({
    queryKey: ['reproductions', 'about', record.id],
    queryFn: async ({ signal }) => {
      const [reproducing, making] = await Promise.all([cloud.reproductions.list({ record: record.id, limit: 1 }, { signal }), cloud.reproductions.list({ result: record.id, limit: 1 }, { signal })]);
      return { latest: reproducing.data[0] ?? null, madeBy: making.data[0] ?? null };
    },
    enabled: signedIn,
  });
  const request = useMutation({
    mutationFn: (into: string) => cloud.reproductions.request(record.id, { project: into, ...(executor ? { executor } : {}), tolerance: Number(tolerance) || 0 }),
    onSuccess: (job) => {
      void queryClient.invalidateQueries({ queryKey: ['reproductions'] });
      dialog.current?.close();
      void navigate(`/reproductions/${job.id}`);
    },
  });
  if (!signedIn) return null;
  const chosen = project || projects.data?.data[0]?.id || '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate(chosen);
  };
  return (
    <>
      {about.data?.madeBy ? (
        <Link className="btn" to={`/reproductions/${about.data.madeBy.id}`}>
          Made by a reproduction
        </Link>
      ) : null}
      {about.data?.latest ? (
        <Link className="btn" to={`/reproductions/${about.data.latest.id}`}>
          Last reproduction: {about.data.latest.state}
        </Link>
      ) : null}
      <button
        type="button"
        className="btn"
        onClick={() => {
          setOpen(true);
          dialog.current?.showModal();
        }}
      >
        Reproduce
      </button>
      <dialog ref={dialog} className="dialog" aria-label={`Reproduce ${record.label}`} onClose={() => setOpen(false)}>
        <h2>Reproduce “{record.label}”</h2>
        <form onSubmit={submit}>
          <div className="dialog-body">
            <p className="muted">
              One of your workers (<code>reprise worker</code>, with your API token) runs this record again and pushes the new record into your project; the platform then
              files the diff request the assessment table allows toward this record.
            </p>
            <Field label="Into your project">
              {(ids) => (
                <select className="input" {...ids} value={chosen} onChange={(event) => setProject(event.target.value)} required>
                  {(projects.data?.data ?? []).map((item) => (
                    <option key={item.id} value={item.id}>
                      {item.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Executor" hint="Any of your workers when left as “any”.">
              {(ids) => (
                <select className="input" {...ids} value={executor} onChange={(event) => setExecutor(event.target.value as Executor | '')}>
                  {EXECUTORS.map((value) => (
                    <option key={value || 'any'} value={value}>
                      {value || 'any'}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Text tolerance" hint="Levenshtein distance allowed between text outputs.">
              {(ids) => <input className="input" type="number" min={0} {...ids} value={tolerance} onChange={(event) => setTolerance(event.target.value)} />}
            </Field>
            {projects.data && projects.data.data.length === 0 ? <p className="muted">Create a project of your own first: the new record goes there.</p> : null}
            <FormMessage error={request.error} />
          </div>
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={() => dialog.current?.close()}>
              Close
            </button>
            <button type="submit" className="btn btn-primary" disabled={!chosen || request.isPending}>
              Queue the reproduction
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
