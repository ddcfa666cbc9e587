/**
 * Wraps a content loader so that every file is checked as written, as it is read, with the same
 * `file:line: field: message` lines as `npm run check`:
 *
 * - the file is UTF-8 and not empty (Astro would read a Windows-1252 file as mojibake, and an
 *   empty one as a release missing every field);
 * - an MDX file's frontmatter is closed by a line of `---` (left open, it reads as every field
 *   missing);
 * - the YAML parses (Astro's message names the line but neither the field nor the likely cause);
 * - calendar dates name real days (`date: 2007-02-30` would otherwise roll over to March 2);
 * - no two files of the folder have one id (`contact.yaml` and `contact.yml`: Astro keeps one).
 *
 * It also renders each MDX file to HTML as it loads (src/loaders/render-mdx.ts, on a worker thread
 * during builds: render-pool.ts), so no MDX file becomes a JavaScript module for the bundler. The
 * HTML is kept beside Astro's content store, in one pack per collection written once the
 * collection has loaded, and the entry names it (src/stored-bodies.ts). Astro keeps the entries
 * between builds and re-renders only files whose text changed — or all of them when the renderer
 * itself changed (its sources are part of each file's digest), or when an entry's stored body went
 * missing. A body that does not parse, uses a component a release may not use, or gives a
 * component an attribute it cannot take stops the build with the file and line, and is not
 * stored, so the next build renders it again. In a build over the entries of an earlier one, a
 * collection that allows it (`reading`: releases) has its files read here first, one after the
 * other, and only those whose text changed handed to the loader, by name: the glob loader's own
 * reads of 10,000 unchanged files took 0.4–0.7 s of Astro's thread.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { escapePath } from 'tinyglobby';
import {
  contentFiles,
  displayPath,
  fieldProblem,
  readSource,
  sameIdProblems,
  strayFiles,
} from '../lib/check/content-folder';
import { entryId } from '../lib/check/entry-id';
import { frontmatterProblem, parseYaml, splitFrontmatter } from '../lib/check/frontmatter-source';
import { compareProblems, contentError, formatProblem, type Problem } from '../lib/check/problem';
import { impossibleDate, writtenFields } from '../lib/frontmatter';
import { unknownFieldNames } from '../schemas/fields';
import { settings } from '../settings';
import { bodiesDir, bodyKey, keepBodies, storedBodies, writeBodies } from '../stored-bodies';
import { renderFile } from './render-pool';
import type { RenderedMetadata } from './render-mdx';

export interface FileChecks {
  /** The collection's folder and the extensions the loader reads: any other file there is an error. */
  folder?: { path: string; extensions: readonly string[] };
  /** Calendar-date fields whose written form must name a real day. */
  dates?: readonly string[];
  /** For MDX files: the components a body may use without importing them. */
  components?: readonly string[];
  /**
   * True when the collection's `generateId` gives each file its id from the file's path alone, never
   * from its data. A file whose text is unchanged since its entry was stored is then not parsed
   * again only for Astro to find its id. (Astro's default id reads the `slug:` field.)
   */
  idFromPath?: boolean;
  /**
   * The same loader reading only `files` (glob patterns, relative to the folder). Given, with
   * `folder` and `idFromPath`, a build over entries kept from an earlier one reads each file of the
   * folder itself and hands the loader only those whose text changed (`changedFiles`).
   */
  reading?: (files: string[]) => Loader;
}

/**
 * At most this many changed files are handed to the loader by name; with more it reads the whole
 * folder. Astro's glob loader matches every file of the folder against each name (1,000 names over
 * 10,000 files: 0.3 s), and a rebuild after an edit changes a few.
 */
const NAMED_FILES = 100;

/**
 * The files of `folder` (relative to it) whose text made no entry that is still kept, and the ids of
 * the kept entries: `keptEntry` gives the id of the entry a file with that text made, if any. Read
 * one after the other, blocking: 10,000 files in 0.06–0.08 s, where the glob loader's reads, ten in
 * flight, take 0.4–0.7 s of the process's time (BENCHMARKS.md). Undefined once more than `limit`
 * files have changed.
 */
function changedFiles(
  folder: string,
  extensions: readonly string[],
  keptEntry: (filePath: string, contents: string) => string | undefined,
  limit: number,
): { files: string[]; kept: Set<string> } | undefined {
  // A folder gone: the loader says so, and empties the collection.
  if (!existsSync(folder)) return undefined;
  const files: string[] = [];
  const kept = new Set<string>();
  for (const file of contentFiles(folder, extensions)) {
    const path = join(folder, file);
    let contents: string | undefined;
    try {
      contents = readFileSync(path, 'utf8');
    } catch {
      // The loader reads it again, and says why it cannot.
    }
    const id = contents === undefined ? undefined : keptEntry(path, contents);
    if (id !== undefined) kept.add(id);
    else if (files.push(file) > limit) return undefined;
  }
  return { files, kept };
}

/** Calendar dates, as written, that name no real day. */
function dateProblems(source: string, file: string, checks: FileChecks): Problem[] {
  return writtenFields(source, checks.dates ?? []).flatMap(({ field, line, value }) => {
    const message = impossibleDate(value);
    return message ? [{ file, line, field, message }] : [];
  });
}

/**
 * Astro's report of frontmatter that does not match the collection's schema, as problems on the
 * lines of their fields (Astro names the fields, not the lines); undefined for any other error.
 */
function schemaProblems(error: unknown, filePath: string): Problem[] | undefined {
  if (!(error instanceof Error) || error.name !== 'InvalidContentEntryDataError') return undefined;
  // One line per issue: `  **categories.0**: expected …`.
  const issues = [...error.message.matchAll(/^ {2}\*\*([^*\n]*)\*\*: (.+)$/gm)];
  if (!issues.length) return undefined;
  return issues.map(([, path, message]) => {
    // Unknown fields come without a path: the message names them (`unknownFields`).
    const unknown = path ? undefined : unknownFieldNames(message!);
    if (unknown) return fieldProblem(filePath, [unknown[0]!], message!, unknown.join(', '));
    const keys = path ? path.split('.').map((key) => (/^\d+$/.test(key) ? Number(key) : key)) : [];
    return fieldProblem(filePath, keys, message!);
  });
}

/**
 * Files of a collection's folder that Astro's glob loader gives one id (`sameIdProblems`). From the
 * folder's listing, so that a file renamed in case only, on a file system that ignores case, is
 * one file.
 */
function sameIds(folder: NonNullable<FileChecks['folder']>): Problem[] {
  // A newsroom without notices has no folder for them.
  if (!existsSync(folder.path)) return [];
  return sameIdProblems(
    contentFiles(folder.path, folder.extensions).map((path) => ({
      id: entryId(path),
      file: displayPath(join(folder.path, path)),
    })),
  );
}

/** Everything wrong with a file as written: encoding, emptiness, YAML syntax, impossible dates. */
function fileProblems(filePath: string, checks: FileChecks): Problem[] {
  const file = displayPath(filePath);
  const { source, problem } = readSource(filePath, file);
  if (problem) return [problem];
  const mdx = filePath.endsWith('.mdx');
  const split = mdx ? splitFrontmatter(source!) : undefined;
  const yaml = mdx ? split && parseYaml(split.yaml, split.yamlLine) : parseYaml(source!);
  if (yaml && 'message' in yaml) {
    return [{ file, line: yaml.line, field: mdx ? '(frontmatter)' : '(file)', message: yaml.message }];
  }
  return dateProblems(source!, file, checks);
}

/**
 * How Astro hands a loader the parsers for each file extension (its own glob loader reads them
 * from the loader context; the public LoaderContext type leaves them out).
 */
interface EntryType {
  getEntryInfo(params: { contents: string; fileUrl: URL }): unknown;
  getRenderFunction?(config: unknown): Promise<RenderFunction>;
}
type RenderFunction = (params: {
  id: string;
  data: Record<string, unknown>;
  body?: string;
  filePath: string;
  digest?: string;
}) => Promise<{ html: string; metadata: RenderedMetadata } | undefined>;

type LoaderContext = Parameters<Loader['load']>[0];
/** The store Astro hands a loader, with the method its glob loader calls for an entry's images. */
type StoreWithAssets = LoaderContext['store'] & { addAssetImports(assets: string[], filePath?: string): void };

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;
type ContextWithEntryTypes = LoaderContext & { entryTypes: Map<string, EntryType> };

/**
 * What rendered HTML depends on besides a file's own text: the renderer, the components, their
 * interface strings, the default language, the check rules, the settings the schemas check entries
 * against (time zone, categories, languages) and the installed parser and HTML
 * libraries (package-lock.json). Folded into every MDX file's digest, so a change to any of them
 * renders every file afresh instead of reusing HTML stored by an earlier build.
 */
const rendererVersion = (() => {
  // The settings the schemas check entries against: an entry valid in one zone, with one set of
  // categories or languages, may not be in another.
  const hash = createHash('sha256').update(
    JSON.stringify([settings.defaultLanguage, settings.timeZone, settings.categories, settings.languages]),
  );
  const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
  const sources = ['../lib/release-body.ts', '../lib/release-components.ts', '../schemas/release-components.ts'];
  // This file (what is stored with the HTML) and the helpers the renderer, the checks, the
  // summary and the releases' ids use.
  const helpers = [
    './checked-files.ts',
    './render-mdx.ts',
    '../stored-bodies.ts',
    '../lib/frontmatter.ts',
    '../lib/check/content-folder.ts',
    '../lib/terms.ts',
    '../lib/html.ts',
    '../lib/releases.ts',
    '../lib/check/mdx.ts',
  ];
  const i18n = here('../i18n/');
  const files = [
    ...[...sources, ...helpers].map(here),
    ...readdirSync(i18n)
      .filter((name) => name.endsWith('.ts'))
      .map((name) => join(i18n, name)),
    here('../../package-lock.json'),
  ];
  for (const file of files) if (existsSync(file)) hash.update(readFileSync(file));
  return hash.digest('hex');
})();

export function checkedFiles(loader: Loader, checks: FileChecks = {}): Loader {
  return {
    ...loader,
    name: `${loader.name}-checked`,
    async load(context) {
      // Each file is checked as it is read: on every build, and on every save under `astro dev`.
      const { entryTypes, store, generateDigest } = context as ContextWithEntryTypes;
      const digestOf: typeof generateDigest = (data) =>
        generateDigest(typeof data === 'string' ? data + rendererVersion : data);
      // The glob loader only logs a file it could not render and stores it without HTML; here
      // such a file is kept out of the store (so the next build tries it again) and stops the build.
      // Likewise for frontmatter that does not match the schema (below, `parseData`). By id, for
      // the report once the collection has loaded:
      const failed = new Map<string, Problem[]>();
      const unparsed = new Map<string, Problem[]>();
      // By what the glob loader then stores, for the save being stored: the data the schema
      // refused, and the id and digest of a body that did not render.
      const refused = new WeakMap<object, Problem[]>();
      const unrendered = new Map<string, Problem[]>();
      const saved = (id: string, digest: unknown) => `${id}\n${String(digest)}`;
      let loaded = false;
      // Under `astro dev`, saves in quick succession are read, checked and rendered side by side,
      // and can finish out of order: what was read from a file's earlier text must neither replace
      // nor remove the entry for what it holds now.
      const root = fileURLToPath(context.config.root);
      const holdsText = (filePath: string, digest: string | number | undefined) => {
        try {
          return digestOf(readFileSync(filePath, 'utf8')) === digest;
        } catch {
          return false;
        }
      };
      // An MDX entry whose body is gone (the folder deleted by hand) is rendered again.
      const bodies = bodiesDir(context.collection);
      const stored = storedBodies(bodies);
      for (const entry of [...store.values()]) {
        const key = bodyKey(entry);
        if (entry.filePath?.endsWith('.mdx') && (key === undefined || !stored.has(key))) store.delete(entry.id);
      }
      // The bodies rendered while the collection loads, by name, written together once it has.
      const rendered = new Map<string, string>();
      const render: RenderFunction = async ({ id, data, body = '', filePath, digest }) => {
        const file = { filePath, body, lang: data.lang, components: checks.components ?? [] };
        let result: Awaited<ReturnType<typeof renderFile>>;
        try {
          result = await renderFile(file, { inProcess: import.meta.env.NEWSROOM_PREVIEW === true });
          // Under `astro dev`, a file saved later is stored at once, before its entry names it.
          if (loaded && result.rendered) {
            writeBodies(bodies, new Map([[result.rendered.metadata.bodyKey, result.html]]));
          }
        } catch (error) {
          // The worker stopped, or (under `astro dev`) the body could not be written: a full disk, a
          // cache folder not writable. The same as a body that does not parse, rather than an entry
          // without HTML.
          const message = `could not be rendered and stored: ${(error as Error).message}`;
          result = { problems: [{ file: displayPath(filePath), field: 'body', message }] };
        }
        const { problems } = result;
        if (!problems) {
          if (!loaded) rendered.set(result.rendered.metadata.bodyKey, result.html);
          return result.rendered;
        }
        failed.set(id, problems);
        unrendered.set(saved(id, digest), problems);
        return undefined;
      };
      // Which entry each file made, by the file's path as the store records it: a file whose text is
      // what that entry was made from (the renderer's sources and the id's rule included) was read,
      // checked and parsed by an earlier build, and Astro keeps its entry as it is. When ids come
      // from paths (`idFromPath`), its frontmatter need not be parsed again only for Astro to find
      // its id (10,000 files in a rebuild).
      const madeFrom = new Map<string, string>();
      if (checks.idFromPath)
        for (const entry of store.values()) if (entry.filePath) madeFrom.set(entry.filePath, entry.id);
      // The id of the entry a file with this text made, when that entry is still as it made it.
      const keptEntry = (filePath: string, contents: string) => {
        const id = madeFrom.get(relative(root, filePath).split(sep).join('/'));
        const entry = id === undefined ? undefined : store.get(id);
        return entry?.digest !== undefined && entry.digest === digestOf(contents) ? id : undefined;
      };
      const unchanged = (filePath: string, contents: string) => keptEntry(filePath, contents) !== undefined;
      const checked = new Map(
        [...entryTypes].map(([extension, type]): [string, EntryType] => [
          extension,
          {
            ...type,
            async getEntryInfo(params) {
              const filePath = fileURLToPath(params.fileUrl);
              // Only while the collection first loads: under `astro dev` a file saved later is read
              // afresh, whatever the store holds. Astro gives the file the id of its path, finds the
              // entry's digest the same and keeps the entry, without reading the data or the body.
              if (!loaded && unchanged(filePath, params.contents)) return { data: {}, body: '' };
              // Text that decoded cleanly and is not empty goes straight to Astro's parser; the file
              // is read and parsed again, for a message naming the line and the field, only when
              // something is wrong with it — so a large archive is not parsed twice.
              const suspect = !params.contents.trim() || params.contents.includes('\uFFFD');
              let info: unknown;
              let parseError: unknown;
              if (!suspect) {
                try {
                  info = await type.getEntryInfo(params);
                } catch (error) {
                  parseError = error;
                }
              }
              // Frontmatter left open, or none, reads as fields gone missing: said as what it is.
              const unframed =
                !suspect && extension === '.mdx'
                  ? frontmatterProblem(displayPath(filePath), params.contents)
                  : undefined;
              const problems = unframed
                ? [unframed]
                : suspect || parseError
                  ? fileProblems(filePath, checks)
                  : dateProblems(params.contents, displayPath(filePath), checks);
              if (problems.length) {
                throw contentError(`Cannot build ${context.collection}:\n${problems.map(formatProblem).join('\n')}`);
              }
              if (parseError) throw parseError;
              return info ?? type.getEntryInfo(params);
            },
            ...(extension === '.mdx' && { getRenderFunction: async () => render }),
          },
        ]),
      );
      // In a build over entries kept from an earlier one, the files whose text changed, when few.
      const byName =
        !context.watcher && checks.idFromPath && checks.folder && checks.reading && madeFrom.size > 0
          ? changedFiles(resolve(root, checks.folder.path), checks.folder.extensions, keptEntry, NAMED_FILES)
          : undefined;
      if (byName) {
        // What the glob loader does for an entry it keeps.
        for (const id of byName.kept) {
          const entry = store.get(id)!;
          if (entry.deferredRender) store.addModuleImport(entry.filePath!);
          if (entry.assetImports?.length)
            (store as StoreWithAssets).addAssetImports(entry.assetImports, entry.filePath);
        }
      }
      const checkedStore = new Proxy(store, {
        get(target, property) {
          // The kept entries are not the loader's to see: it would remove them as made by no file it read.
          if (property === 'keys' && byName) return () => [...target.keys()].filter((id) => !byName.kept.has(id));
          if (property === 'set') {
            return (entry: Parameters<typeof store.set>[0]) => {
              const key = saved(entry.id, entry.digest);
              const body = unrendered.get(key) ?? [];
              unrendered.delete(key);
              // (`filePath` as the glob loader gives it: relative to the project, not encoded.)
              const stale = loaded && entry.filePath && !holdsText(resolve(root, entry.filePath), entry.digest);
              if (stale) return false;
              // Data that is not an object was refused by every schema.
              const data = isObject(entry.data) ? (refused.get(entry.data) ?? []) : (unparsed.get(entry.id) ?? []);
              // An MDX entry without HTML is one whose body failed (above).
              const bad =
                data.length > 0 ||
                body.length > 0 ||
                !isObject(entry.data) ||
                (entry.filePath?.endsWith('.mdx') && !entry.rendered);
              if (!bad) {
                failed.delete(entry.id);
                unparsed.delete(entry.id);
                return target.set(entry);
              }
              // Under `astro dev` a file saved later is read on its own: say what is wrong at once,
              // and keep the entry out until it is fixed.
              const problems = [...data, ...body];
              if (loaded && problems.length) context.logger.error(problems.map(formatProblem).join('\n'));
              target.delete(entry.id);
              return false;
            };
          }
          const value = Reflect.get(target, property, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      // Two files Astro gives one id: it would only warn, and keep one of them.
      const sameId = checks.folder && !checks.idFromPath ? sameIds(checks.folder) : [];
      // A release saved as .md would otherwise be missing from the site without a word.
      const stray = checks.folder ? strayFiles(checks.folder.path, checks.folder.extensions) : [];
      if (stray.length)
        throw contentError(`Cannot build ${context.collection}:\n${stray.map(formatProblem).join('\n')}`);
      // Frontmatter that fails the schema is reported as `npm run check` reports it, and like a body
      // that does not render: the entry is kept out of the store, and every such file is named
      // before the build stops, not only the first.
      const parseData: typeof context.parseData = async <TData extends Record<string, unknown>>(
        props: Parameters<typeof context.parseData<TData>>[0],
      ): Promise<TData> => {
        try {
          return await context.parseData(props);
        } catch (error) {
          const problems = props.filePath ? schemaProblems(error, props.filePath) : undefined;
          if (!problems) throw error;
          unparsed.set(props.id, problems);
          if (isObject(props.data)) refused.set(props.data, problems);
          return props.data;
        }
      };
      // By name, as patterns that match only themselves; none when no file changed.
      const names = byName?.files.map((file) => escapePath(file.split(sep).join('/')));
      const reader = names ? (names.length > 0 ? checks.reading!(names) : undefined) : loader;
      let loadError: unknown;
      try {
        // The entries of files gone are removed, as the loader would remove them.
        if (!reader) {
          for (const id of [...store.keys()]) if (!byName!.kept.has(id)) store.delete(id);
        } else {
          await reader.load({
            ...context,
            parseData,
            entryTypes: checked,
            store: checkedStore,
            generateDigest: digestOf,
          } as ContextWithEntryTypes);
        }
      } catch (error) {
        loadError = error ?? new Error(`Cannot build ${context.collection}`);
      }
      loaded = true;
      // Every body rendered is stored, even when a file failed, so that the next build renders only
      // the files that failed; a load that went through also leaves out what no entry names.
      let notStored: string | undefined;
      try {
        if (loadError === undefined) keepBodies(bodies, store.values(), rendered);
        else if (rendered.size > 0) writeBodies(bodies, rendered);
      } catch (error) {
        // The next build finds these bodies missing, and renders their files again.
        notStored = `the rendered bodies could not be stored in ${bodies}: ${(error as Error).message}`;
      }
      rendered.clear();
      if (loadError !== undefined) {
        if (notStored) context.logger.error(notStored);
        throw loadError;
      }
      if (failed.size || unparsed.size || sameId.length || notStored) {
        const problems = [...unparsed.values(), ...failed.values(), sameId]
          .flat()
          .sort(compareProblems)
          .map(formatProblem);
        const report = `Cannot build ${context.collection}:\n${[...problems, ...(notStored ? [notStored] : [])].join('\n')}`;
        // The preview starts all the same, without those files, and every page lists the problems
        // (src/components/DevProblems.astro); a build stops.
        if (import.meta.env.NEWSROOM_PREVIEW === true) context.logger.error(report);
        else throw contentError(report);
      }
    },
  };
}
