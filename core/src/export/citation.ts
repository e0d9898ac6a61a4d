import { stringify } from 'yaml';
import type { Schemas } from '@reprise/contract';
import { recordUrl, verdictUrl } from './crate.js';

/**
 * Citations of a record or a verdict by their permanent links: BibTeX, CITATION.cff (1.2.0) and
 * DataCite metadata (the JSON of DataCite's schema 4). A record sealed by an agreed verdict cannot
 * change any more, which is what makes it worth citing: the citation says so.
 */

/** What a citation is made of. */
export interface Citable {
  id: string;
  url: string;
  title: string;
  authors: string[];
  date: string;
  keywords: string[];
  description: string;
  kind: 'record' | 'verdict';
  /** Links of what the cited thing is about (a verdict's two records). */
  related: string[];
}

/** A record as a citable thing. */
export function citableRecord(record: Schemas['Record'], sealedBy: string[], publicUrl: string): Citable {
  const sealed = sealedBy.length > 0 ? ' Sealed by an agreed verdict: its program, inputs, outputs and parameters can no longer change.' : '';
  return {
    id: record.id,
    url: recordUrl(publicUrl, record.id),
    title: `${record.projectName}: ${record.label}`,
    authors: [record.owner.name],
    date: record.created,
    keywords: record.tags,
    description: `Run record "${record.label}" of project ${record.projectName} (status ${record.status}).${sealed}`,
    kind: 'record',
    related: sealedBy.map((id) => verdictUrl(publicUrl, id)),
  };
}

/** A verdict (a diff request) as a citable thing. */
export function citableVerdict(request: Schemas['DiffRequest'], publicUrl: string): Citable {
  const assessor = request.answer?.by ?? request.targetOwner;
  const names = (side: Schemas['RecordRef']) => (side.visible ? `${side.projectName ?? ''}: ${side.label ?? side.id}` : side.id);
  return {
    id: request.id,
    url: verdictUrl(publicUrl, request.id),
    title: `${names(request.from)} ${request.proposition} ${names(request.toward)}`,
    authors: [request.sender.name, ...(assessor.id === request.sender.id ? [] : [assessor.name])],
    date: request.answer?.at ?? request.created,
    keywords: [request.proposition, request.method],
    description: `Reproducibility verdict (${request.status}) that run ${names(request.from)} ${request.proposition} run ${names(request.toward)}, by the assessment table cell ${request.cell}.`,
    kind: 'verdict',
    related: [recordUrl(publicUrl, request.from.id), recordUrl(publicUrl, request.toward.id)],
  };
}

/** Escapes text for a BibTeX field in braces. */
function bibtexText(text: string): string {
  return text.replace(/[\\{}]/g, (char) => `\\${char === '\\' ? 'textbackslash{}' : char}`).replace(/([#$%&_^~])/g, '\\$1');
}

/** A BibTeX @misc entry. */
export function bibtex(item: Citable): string {
  const date = new Date(item.date);
  const fields = [
    ['title', `{${bibtexText(item.title)}}`],
    ['author', item.authors.map(bibtexText).join(' and ')],
    ['year', String(date.getUTCFullYear())],
    ['month', ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'][date.getUTCMonth()] ?? ''],
    ['howpublished', `\\url{${item.url}}`],
    ['url', item.url],
    ['note', bibtexText(item.description)],
    ...(item.keywords.length > 0 ? [['keywords', bibtexText(item.keywords.join(', '))]] : []),
  ];
  const key = `reprise_${item.kind}_${item.id}`;
  return `@misc{${key},\n${fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n')}\n}\n`;
}

/** A CITATION.cff file (Citation File Format 1.2.0). */
export function citationCff(item: Citable): string {
  return stringify({
    'cff-version': '1.2.0',
    message: `If you use this ${item.kind === 'record' ? 'run' : 'verdict'}, please cite it as below.`,
    type: 'dataset',
    title: item.title,
    authors: item.authors.map((name) => ({ name })),
    abstract: item.description,
    'date-released': item.date.slice(0, 10),
    url: item.url,
    identifiers: [{ type: 'url', value: item.url, description: 'Permanent link' }],
    ...(item.keywords.length > 0 ? { keywords: item.keywords } : {}),
  });
}

/** DataCite metadata (schema 4, as the attributes of DataCite's JSON API). */
export function datacite(item: Citable): Record<string, unknown> {
  return {
    identifiers: [{ identifier: item.url, identifierType: 'URL' }],
    creators: item.authors.map((name) => ({ name, nameType: 'Personal' })),
    titles: [{ title: item.title }],
    publisher: { name: 'Reprise' },
    publicationYear: String(new Date(item.date).getUTCFullYear()),
    types: { resourceTypeGeneral: item.kind === 'record' ? 'Dataset' : 'Other', resourceType: item.kind === 'record' ? 'Run record' : 'Reproducibility verdict' },
    subjects: item.keywords.map((subject) => ({ subject })),
    dates: [{ date: item.date, dateType: 'Created' }],
    descriptions: [{ description: item.description, descriptionType: 'Abstract' }],
    url: item.url,
    relatedIdentifiers: item.related.map((url) => ({
      relatedIdentifier: url,
      relatedIdentifierType: 'URL',
      relationType: item.kind === 'record' ? 'IsReviewedBy' : 'Reviews',
    })),
    schemaVersion: 'http://datacite.org/schema/kernel-4',
  };
}
