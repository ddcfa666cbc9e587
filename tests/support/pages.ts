/** The HTML pages of a built site, as files and as site paths. */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface BuiltPage {
  file: string;
  /** Path below the base, e.g. `releases/2007/` or `404.html`. */
  path: string;
}

export function builtPages(dir: string): BuiltPage[] {
  const pages: BuiltPage[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const file = join(folder, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.html')) {
        const rel = relative(dir, file).split(sep).join('/');
        pages.push({ file, path: rel === 'index.html' ? '' : rel.replace(/(^|\/)index\.html$/, '$1') });
      }
    }
  };
  walk(dir);
  return pages.sort((a, b) => a.path.localeCompare(b.path));
}

/** One page of each kind the site has, for checks that visit every page type. */
export function pageTypes(dir: string): string[] {
  const release = builtPages(dir).find(({ path }) => /^releases\/\d{4}-/.test(path))!.path;
  return [
    '',
    'releases/',
    'releases/2007/',
    'categories/financial/',
    'tags/share-buyback/',
    release,
    'contacts/',
    'about/',
    'feeds/',
    'search/?q=buyback',
    'no-such-page/',
  ];
}
