import { describe, expect, it } from 'vitest';
import { mapDataKeys, mapDependencies, parseSumatraTimestamp, repriseTags, statusOfTags, sumatraDocumentOf, toReplacement } from './sumatra.mapping.js';
import { parseSumatraPath } from './sumatra.routes.js';

describe('Sumatra timestamps', () => {
  it('parses every form Sumatra reads, offsets included', () => {
    const utc = '2026-11-22T07:13:23.000Z';
    for (const text of ['2026-11-22 07:13:23+0000', '2026-11-22T07:13:23+0000', '2026-11-22 07:13:23', '2026-11-22T07:13:23', '2026-11-22 08:13:23+0100', '2026-11-22 02:13:23-05:00', '2026-11-22 07:13:23 00:00', '2026-11-22T07:13:23Z']) {
      expect(parseSumatraTimestamp(text)?.toISOString(), text).toBe(utc);
    }
  });

  it('gives null for text that is not a Sumatra timestamp, or a date that does not exist', () => {
    for (const text of ['', 'yesterday', '2026-02-31 00:00:00', '2026-11-22', '22/11/2026 07:13:23']) {
      expect(parseSumatraTimestamp(text), text).toBeNull();
    }
  });
});

describe('Sumatra tags', () => {
  it('takes the status from the status tag furthest along, and unknown without one', () => {
    expect(statusOfTags(['_initialized_'])).toBe('scheduled');
    expect(statusOfTags(['_finished..._'])).toBe('running');
    expect(statusOfTags(['_running_', '_finished_'])).toBe('finished');
    expect(statusOfTags(['_killed_', 'x'])).toBe('aborted');
    expect(statusOfTags(['_my_tag_', 'x'])).toBe('unknown');
  });

  it('leaves status tags out of the Reprise tags, and keeps within Reprise\'s limits', () => {
    expect(repriseTags(['_finished_', '_running..._', '_my_tag_', 'b', 'b', '', 'x'.repeat(101)])).toEqual(['_my_tag_', 'b']);
  });
});

describe('Sumatra data keys and dependencies', () => {
  it('names entries after the file, unique within the list, with relative paths or none', () => {
    const mapped = mapDataKeys([
      { path: '/abs/dir/a.txt', digest: 'A9993E364706816ABA3E25717850C26C9CD0D89D', metadata: { size: 3, mimetype: 'text/plain' } },
      { path: 'x/a.txt', digest: 'd2', metadata: {} },
      { path: 'up/../../b.txt', digest: 'd3', metadata: { size: -1 } },
      { path: 'ctl\u0001.txt', digest: 'd4', metadata: {} },
      { digest: 'no path' },
    ]);
    expect(mapped.refs).toEqual([
      // A sha1 is kept (lowercase) as the entry's digest; anything that is not one is unknown.
      { name: 'a.txt', path: 'abs/dir/a.txt', sha256: null, sha1: 'a9993e364706816aba3e25717850c26c9cd0d89d', size: 3, mediaType: 'text/plain' },
      { name: 'a.txt (2)', path: 'x/a.txt', sha256: null, sha1: null, size: null, mediaType: null },
      { name: 'b.txt', path: null, sha256: null, sha1: null, size: null, mediaType: null },
      { name: 'ctl_.txt', path: null, sha256: null, sha1: null, size: null, mediaType: null },
    ]);
    expect(mapped.details.map((detail) => [detail.name, detail.sha1, detail.path])).toEqual([
      ['a.txt', 'A9993E364706816ABA3E25717850C26C9CD0D89D', '/abs/dir/a.txt'],
      ['a.txt (2)', 'd2', 'x/a.txt'],
      ['b.txt', 'd3', 'up/../../b.txt'],
      ['ctl_.txt', 'd4', 'ctl\u0001.txt'],
    ]);
  });

  it('maps dependencies with the module as manager and skips nameless ones', () => {
    expect(
      mapDependencies({
        dependencies: [
          { name: 'numpy', path: '/p', version: '1.26', diff: '', module: 'python', source: 'https://github.com/numpy/numpy' },
          { name: 'odd', path: '/p', version: null, diff: '', module: 'r' },
          { name: '', path: '/p', version: '1', diff: '', module: 'python' },
        ],
      }),
    ).toEqual([
      { name: 'numpy', version: '1.26', manager: 'python', source: 'https://github.com/numpy/numpy' },
      { name: 'odd', version: '', manager: 'r', source: null },
    ]);
  });
});

describe('Sumatra documents', () => {
  it('stores stdout_stderr once, in stdout, and puts it back where it was', () => {
    const document = { label: 'l', stdout_stderr: 'out', tags: ['_finished_'], timestamp: '2026-11-22 07:13:23+0000' };
    const replacement = toReplacement(document);
    expect(replacement.stdout).toBe('out');
    expect(replacement.sumatra?.document).not.toContain('"out"');
    const back = sumatraDocumentOf({ sumatra: replacement.sumatra, stdout: replacement.stdout });
    expect(JSON.stringify(back)).toBe(JSON.stringify(document));
  });

  it('keeps a stdout_stderr that is not a string in the document', () => {
    const document = { label: 'l', stdout_stderr: null, tags: [] };
    const replacement = toReplacement(document);
    expect(replacement.sumatra?.stdoutInRecord).toBe(false);
    expect(JSON.stringify(sumatraDocumentOf({ sumatra: replacement.sumatra, stdout: 'ignored' }))).toBe(JSON.stringify(document));
  });
});

describe('Sumatra store paths', () => {
  it('routes the protocol\'s paths, with or without the trailing slash, percent-decoding each segment', () => {
    expect(parseSumatraPath('/')).toEqual({ kind: 'root' });
    expect(parseSumatraPath('/p/')).toEqual({ kind: 'project', project: 'p' });
    expect(parseSumatraPath('/p')).toEqual({ kind: 'project', project: 'p' });
    expect(parseSumatraPath('/p/last/')).toEqual({ kind: 'last', project: 'p' });
    expect(parseSumatraPath('/p/tag/a/b/')).toEqual({ kind: 'tag', project: 'p', tag: 'a/b' });
    expect(parseSumatraPath('/p/2026:01/x%2Fy/')).toEqual({ kind: 'record', project: 'p', label: '2026:01/x/y' });
    expect(parseSumatraPath('/p/last/more/')).toEqual({ kind: 'record', project: 'p', label: 'last/more' });
    expect(() => parseSumatraPath('/p/%zz/')).toThrow(/percent-encoding/);
  });
});
