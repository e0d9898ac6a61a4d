import path from 'node:path';
import { gitState } from '../../node/detect.js';
import { hashFile, isFile, mediaTypeOf } from '../../node/files.js';
import type { QueuedOperation } from '../../node/queue.js';
import type { Container, ContainerPush } from '../../types.js';
import { PROJECT, type CommandSpec, type Context, type Invocation } from '../command.js';
import { clientOf, print, projectOf, QUEUED, submit } from '../context.js';
import { EXIT, usageError } from '../exit.js';
import { formatBytes } from '../output.js';

/** `reprise container push`. */
export const spec = {
  name: 'container push',
  summary: "Push a container version (its image, and the source's git state) to a project's history",
  usage: 'reprise container push --system docker --image image.tar [--project P] [options]',
  details:
    'The git commit, branch, tag, remote, dirty state and the sha256 of `git diff HEAD` of the working\n' +
    'tree (--repo, default the current directory) are recorded automatically.',
  positionals: { min: 0, max: 0 },
  options: {
    project: PROJECT,
    system: { type: 'string', description: 'docker, singularity, podman, oci, rocket, …', value: 'SYSTEM' },
    image: { type: 'string', description: 'The image file to upload (e.g. from `docker save`).', value: 'FILE' },
    reference: { type: 'string', description: 'Or: the image in a registry (needs --digest).', value: 'REF' },
    digest: { type: 'string', description: 'The registry digest of --reference.', value: 'DIGEST' },
    repo: { type: 'string', description: 'The source tree whose git state is recorded (default: .).', value: 'DIR' },
    'no-git': { type: 'boolean', description: 'Do not record git state.' },
  },
} as const satisfies CommandSpec;

/** Records the git state, hashes the image and pushes both through the queue (exit 75 when it waits there). */
export async function run(context: Context, { values }: Invocation<typeof spec.options>): Promise<number> {
  const project = projectOf(context, values);
  const { system, image, reference, digest } = values;
  if (!system) throw usageError('--system is required (docker, singularity, podman, oci, rocket, …).');
  if (image && reference) throw usageError('Give --image (a file) or --reference (a registry image), not both.');
  if (reference && !digest) throw usageError('--reference needs --digest.');
  const metadata: ContainerPush = { system };
  if (!values['no-git']) {
    const repo = path.resolve(values.repo ?? '.');
    const git = await gitState(repo);
    if (git) metadata.version = git;
    else if (values.repo) throw usageError(`${repo} is not in a git work tree.`);
  }
  if (reference && digest) metadata.image = { reference, digest };
  let operation: QueuedOperation = { kind: 'pushContainer', project, metadata };
  if (image) {
    const file = path.resolve(image);
    if (!(await isFile(file))) throw usageError(`The image ${image} is not a file.`);
    const { sha256, size } = await hashFile(file);
    const name = path.basename(file);
    operation = { ...operation, image: { file, name, sha256, size, mediaType: mediaTypeOf(name) } };
  }
  const result = await submit(context, clientOf(context), operation, `image ${image ? path.basename(image) : ''}`);
  if (result === QUEUED) return EXIT.queued;
  const container = result as Container;
  print(context, container, () => {
    const version = container.version;
    const source = version.commit ? ` at ${version.commit.slice(0, 12)}${version.branch ? ` (${version.branch})` : ''}${version.dirty ? ', dirty' : ''}` : '';
    const size = container.image?.size ? `, image ${formatBytes(container.image.size)} sha256:${container.image.sha256?.slice(0, 12) ?? ''}` : '';
    return `Container ${container.id} (#${container.position} of ${project}): ${container.system}${source}${size}.`;
  });
  return EXIT.ok;
}
