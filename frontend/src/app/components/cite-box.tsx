/** The "Cite" box of a record or a verdict: its permanent link, BibTeX to copy, CITATION.cff and DataCite downloads. */
import { useQuery } from '@tanstack/react-query';
import { cloud } from '../api/client';
import { Card, CodeBlock, CopyButton, ErrorBox, Loading } from './ui';

/** The permanent link of a record (`/r/<id>`, which always resolves to it) or of a verdict's page. */
function permanentLink(kind: 'record' | 'verdict', id: string): string {
  return `${window.location.origin}${kind === 'record' ? '/r/' : '/requests/'}${id}`;
}

/** How to cite what the page shows; `sealed` says whether an agreed verdict has fixed it. */
export function CiteBox({ kind, id, sealed }: { kind: 'record' | 'verdict'; id: string; sealed: boolean }) {
  const bibtex = useQuery({ queryKey: ['citation', kind, id, 'bibtex'], queryFn: ({ signal }) => cloud.exports.citation(kind, id, 'bibtex', { signal }), staleTime: 60_000 });
  const link = permanentLink(kind, id);
  return (
    <Card title="Cite" className="span-2 cite-box" id="cite">
      <p className="cite-link">
        Permanent link: <a href={link}>{link}</a> <CopyButton text={link} label="Copy link" />
      </p>
      <p className={`small ${sealed ? 'cite-sealed' : 'muted'}`} data-sealed={sealed}>
        {kind === 'record'
          ? sealed
            ? 'This record is sealed by an agreed verdict: its program, inputs, outputs and parameters can no longer change, so it is the kind of record worth citing.'
            : 'Sealed records (those of an agreed verdict) are the ones worth citing: they can no longer change. This one is not sealed yet.'
          : 'Cite the verdict together with the two records it is about; sealed records (after an agreed verdict) are the ones worth citing.'}
      </p>
      {bibtex.isPending ? <Loading /> : bibtex.isError ? <ErrorBox error={bibtex.error} /> : <CodeBlock code={bibtex.data} label="BibTeX" />}
      <p className="small">
        Also as{' '}
        <a href={cloud.exports.url(kind, id, { format: 'cff' })} download>
          CITATION.cff
        </a>{' '}
        and{' '}
        <a href={cloud.exports.url(kind, id, { format: 'datacite' })} download>
          DataCite metadata
        </a>
        .
      </p>
    </Card>
  );
}
