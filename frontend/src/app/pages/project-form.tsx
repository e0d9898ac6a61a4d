/** Creating a project by hand, and editing one (name, description, goals, tags, privacy), or deleting it. */
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Project, ProjectDetail } from '@reprise/sdk';
import { isNotFound } from '../api/client';
import { useMe, useProject, useWrites } from '../api/hooks';
import { ConfirmButton, ErrorBox, Field, FormMessage, Loading, PageHeader, Spinner } from '../components/ui';
import { useTitle } from '../lib/title';
import { NotFoundPage } from './errors';

/** "a, b ,c" → ["a", "b", "c"] (unique, no empties). */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(',').map((tag) => tag.trim()).filter(Boolean))];
}

function ProjectForm({ initial, busy, error, submitLabel, onSubmit }: { initial?: Project; busy: boolean; error: unknown; submitLabel: string; onSubmit: (values: { name: string; description: string; goals: string; tags: string[]; private: boolean }) => void }) {
  const [name, setName] = useState(initial?.name ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [goals, setGoals] = useState(initial?.goals ?? '');
  const [tags, setTags] = useState((initial?.tags ?? []).join(', '));
  const [isPrivate, setPrivate] = useState(initial?.private ?? true);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({ name: name.trim(), description, goals, tags: parseTags(tags), private: isPrivate });
  };
  return (
    <form className="form card form-card" onSubmit={submit}>
      <Field label="Name" hint="Letters, digits, “.”, “_” and “-”; tools push to it by this name.">
        {(ids) => <input {...ids} className="input" name="name" required maxLength={100} value={name} onChange={(event) => setName(event.target.value)} placeholder="dla-simulation" />}
      </Field>
      <label className="label">
        Description
        <textarea className="input" name="description" rows={3} maxLength={10000} value={description} onChange={(event) => setDescription(event.target.value)} placeholder="What the project computes." />
      </label>
      <label className="label">
        Goals
        <textarea className="input" name="goals" rows={3} maxLength={10000} value={goals} onChange={(event) => setGoals(event.target.value)} placeholder="What the runs should show." />
      </label>
      <Field label="Tags" hint="Separated by commas.">
        {(ids) => <input {...ids} className="input" name="tags" value={tags} onChange={(event) => setTags(event.target.value)} placeholder="fractal, monte-carlo" />}
      </Field>
      <fieldset className="radio-group">
        <legend>Visibility</legend>
        <label className="radio">
          <input type="radio" name="visibility" checked={isPrivate} onChange={() => setPrivate(true)} />
          <span>
            <strong>Private</strong> — only you see the project and its records.
          </span>
        </label>
        <label className="radio">
          <input type="radio" name="visibility" checked={!isPrivate} onChange={() => setPrivate(false)} />
          <span>
            <strong>Public</strong> — everyone can browse it, compare with it and send you diff requests.
          </span>
        </label>
      </fieldset>
      <FormMessage error={error} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy || !name.trim()}>
          {busy ? <Spinner label="Saving" /> : null} {submitLabel}
        </button>
      </div>
    </form>
  );
}

/** Create a project. */
export function NewProjectPage() {
  useTitle('New project');
  const { createProject } = useWrites();
  const navigate = useNavigate();
  return (
    <div className="page page-narrow">
      <PageHeader title="New project" eyebrow={<Link to="/projects">Projects</Link>} meta="Tools can also create projects by pushing to a new name." />
      <ProjectForm
        busy={createProject.isPending}
        error={createProject.error}
        submitLabel="Create project"
        onSubmit={(values) => createProject.mutate(values, { onSuccess: (project) => void navigate(`/projects/${project.id}`) })}
      />
    </div>
  );
}

function EditForm({ project }: { project: ProjectDetail }) {
  const { editProject, deleteProject } = useWrites();
  const navigate = useNavigate();
  return (
    <>
      <ProjectForm
        initial={project}
        busy={editProject.isPending}
        error={editProject.error}
        submitLabel="Save changes"
        onSubmit={(values) => editProject.mutate({ id: project.id, body: values }, { onSuccess: () => void navigate(`/projects/${project.id}`) })}
      />
      <section className="card danger-zone">
        <div>
          <h2 className="card-title">Delete this project</h2>
          <p className="muted">Its {project.counts.records} records, {project.counts.containers} container versions and the diff requests about them go too. This cannot be undone.</p>
        </div>
        <ConfirmButton
          label="Delete project"
          title={`Delete “${project.name}”?`}
          confirmLabel="Delete for good"
          onConfirm={() => deleteProject.mutateAsync(project.id).then(() => navigate('/projects'))}
        >
          <p>
            Everything in <strong>{project.name}</strong> is deleted: {project.counts.records} records, their files when no other record uses them, {project.counts.containers} container
            versions and every diff request about these records.
          </p>
        </ConfirmButton>
      </section>
    </>
  );
}

/** Edit (or delete) one of the signed-in user's projects. */
export function EditProjectPage() {
  const { id = '' } = useParams();
  const project = useProject(id);
  const me = useMe();
  useTitle(project.data ? `Edit ${project.data.name}` : 'Edit project');
  if (project.isPending) return <Loading />;
  if (project.isError) return isNotFound(project.error) ? <NotFoundPage what="project" /> : <ErrorBox error={project.error} onRetry={() => void project.refetch()} />;
  if (project.data.owner.id !== me.data?.id) return <ErrorBox title="Not yours" error={new Error('Only the owner of this project can change it.')} />;
  return (
    <div className="page page-narrow">
      <PageHeader title={`Edit ${project.data.name}`} eyebrow={<Link to={`/projects/${id}`}>{project.data.name}</Link>} />
      <EditForm project={project.data} />
    </div>
  );
}
