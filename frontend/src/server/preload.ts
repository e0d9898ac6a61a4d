/**
 * What a page needs first, named in a Link header of the page's index.html so that the browser
 * starts it with the document instead of after the app's scripts have loaded, run and routed
 * (hundreds of milliseconds on a first visit): the service answers the page asks for, which the
 * app's own request for the same URL then takes, and the script chunks of the page, which the app
 * would otherwise fetch only once it knows the route. Only pages whose first requests are known
 * from the URL alone are listed; a URL here that the app does not request is fetched for nothing,
 * so each must be exactly the one the dashboard's client builds.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** One module of Vite's build manifest: its file and the chunks it imports statically. */
interface ManifestEntry {
  file: string;
  imports?: string[];
  isEntry?: boolean;
}

/** Vite's build manifest (source path or chunk name → module), written to .vite/manifest.json. */
export type BuildManifest = Record<string, ManifestEntry>;

/** What a page's Link header names. */
interface Preloads {
  /** Same-origin service URLs the page requests first. */
  fetches: string[];
  /** Script chunks of the page that index.html does not load already. */
  modules: string[];
}

/** A project's page; with no query, it opens the records tab at the first page. */
const PROJECT_PAGE = /^\/projects\/([0-9a-f]{24})$/;

/** The source of the project page's chunk, as the manifest names it. */
const PROJECT_PAGE_MODULE = 'src/app/pages/project.tsx';

/**
 * The records query of a project page whose URL has no filters, order or page (the dashboard's
 * defaults, in the order its client writes them).
 */
const FIRST_RECORDS_PAGE = 'sort=created&order=desc&limit=25';

/** Reads the build manifest of the built app in `dir` (empty when the build wrote none). */
export function loadManifest(dir: string): BuildManifest {
  const file = path.join(dir, '.vite', 'manifest.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as BuildManifest) : {};
}

/** The manifest keys of `keys` and every chunk they import, recursively. */
function closure(manifest: BuildManifest, keys: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    for (const imported of manifest[key].imports ?? []) visit(imported);
  };
  keys.forEach(visit);
  return seen;
}

/** The script files of the page module `source` that the entry (index.html) does not load already. */
function chunksOf(manifest: BuildManifest, source: string): string[] {
  const entries = closure(manifest, Object.keys(manifest).filter((key) => manifest[key]?.isEntry));
  return [...closure(manifest, [source])].filter((key) => !entries.has(key)).map((key) => `/${manifest[key]?.file ?? ''}`);
}

/** What the page at `pathname` + `search` needs first (nothing for most pages). */
export function preloadsOf(manifest: BuildManifest, pathname: string, search: string): Preloads {
  const project = PROJECT_PAGE.exec(pathname)?.[1];
  if (project === undefined) return { fetches: [], modules: [] };
  const modules = chunksOf(manifest, PROJECT_PAGE_MODULE);
  if (search !== '') return { fetches: [], modules };
  return { fetches: [`/cloud/v1/projects/${project}`, `/cloud/v1/projects/${project}/records?${FIRST_RECORDS_PAGE}`], modules };
}

/**
 * The Link header of `preloads`, or undefined when there is nothing to name. Fetches carry
 * `crossorigin=anonymous`: the credentials mode of the app's own requests (same-origin, so the
 * session cookie goes along), which the browser needs to hand them the preloaded answers.
 */
export function preloadHeader(preloads: Preloads): string | undefined {
  const links = [
    ...preloads.fetches.map((url) => `<${url}>; rel=preload; as=fetch; crossorigin=anonymous`),
    ...preloads.modules.map((url) => `<${url}>; rel=modulepreload`),
  ];
  return links.length > 0 ? links.join(', ') : undefined;
}
