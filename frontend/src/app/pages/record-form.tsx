/** Recording a run by hand (the paper's "possible, but manual"). */
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { RecordPush, RecordStatus } from '@reprise/sdk';
import { isNotFound } from '../api/client';
import { useProject, useWrites } from '../api/hooks';
import { ErrorBox, Field, FormMessage, Loading, PageHeader, Spinner } from '../components/ui';
import { useTitle } from '../lib/title';
import { NotFoundPage } from './errors';
import { parseTags } from './project-form';

const STATUSES: RecordStatus[] = ['finished', 'crashed', 'aborted', 'running', 'started', 'paused', 'scheduled', 'unknown'];

/** Parses the parameters text: empty means none; anything else must be JSON. */
export function parseParameters(text: string): { value: unknown } | { error: string } {
  if (text.trim() === '') return { value: undefined };
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return { error: `Parameters are not valid JSON: ${(error as Error).message}` };
  }
}

/** The new-record page. */
export function NewRecordPage() {
  const { id = '' } = useParams();
  const project = useProject(id);
  const { createRecord } = useWrites();
  const navigate = useNavigate();
  const [label, setLabel] = useState('');
  const [status, setStatus] = useState<RecordStatus>('finished');
  const [command, setCommand] = useState('');
  const [args, setArgs] = useState('');
  const [parameters, setParameters] = useState('');
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState('');
  const [tags, setTags] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  useTitle('New record');
  if (project.isPending) return <Loading />;
  if (project.isError) return isNotFound(project.error) ? <NotFoundPage what="project" /> : <ErrorBox error={project.error} />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseParameters(parameters);
    if ('error' in parsed) {
      setProblem(parsed.error);
      return;
    }
    setProblem(null);
    const body: RecordPush = { status, reason, outcome, tags: parseTags(tags) };
    if (label.trim()) body.label = label.trim();
    if (command.trim()) body.program = { command: command.trim(), arguments: args.split('\n').map((line) => line.trim()).filter(Boolean) };
    if (parsed.value !== undefined) body.parameters = parsed.value;
    createRecord.mutate({ project: id, body }, { onSuccess: (record) => void navigate(`/records/${record.id}`) });
  };

  return (
    <div className="page page-narrow">
      <PageHeader title="Record a run by hand" eyebrow={<Link to={`/projects/${id}`}>{project.data.name}</Link>} meta="Tools record runs through the API as they happen; this form is for runs made elsewhere." />
      <form className="form card form-card" onSubmit={submit}>
        <div className="form-row">
          <label className="label">
            Label
            <input className="input" value={label} maxLength={200} onChange={(event) => setLabel(event.target.value)} placeholder="a timestamp when empty" />
          </label>
          <label className="label">
            Status
            <select className="input" value={status} onChange={(event) => setStatus(event.target.value as RecordStatus)}>
              {STATUSES.map((value) => (
                <option key={value}>{value}</option>
              ))}
            </select>
          </label>
        </div>
        <label className="label">
          Command
          <input className="input mono" value={command} onChange={(event) => setCommand(event.target.value)} placeholder="python" />
        </label>
        <Field label="Arguments" hint="One per line.">
          {(ids) => <textarea {...ids} className="input mono" rows={3} value={args} onChange={(event) => setArgs(event.target.value)} placeholder={'simulate.py\nparams.json'} />}
        </Field>
        <label className="label">
          Parameters (JSON)
          <textarea className="input mono" rows={4} value={parameters} onChange={(event) => setParameters(event.target.value)} placeholder={'{"seed": 7, "particles": 10000}'} />
        </label>
        <label className="label">
          Reason
          <textarea className="input" rows={2} value={reason} onChange={(event) => setReason(event.target.value)} placeholder="Why this run was made." />
        </label>
        <label className="label">
          Outcome
          <textarea className="input" rows={2} value={outcome} onChange={(event) => setOutcome(event.target.value)} placeholder="What it showed." />
        </label>
        <label className="label">
          Tags
          <input className="input" value={tags} onChange={(event) => setTags(event.target.value)} placeholder="baseline, published" />
        </label>
        <FormMessage error={problem ? new Error(problem) : createRecord.error} />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={createRecord.isPending}>
            {createRecord.isPending ? <Spinner label="Saving" /> : null} Create record
          </button>
        </div>
      </form>
    </div>
  );
}
