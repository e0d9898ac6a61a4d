import { describe, expect, it } from 'vitest';
import type { Container } from '@reprise/sdk';
import { pullSnippet } from './snippets';

const hex = 'ab'.repeat(32);
const origin = 'https://reprise.example';

function image(fields: Partial<NonNullable<Container['image']>>): Container['image'] {
  return { sha256: null, size: null, mediaType: null, name: null, file: null, reference: null, digest: null, ...fields };
}

const pull = (system: string, fields: Partial<NonNullable<Container['image']>>) => pullSnippet(origin, { system, image: image(fields) }, 'p1', 'r1');

describe('pull commands for a registry image', () => {
  it('pins docker and podman pulls by digest, without a scheme', () => {
    expect(pull('docker', { reference: 'ghcr.io/lab/sim:1.0', digest: `sha256:${hex}` })).toBe(`docker pull ghcr.io/lab/sim:1.0@sha256:${hex}`);
    expect(pull('podman', { reference: 'docker://ghcr.io/lab/sim', digest: hex })).toBe(`podman pull ghcr.io/lab/sim@sha256:${hex}`);
    expect(pull('docker', { reference: `ghcr.io/lab/sim@sha256:${hex}` })).toBe(`docker pull ghcr.io/lab/sim@sha256:${hex}`);
  });

  it('gives singularity and apptainer a docker:// URI for a plain reference, and keeps an explicit scheme without doubling it', () => {
    expect(pull('singularity', { reference: 'ghcr.io/lab/sim:1.0', digest: `sha256:${hex}` })).toBe(
      [`singularity pull image.sif docker://ghcr.io/lab/sim:1.0@sha256:${hex}`, 'singularity run image.sif'].join('\n'),
    );
    const oras = pull('singularity', { reference: 'oras://registry.example/lab/sim.sif', digest: `sha256:${hex}` });
    expect(oras).toBe([`singularity pull image.sif oras://registry.example/lab/sim.sif@sha256:${hex}`, 'singularity run image.sif'].join('\n'));
    expect(oras).not.toContain('docker://');
    expect(pull('apptainer', { reference: 'docker://ghcr.io/lab/sim', digest: hex })?.split('\n')[0]).toBe(`apptainer pull image.sif docker://ghcr.io/lab/sim@sha256:${hex}`);
  });

  it('pulls library:// references as they are and checks the SIF against the recorded digest', () => {
    expect(pull('singularity', { reference: 'library://lab/default/sim:1.0', digest: `sha256:${hex}` })).toBe(
      ['singularity pull image.sif library://lab/default/sim:1.0', `echo "${hex}  image.sif" | sha256sum -c -`, 'singularity run image.sif'].join('\n'),
    );
  });

  it('uses singularity for a SIF-only reference even when the container says docker', () => {
    expect(pull('docker', { reference: 'oras://registry.example/lab/sim.sif', digest: `sha256:${hex}` })?.split('\n')[0]).toBe(
      `singularity pull image.sif oras://registry.example/lab/sim.sif@sha256:${hex}`,
    );
  });
});

describe('pull commands for an uploaded image', () => {
  it('downloads a docker tarball through the API and loads it', () => {
    expect(pull('docker', { file: 'f1', name: 'sim.tar', sha256: hex })).toBe(
      [
        'reprise pull --project p1 r1 --output image.tar',
        `# or: curl -H "Authorization: Bearer $REPRISE_TOKEN" -o image.tar ${origin}/api/v1/record/pull/p1/r1`,
        'docker load -i image.tar',
      ].join('\n'),
    );
    expect(pull('podman', { file: 'f1', name: null, sha256: hex })?.split('\n').at(-1)).toBe('podman load -i image.tar');
  });

  it('downloads a SIF through the API and runs it with singularity or apptainer', () => {
    const sif = pull('singularity', { file: 'f1', name: 'sim.sif', sha256: hex });
    expect(sif).toBe(
      [
        'reprise pull --project p1 r1 --output image.sif',
        `# or: curl -H "Authorization: Bearer $REPRISE_TOKEN" -o image.sif ${origin}/api/v1/record/pull/p1/r1`,
        'singularity run image.sif',
      ].join('\n'),
    );
    expect(pull('apptainer', { file: 'f1', name: 'odd name;rm.sif' })?.split('\n').at(-1)).toBe('apptainer run image.sif');
    expect(pull('docker', { file: 'f1', name: 'sim.sif' })?.split('\n').at(-1)).toBe('singularity run image.sif');
    // A file the API read as a SIF runs as one whatever its name.
    const metadata = { readable: true, problem: null, version: '01', arch: 'amd64', uuid: null, created: null, modified: null, descriptors: [], labels: [] };
    expect(pull('docker', { file: 'f1', name: 'image.bin', sif: metadata })?.split('\n').at(-1)).toBe('singularity run image.sif');
  });

  it('offers nothing without an image', () => {
    expect(pullSnippet(origin, { system: 'docker', image: null }, 'p1', 'r1')).toBeNull();
    expect(pullSnippet(origin, null, 'p1', 'r1')).toBeNull();
  });
});
