import { describe, expect, it } from 'vitest';
import { dayEnd, dayStart, intParam, oneOf, withParams } from './params';
import { badgeMarkdown, cliSnippet, pullSnippet, sumatraSnippet } from './snippets';

describe('list filters in the URL', () => {
  it('applies changes, drops empty values and goes back to the first page', () => {
    const next = withParams(new URLSearchParams('q=old&status=finished&cursor=abc'), { q: 'new', status: '' });
    expect(next.toString()).toBe('q=new');
    expect(withParams(new URLSearchParams('q=x'), { cursor: 'c2' }).toString()).toBe('q=x&cursor=c2');
  });

  it('accepts only known values and bounded numbers', () => {
    expect(oneOf('asc', ['asc', 'desc'] as const, 'desc')).toBe('asc');
    expect(oneOf('sideways', ['asc', 'desc'] as const, 'desc')).toBe('desc');
    expect(intParam('50', 1, 100, 25)).toBe(50);
    expect(intParam('500', 1, 100, 25)).toBe(25);
    expect(intParam('-1', 1, 100, 25)).toBe(25);
  });

  it('turns a day into the bounds of created-after and created-before', () => {
    expect(dayStart('2026-11-22')).toBe('2026-11-22T00:00:00.000Z');
    expect(dayEnd('2026-11-22')).toBe('2026-11-23T00:00:00.000Z');
    expect(dayStart('22/11/2026')).toBeUndefined();
  });
});

describe('snippets', () => {
  it('point tools at the dashboard’s own address, with the token when it is known', () => {
    expect(cliSnippet('https://reprise.example', 'rpr_abc')).toContain('reprise login --url https://reprise.example --token rpr_abc');
    expect(cliSnippet('https://reprise.example', null)).toContain('--token rpr_…your-token…');
    expect(sumatraSnippet('http://localhost:5000', 'ada@example.org', 'rpr_abc')).toContain('smt init --store=http://ada%40example.org:rpr_abc@localhost:5000/sumatra/ ');
    expect(badgeMarkdown('https://r.example', 'p1')).toBe('[![reproducibility](https://r.example/cloud/v1/public/projects/p1/badge.svg)](https://r.example/projects/p1)');
  });

  it('pull a registry image by digest, and an uploaded one through the API', () => {
    const registry = { system: 'docker', image: { reference: 'ghcr.io/ada/dla:1.0', digest: 'sha256:abc', sha256: null, size: null, mediaType: null, name: null, file: null } };
    expect(pullSnippet('http://x', registry, 'p', 'r')).toBe('docker pull ghcr.io/ada/dla:1.0@sha256:abc');
    const uploaded = { system: 'docker', image: { reference: null, digest: null, sha256: 'f'.repeat(64), size: 10, mediaType: null, name: 'i.tar', file: 'f1' } };
    expect(pullSnippet('http://x', uploaded, 'p', 'r')).toBe(
      ['reprise pull --project p r --output image.tar', '# or: curl -H "Authorization: Bearer $REPRISE_TOKEN" -o image.tar http://x/api/v1/record/pull/p/r', 'docker load -i image.tar'].join('\n'),
    );
    expect(pullSnippet('http://x', { system: 'docker', image: null }, 'p', 'r')).toBeNull();
  });
});

describe('the records query of a project page URL', () => {
  it('is what the table asks for, so that the route’s prefetch and the page share one request', async () => {
    const { recordsQueryOf } = await import('./records-query');
    expect(recordsQueryOf(new URLSearchParams(''))).toEqual({ sort: 'created', order: 'desc', limit: 25 });
    expect(recordsQueryOf(new URLSearchParams('sort=updated&order=asc&limit=50&status=crashed&q=x&tag=t&from=2026-11-01&to=2026-11-02&cursor=c'))).toEqual({
      sort: 'updated',
      order: 'asc',
      limit: 50,
      status: 'crashed',
      q: 'x',
      tag: 't',
      createdAfter: '2026-11-01T00:00:00.000Z',
      createdBefore: '2026-11-03T00:00:00.000Z',
      cursor: 'c',
    });
    expect(recordsQueryOf(new URLSearchParams('sort=label&status=weird&limit=1000'))).toEqual({ sort: 'created', order: 'desc', limit: 25 });
  });
});
