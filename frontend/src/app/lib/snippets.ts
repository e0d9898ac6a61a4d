/** Ready-to-paste text: CLI and Sumatra set-up, badge markdown, how to pull a container image. */
import type { Container } from '@reprise/sdk';

/** What stands in for the token when it is not shown any more. */
const TOKEN_PLACEHOLDER = 'rpr_…your-token…';

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

type Runtime = 'docker' | 'podman' | 'singularity' | 'apptainer';

/** Reference schemes that only Singularity/Apptainer pull (SIF images, downloaded as they are). */
const SIF_SCHEMES = new Set(['oras', 'library', 'shub', 'http', 'https']);

/** The tool that runs a container of `system`; SIF images and SIF-only references need Singularity/Apptainer. */
function runtimeOf(system: string, sif: boolean): Runtime {
  const name = system.toLowerCase();
  if (name === 'apptainer') return 'apptainer';
  if (name === 'singularity' || sif) return 'singularity';
  return name === 'podman' ? 'podman' : 'docker';
}

/** "sha256:<hex>" for a digest given with or without its algorithm. */
function normalizeDigest(digest: string): string {
  return /^[0-9a-f]{64}$/i.test(digest) ? `sha256:${digest.toLowerCase()}` : digest;
}

function isSifFile(image: NonNullable<Container['image']>): boolean {
  return image.sif?.readable === true || /\.sif$/i.test(image.name ?? '') || /sif/i.test(image.mediaType ?? '');
}

/** Commands that pull an image from a registry reference, pinned by its digest. */
function registryPull(system: string, reference: string, recordedDigest: string | null): string {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(reference)?.[1]?.toLowerCase() ?? null;
  const rest = scheme ? reference.slice(scheme.length + 3) : reference;
  // A digest written into the reference counts only when none was recorded beside it.
  const embedded = /@(sha256:[0-9a-f]{64})$/i.exec(rest)?.[1] ?? null;
  const bare = rest.replace(/@sha256:[0-9a-f]{64}$/i, '');
  const digest = recordedDigest ? normalizeDigest(recordedDigest) : embedded;
  const runtime = runtimeOf(system, scheme !== null && SIF_SCHEMES.has(scheme));
  if (runtime === 'docker' || runtime === 'podman') return `${runtime} pull ${bare}${digest ? `@${digest}` : ''}`;
  const uri = `${scheme ?? 'docker'}://${bare}`;
  if (scheme === null || scheme === 'docker' || scheme === 'oras') {
    return [`${runtime} pull image.sif ${uri}${digest ? `@${digest}` : ''}`, `${runtime} run image.sif`].join('\n');
  }
  // library://, shub:// and http(s):// take no @digest; the SIF arrives as it was stored, so check its digest.
  const check = digest?.startsWith('sha256:') ? [`echo "${digest.slice('sha256:'.length)}  image.sif" | sha256sum -c -`] : digest ? [`# recorded digest: ${digest}`] : [];
  return [`${runtime} pull image.sif ${uri}`, ...check, `${runtime} run image.sif`].join('\n');
}

/** Commands that download an uploaded image through the API and load or run it. */
function uploadedPull(origin: string, system: string, image: NonNullable<Container['image']>, projectId: string, recordId: string): string {
  const runtime = runtimeOf(system, isSifFile(image));
  const sif = runtime === 'singularity' || runtime === 'apptainer';
  const file = sif ? 'image.sif' : 'image.tar';
  const use = sif ? `${runtime} run ${file}` : system === 'docker' || system === 'podman' ? `${runtime} load -i ${file}` : null;
  return [
    `reprise pull --project ${projectId} ${recordId} --output ${file}`,
    `# or: curl -H "Authorization: Bearer $REPRISE_TOKEN" -o ${file} ${origin}/api/v1/record/pull/${projectId}/${recordId}`,
    ...(use ? [use] : []),
  ].join('\n');
}

/**
 * Commands that fetch the container image a record ran in: `docker|podman pull repo@sha256:…`,
 * `singularity|apptainer pull image.sif docker://…|oras://…|library://…` (the reference's own
 * scheme, never doubled), or for an uploaded image its download followed by `docker load` or
 * `singularity run`.
 */
export function pullSnippet(origin: string, container: Pick<Container, 'system' | 'image'> | null, projectId: string, recordId: string): string | null {
  const image = container?.image;
  if (!container || !image) return null;
  if (image.reference) return registryPull(container.system, image.reference, image.digest ?? null);
  if (!image.file) return null;
  return uploadedPull(origin, container.system, image, projectId, recordId);
}
