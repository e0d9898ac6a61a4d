/** Ready-to-paste text: CLI and Sumatra set-up, badge markdown, how to pull a container image. */
import type { Container } from '@reprise/sdk';

/** What stands in for the token when it is not shown any more. */
export const TOKEN_PLACEHOLDER = 'rpr_…your-token…';

/** Setting up the `reprise` CLI against this dashboard (the web port proxies /api). */
export function cliSnippet(origin: string, token: string | null): string {
  return [
    `reprise login --url ${origin} --token ${token ?? TOKEN_PLACEHOLDER}`,
    'reprise project push my-simulation --public --description "What it computes"',
    'reprise run --project my-simulation --input params.json --output-dir results -- python simulate.py params.json',
  ].join('\n');
}

/** The same through environment variables (CI jobs, containers). */
export function envSnippet(origin: string, token: string | null): string {
  return [`export REPRISE_URL=${origin}`, `export REPRISE_TOKEN=${token ?? TOKEN_PLACEHOLDER}`].join('\n');
}

/** Sumatra's record store on this dashboard: the email as user name, the token as password. */
export function sumatraSnippet(origin: string, email: string, token: string | null): string {
  const url = new URL(origin);
  const user = encodeURIComponent(email);
  const store = `${url.protocol}//${user}:${token ?? TOKEN_PLACEHOLDER}@${url.host}/sumatra/`;
  return [`pip install "sumatra[remote]==0.8.1" GitPython`, `smt init --store=${store} -m main.py my-simulation`, 'smt run default.param seed=7 --reason "first try"'].join('\n');
}

/** Markdown for a public project's reproducibility badge, linking to the project page. */
export function badgeMarkdown(origin: string, projectId: string): string {
  return `[![reproducibility](${origin}/cloud/v1/public/projects/${projectId}/badge.svg)](${origin}/projects/${projectId})`;
}

/** Commands that fetch the container image a record ran in. */
export function pullSnippet(origin: string, container: Pick<Container, 'system' | 'image'> | null, projectId: string, recordId: string): string | null {
  const image = container?.image;
  if (!container || !image) return null;
  if (image.reference) {
    const digest = image.digest ? `@${image.digest.startsWith('sha256:') ? image.digest : `sha256:${image.digest}`}` : '';
    const tool = container.system === 'singularity' || container.system === 'apptainer' ? `${container.system} pull docker://` : `${container.system === 'podman' ? 'podman' : 'docker'} pull `;
    return `${tool}${image.reference.replace(/@sha256:[0-9a-f]+$/, '')}${digest}`;
  }
  if (!image.file) return null;
  const load = container.system === 'podman' ? 'podman load -i image.tar' : container.system === 'docker' ? 'docker load -i image.tar' : null;
  return [
    `reprise pull --project ${projectId} ${recordId} --output image.tar`,
    `# or: curl -H "Authorization: Bearer $REPRISE_TOKEN" -o image.tar ${origin}/api/v1/record/pull/${projectId}/${recordId}`,
    ...(load ? [load] : []),
  ].join('\n');
}
