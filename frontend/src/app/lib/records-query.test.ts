import { describe, expect, it } from 'vitest';
import { recordsQueryOf } from './records-query';

describe('the records query of the URL', () => {
  it('keeps a where, the chosen columns and a sort by a path, and drops a sort that is none', () => {
    const query = recordsQueryOf(new URLSearchParams({ where: 'parameters.cfl < 0.45', cols: 'parameters.cfl,metrics.error', sort: '-metrics.error' }));
    expect(query).toMatchObject({ where: 'parameters.cfl < 0.45', columns: 'parameters.cfl,metrics.error', sort: '-metrics.error' });
    expect(recordsQueryOf(new URLSearchParams({ sort: 'label' })).sort).toBe('created');
    expect(recordsQueryOf(new URLSearchParams({ sort: 'updated' })).sort).toBe('updated');
  });
});
