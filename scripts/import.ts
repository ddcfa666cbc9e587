/**
 * `npm run import -- <file.txt>… [--dry-run] [--force] [--category NAME] [--content DIR]`
 *
 * Converts legacy plain-text releases into release MDX (see src/lib/importer/). Closing sections
 * that match an existing notice, boilerplate or contact become references; others become new
 * entries. Prints what it recognised, what it kept as plain text and what it created, per file.
 * Exits non-zero when a file could not be imported. `--dry-run` prints everything and writes
 * nothing; an existing release is only replaced with `--force`; entries are never overwritten.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { load } from 'js-yaml';
import { displayPath, readCollection } from '../src/lib/check/content-folder';
import { splitFrontmatter } from '../src/lib/check/frontmatter-source';
import { decodeSource } from '../src/lib/check/source-text';
import { dayOf } from '../src/lib/frontmatter';
import { existingEntries } from '../src/lib/importer/existing';
import { importRelease, type ImportResult, type NewEntry } from '../src/lib/importer/import-release';
import { releasePath, withBase } from '../src/lib/urls';

const USAGE = 'usage: npm run import -- <file.txt>… [--dry-run] [--force] [--category NAME] [--content DIR]';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'dry-run': { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
    category: { type: 'string' },
    content: { type: 'string' },
  },
});
if (!positionals.length) {
  console.error(USAGE);
  process.exit(2);
}
// src/settings.ts reads the content folder named by NEWSROOM_CONTENT, like the build.
if (values.content) process.env.NEWSROOM_CONTENT = values.content;
const { CONTENT_DIR } = await import('../src/folders');
const { settings } = await import('../src/settings');

const dryRun = values['dry-run'];

const existing = existingEntries(CONTENT_DIR);
/** Release files written (or, in a dry run, planned) in this run. */
const planned = new Set<string>();
/**
 * The releases there are, by language, date and headline, with their files: a source imported
 * again under another file name would otherwise publish the same release twice.
 */
const sameRelease = (data: Record<string, unknown> | undefined) =>
  `${String(data?.lang ?? settings.defaultLanguage)}\u0000${dayOf(data?.date)}\u0000${String(data?.headline ?? '')}`;
const releasesThere = new Map(
  readCollection(CONTENT_DIR, 'releases', process.cwd()).flatMap((e) =>
    typeof e.data?.headline === 'string' ? [[sameRelease(e.data), join(CONTENT_DIR, 'releases', e.relativePath)]] : [],
  ),
);
let failures = 0;

function list(label: string, lines: readonly string[], none: string): void {
  const [first = none, ...rest] = lines;
  console.log(`  ${label.padEnd(11)} ${first}`);
  for (const line of rest) console.log(`  ${''.padEnd(11)} ${line}`);
}

function fail(file: string, message: string): void {
  console.error(`${file}: ${message}`);
  failures++;
}

function write(path: string, text: string, overwrite: boolean): void {
  if (dryRun) return;
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text, { flag: overwrite ? 'w' : 'wx' });
}

function remember(entry: NewEntry): void {
  if (entry.collection === 'contacts') existing.contacts.push(entry.entry);
  else existing[entry.collection].push(entry.entry);
}

function printSummary(
  file: string,
  target: string,
  result: Extract<ImportResult, { ok: true }>,
  created: readonly { entry: NewEntry; path: string }[],
): void {
  const verb = dryRun ? 'would write' : 'wrote';
  console.log(`${file}`);
  list('release', [`${displayPath(target)} (${verb})`], '');
  list('recognised', result.report.recognised, 'nothing');
  list(
    'plain text',
    result.report.plain.map(({ line, text }) => `line ${line}: ${text.length > 70 ? `${text.slice(0, 69)}…` : text}`),
    'none',
  );
  list(
    'created',
    created.map(({ path }) => `${displayPath(path)}${dryRun ? ' (would write)' : ''}`),
    'nothing',
  );
  if (result.report.notes.length) list('notes', result.report.notes, '');
  list(
    'preview',
    [`http://localhost:4321${withBase(process.env.NEWSROOM_BASE || '/', releasePath(result.slug))} (npm run dev)`],
    '',
  );
  if (dryRun) {
    for (const [path, text] of [[target, result.mdx], ...created.map(({ path, entry }) => [path, entry.text])]) {
      console.log(`\n--- ${displayPath(path!)}\n${text}`);
    }
  }
}

for (const file of positionals) {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    fail(file, `cannot read the file: ${(error as Error).message}`);
    continue;
  }
  const decoded = decodeSource(bytes);
  if ('message' in decoded) {
    fail(`${file}:${decoded.line}`, decoded.message);
    continue;
  }
  const result = importRelease({
    text: decoded.text,
    sourceName: basename(file),
    settings: {
      categories: settings.categories,
      companyNames: [settings.company.name, settings.company.shortName].filter((n): n is string => !!n),
      datelineSeparator: settings.datelineSeparator,
      languages: settings.languages,
    },
    existing,
    category: values.category,
  });
  if (!result.ok) {
    fail(file, result.reason);
    continue;
  }
  const target = join(CONTENT_DIR, 'releases', result.fileName);
  // Imported before, and nothing since changed it: running the import again is not a failure.
  const same = !planned.has(target) && existsSync(target) && readFileSync(target, 'utf8') === result.mdx;
  if (same && result.created.length === 0) {
    planned.add(target);
    console.log(`${file}\n  release     ${displayPath(target)} (imported before, unchanged)\n`);
    continue;
  }
  if ((existsSync(target) && !values.force) || planned.has(target)) {
    fail(file, `${displayPath(target)} already exists; not replaced (use --force to replace it)`);
    continue;
  }
  const key = sameRelease(load(splitFrontmatter(result.mdx)?.yaml ?? '') as Record<string, unknown>);
  const twin = releasesThere.get(key);
  if (twin && twin !== target && !values.force) {
    fail(
      file,
      `not imported: ${displayPath(twin)} is this release already (same language, date and headline); use --force to import it under another name`,
    );
    continue;
  }
  releasesThere.set(key, target);
  planned.add(target);

  const created = result.created.map((entry) => ({ entry, path: join(CONTENT_DIR, entry.collection, entry.fileName) }));
  for (const { entry, path } of created) {
    write(path, entry.text, false);
    remember(entry);
  }
  write(target, result.mdx, true);

  printSummary(file, target, result, created);
  console.log('');
}

if (failures) {
  console.error(`${failures} of ${positionals.length} file(s) not imported.`);
  process.exitCode = 1;
} else if (!dryRun) {
  console.log('Next: npm run check, then npm run dev to review each release against its source.');
}
