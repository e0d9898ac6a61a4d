// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import type { Evidence } from '@reprise/sdk';
import { requestBlocker } from '../pages/compare';
import { parseParameters } from '../pages/record-form';
import { parseTags } from '../pages/project-form';
import { EvidenceView, Verdict } from './evidence';
import { formatDate } from '../lib/format';
import { Pager, StatusBadge, TimeAgo } from './ui';

afterEach(cleanup);

const PAYLOAD = '<img src=x onerror="window.__xss=1">';

function evidence(overrides: Partial<Evidence> = {}): Evidence {
  const none = { same: true, differences: [], truncated: false };
  return {
    version: 1,
    a: { record: 'a'.repeat(24), label: 'a', project: 'p'.repeat(24) },
    b: { record: 'b'.repeat(24), label: 'b', project: 'p'.repeat(24) },
    code: { same: true, basis: 'vcs', reason: PAYLOAD, a: { vcs: null, container: null, image: null }, b: { vcs: null, container: null, image: null } },
    inputs: { same: true, reason: '', digests: { same: true, common: [], onlyA: [], onlyB: [], unknownA: [], unknownB: [] }, parameters: none },
    outputs: { same: false, reason: '', tolerance: 0, textLimitBytes: 1, pairs: [] },
    dependencies: { same: true, added: [], removed: [], changed: [], unchanged: 0 },
    system: none,
    program: none,
    cell: 'non-repeatable',
    computedAt: '2026-11-22T08:00:00.000Z',
    ...overrides,
  };
}

describe('components', () => {
  it('colours a record status by what it means', () => {
    render(<StatusBadge status="crashed" />);
    expect(screen.getByText('crashed').className).toContain('status-bad');
  });

  it('shows the verdict with its cell highlighted in the table', () => {
    const { container } = render(<Verdict evidence={evidence()} />);
    expect(screen.getByRole('heading', { name: 'Non-repeatable' })).toBeTruthy();
    const current = container.querySelector('[aria-current="true"]');
    expect(current?.textContent).toBe('non-repeatable');
    expect(container.querySelectorAll('.cell-dim')).toHaveLength(7);
  });

  it('shows outputs that cannot be compared as "not comparable", in no cell of the table', () => {
    const side = { name: 'out.txt', path: 'out.txt', sha256: null, sha1: 'c'.repeat(40), size: 2, mediaType: 'text/plain', uploaded: false };
    const pair = { name: 'out.txt', path: 'out.txt', a: { ...side, sha256: 'd'.repeat(64), sha1: null }, b: side, result: 'not-comparable' as const, same: false, note: 'No digest both sides have.' };
    const notComparable = evidence({ outputs: { same: false, comparable: false, reason: '', tolerance: 0, textLimitBytes: 1, pairs: [pair] }, cell: 'not-comparable' });
    const { container } = render(<Verdict evidence={notComparable} />);
    expect(screen.getByRole('heading', { name: 'Not comparable' })).toBeTruthy();
    expect(container.textContent).toContain('the outputs cannot be compared (no digest both sides have): no table cell');
    expect(container.querySelector('[aria-current="true"]')).toBeNull();
    expect(container.querySelectorAll('.cell-dim')).toHaveLength(8);
    expect(screen.getAllByText('not comparable').length).toBeGreaterThan(0);
    cleanup();
    const view = render(<EvidenceView evidence={notComparable} />);
    const row = view.container.querySelector('[data-result="not-comparable"]');
    expect(row?.textContent).toContain('Not comparable');
    expect(row?.textContent).toContain(`sha1 ${'c'.repeat(10)}`);
    expect(view.container.querySelector('.output-pair .badge-bad')).toBeNull();
  });

  it('pages back through the cursors kept in the history entry', async () => {
    const router = createMemoryRouter([{ path: '/list', element: <Pager next="c3" count={20} /> }], {
      initialEntries: [{ pathname: '/list', search: '?q=x&cursor=c2', state: { previous: [null, 'c1'] } }],
    });
    render(<RouterProvider router={router} />);
    expect(screen.getByText(/Page 3/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Next/ }));
    expect(router.state.location.search).toBe('?q=x&cursor=c3');
    expect(router.state.location.state).toEqual({ previous: [null, 'c1', 'c2'] });
    fireEvent.click(await screen.findByRole('button', { name: /Previous/ }));
    expect(router.state.location.search).toBe('?q=x&cursor=c2');
    fireEvent.click(await screen.findByRole('button', { name: /Previous/ }));
    fireEvent.click(await screen.findByRole('button', { name: /Previous/ }));
    expect(router.state.location.search).toBe('?q=x');
  });
});

describe('times', () => {
  it('show a table of times before their exact dates are written, and the exact dates on hover once the page is idle', async () => {
    const times = Array.from({ length: 25 }, (_, i) => new Date(Date.now() - i * 3_600_000).toISOString());
    const { container } = render(
      <ul>
        {times.map((iso) => (
          <li key={iso}>
            <TimeAgo iso={iso} />
          </li>
        ))}
      </ul>,
    );
    const shown = [...container.querySelectorAll('time')];
    expect(shown).toHaveLength(25);
    expect(shown.map((time) => time.getAttribute('title'))).toEqual(times.map(() => null));
    await waitFor(() => expect(shown.map((time) => time.getAttribute('title'))).toEqual(times.map((iso) => formatDate(iso))));
  });
});

describe('form rules', () => {
  it('offers a diff request only from one’s own record toward someone else’s', () => {
    const side = (owner: string) => ({ owner: { id: owner, name: owner } }) as never;
    const me = { id: 'me', email: 'me@example.org', name: 'Me', created: '' };
    expect(requestBlocker({ a: side('me'), b: side('them') }, me)).toBeNull();
    expect(requestBlocker({ a: side('them'), b: side('me') }, me)).toMatch(/swap the sides/);
    expect(requestBlocker({ a: side('me'), b: side('me') }, me)).toMatch(/Both records are yours/);
    expect(requestBlocker({ a: side('x'), b: side('y') }, me)).toMatch(/neither of these is yours/);
    expect(requestBlocker({ a: side('me'), b: side('them') }, null)).toMatch(/Sign in/);
  });

  it('reads tags and JSON parameters as typed', () => {
    expect(parseTags(' a, b ,, a,c ')).toEqual(['a', 'b', 'c']);
    expect(parseParameters('')).toEqual({ value: undefined });
    expect(parseParameters('{"seed": 7, "a.b": {"$c": 1}}')).toEqual({ value: { seed: 7, 'a.b': { $c: 1 } } });
    expect(parseParameters('{seed: 7}')).toMatchObject({ error: expect.stringMatching(/^Parameters are not valid JSON/) });
  });
});
