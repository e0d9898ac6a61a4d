/** What changed from A to B, in sentences ("params.json changed: `/cfl` 0.45 → 0.4"). */
import type { Evidence } from '@reprise/sdk';
import { changesOf } from '../lib/changes';

/** Text with `code` spans written in backquotes. */
function Words({ text }: { text: string }) {
  return (
    <>
      {text.split('`').map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : <span key={index}>{part}</span>))}
    </>
  );
}

/** The list of changes, or a line saying nothing changed. */
export function WhatChanged({ evidence }: { evidence: Evidence }) {
  const changes = changesOf(evidence);
  return (
    <section className="card what-changed" aria-label="What changed">
      <h2 className="card-title">What changed</h2>
      {changes.length === 0 ? (
        <p className="muted">Nothing that the comparison lists: parameters, outputs, dependencies, program and system are the same.</p>
      ) : (
        <ul className="change-list">
          {changes.map((change, index) => (
            <li key={index}>
              <strong>
                <Words text={change.subject} />
              </strong>
              : <Words text={change.words} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
