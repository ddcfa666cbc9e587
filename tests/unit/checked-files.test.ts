/**
 * Under `astro dev`, Astro's glob loader reads, checks and renders each save as it comes, without
 * waiting for the one before: two saves in quick succession can finish out of order. What was read
 * from a file's earlier text must then neither replace nor remove the entry for what it holds now,
 * and a save that fails is kept out and named (src/loaders/checked-files.ts).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Loader } from 'astro/loaders';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'newsroom-checked-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Entry = { id: string; data: unknown; filePath?: string; digest?: string; rendered?: unknown };
type Render = (params: Record<string, unknown>) => Promise<unknown>;

/** The context the wrapped loader saw, kept to play the glob loader's part after the first load. */
let seen: {
  store: { set(entry: Entry): boolean };
  generateDigest(data: string): string;
  parseData(props: { id: string; data: unknown; filePath: string }): Promise<unknown>;
  entryTypes: Map<string, { getRenderFunction(config: unknown): Promise<Render> }>;
};
const store = new Map<string, Entry>();
const notes = join(dir, 'notices');
const errors = vi.fn();

/** Astro's report of frontmatter its schema refuses: a note needs a title. */
async function schema({ data }: { data: unknown }) {
  if (typeof data === 'object' && data && 'title' in data) return { ...data };
  const error = new Error('**note** data does not match collection schema.\n\n  **title**: Required\n');
  error.name = 'InvalidContentEntryDataError';
  throw error;
}

/**
 * What Astro hands a collection's loader, with `entries` as the store it keeps between builds: the
 * schema above, a digest, and a logger that records errors.
 */
function loaderContext(entries: Map<string, Entry>, entryTypes: Map<string, unknown>, collection = 'notices') {
  return {
    collection,
    store: {
      keys: () => [...entries.keys()],
      values: () => [...entries.values()],
      get: (id: string) => entries.get(id),
      set: (entry: Entry) => (entries.set(entry.id, entry), true),
      delete: (id: string) => entries.delete(id),
      addModuleImport: () => {},
      addAssetImports: () => {},
    },
    generateDigest: (data: unknown) => createHash('sha256').update(String(data)).digest('hex').slice(0, 16),
    entryTypes,
    parseData: schema,
    config: { root: pathToFileURL(`${dir}/`), srcDir: pathToFileURL(`${dir}/src/`) },
    logger: { error: errors, warn: vi.fn(), info: vi.fn(), debug: vi.fn() },
  } as unknown as Parameters<Loader['load']>[0];
}

beforeAll(async () => {
  vi.stubEnv('NEWSROOM_CACHE_DIR', join(dir, 'cache'));
  const { checkedFiles } = await import('../../src/loaders/checked-files');
  mkdirSync(notes);
  const glob: Loader = {
    name: 'glob-loader',
    load: async (context) => {
      seen = context as unknown as typeof seen;
    },
  };
  await checkedFiles(glob, { components: [] }).load(
    loaderContext(store, new Map([['.mdx', { getEntryInfo: () => ({}), getRenderFunction: async () => undefined }]])),
  );
});
beforeEach(() => {
  store.clear();
  errors.mockClear();
});

/**
 * What the glob loader does with one save of `name`: read the text, check the frontmatter, render
 * the body; and, returned, the last step: store the entry.
 */
async function save(name: string, data: unknown, text: string) {
  const file = join(notes, name);
  writeFileSync(file, text);
  const digest = seen.generateDigest(text);
  const parsed = await seen.parseData({ id: name, data, filePath: file });
  let rendered: unknown;
  if (name.endsWith('.mdx')) {
    const render = await seen.entryTypes.get('.mdx')!.getRenderFunction({});
    rendered = await render({ id: name, data: { lang: 'en' }, body: text, filePath: file, digest });
  }
  return () => seen.store.set({ id: name, data: parsed, filePath: `notices/${name}`, digest, rendered });
}

const note = (body: string) => `---\ntitle: A note\n---\n\n${body}\n`;
const title = { title: 'A note' };

describe('saves that finish out of order', () => {
  it('a broken save finishing after a later good one neither removes nor replaces it', async () => {
    const broken = await save('a.mdx', title, note('A <Missing /> component.'));
    const mended = await save('a.mdx', title, note('The mended text.'));
    expect(mended()).toBe(true);
    const stored = store.get('a.mdx');
    expect(stored?.rendered).toBeDefined();
    expect(broken()).toBe(false);
    expect(store.get('a.mdx')).toBe(stored);
    // Nor is its problem reported: the file no longer has it.
    expect(errors).not.toHaveBeenCalled();
  });

  it('a good save finishing after a later broken one does not bring the old text back', async () => {
    const good = await save('b.mdx', title, note('The first text.'));
    const broken = await save('b.mdx', title, note('A <Missing /> component.'));
    expect(broken()).toBe(false);
    expect(good()).toBe(false);
    expect(store.has('b.mdx')).toBe(false);
    expect(errors).toHaveBeenCalledTimes(1);
  });
});

it('stores a save of a file whose name holds what a URL would decode', async () => {
  const good = await save('up 100%25.mdx', title, note('Up 100%.'));
  expect(good()).toBe(true);
  expect(store.has('up 100%25.mdx')).toBe(true);
});

describe('a save that fails', () => {
  it('keeps a body that does not render out, and names its problem', async () => {
    const broken = await save('c.mdx', title, note('A <Missing /> component.'));
    expect(broken()).toBe(false);
    expect(store.has('c.mdx')).toBe(false);
    expect(errors).toHaveBeenCalledWith(expect.stringMatching(/c\.mdx:5: body: .*Missing/));
  });

  it('keeps frontmatter the schema refuses out, and names the field', async () => {
    const refused = await save('d.mdx', { titel: 'A note' }, '---\ntitel: A note\n---\n\nText.\n');
    expect(refused()).toBe(false);
    expect(store.has('d.mdx')).toBe(false);
    expect(errors).toHaveBeenCalledWith(expect.stringMatching(/d\.mdx:\d+: title: Required/));
  });

  it('keeps a data file that is a single value out, and names it', async () => {
    const refused = await save('e.yaml', 'hello', 'hello\n');
    expect(refused()).toBe(false);
    expect(store.has('e.yaml')).toBe(false);
    expect(errors).toHaveBeenCalledWith(expect.stringMatching(/e\.yaml.*: title: Required/));
  });
});

describe('a file unchanged since the entry Astro keeps for it', () => {
  /**
   * A build's first load, with `store` holding what an earlier build stored: the glob loader asks
   * the wrapped parser for each file's data (`getEntryInfo`) before it compares digests. Returns
   * what each file's data came out as, and how often the frontmatter parser itself was called.
   */
  async function firstLoad(
    files: Record<string, string>,
    stored: (digestOf: (text: string) => string) => Entry[],
    checks = { idFromPath: true },
  ) {
    const { checkedFiles } = await import('../../src/loaders/checked-files');
    // The digests the earlier build stored: the wrapped loader's, which fold in the renderer's.
    for (const entry of stored((text) => seen.generateDigest(text))) store.set(entry.id, entry);
    const parse = vi.fn(({ contents }: { contents: string }) => ({ data: { title: contents.trim() }, body: '' }));
    const infos = new Map<string, unknown>();
    const glob: Loader = {
      name: 'glob-loader',
      load: async (context) => {
        const { entryTypes } = context as unknown as {
          entryTypes: Map<string, { getEntryInfo(params: { contents: string; fileUrl: URL }): Promise<unknown> }>;
        };
        for (const [name, contents] of Object.entries(files)) {
          const fileUrl = pathToFileURL(join(notes, name));
          writeFileSync(fileUrl, contents);
          infos.set(name, await entryTypes.get('.yaml')!.getEntryInfo({ contents, fileUrl }));
        }
      },
    };
    await checkedFiles(glob, checks).load(loaderContext(store, new Map([['.yaml', { getEntryInfo: parse }]])));
    return { infos, parse };
  }

  it('is not parsed again when ids come from paths: Astro finds the entry by its path and keeps it', async () => {
    const { infos, parse } = await firstLoad({ 'kept.yaml': 'Kept\n', 'edited.yaml': 'Edited now\n' }, (digestOf) => [
      { id: 'kept', data: { title: 'Kept' }, filePath: 'notices/kept.yaml', digest: digestOf('Kept\n') },
      { id: 'edited', data: { title: 'Edited' }, filePath: 'notices/edited.yaml', digest: digestOf('Edited\n') },
    ]);
    expect(infos.get('kept.yaml')).toEqual({ data: {}, body: '' });
    // A file whose text changed is parsed as written, and so is one no entry was made from.
    expect(infos.get('edited.yaml')).toEqual({ data: { title: 'Edited now' }, body: '' });
    expect(parse).toHaveBeenCalledTimes(1);
  });

  it('is parsed when ids may come from the data (Astro’s default reads `slug:`)', async () => {
    const { infos, parse } = await firstLoad(
      { 'kept.yaml': 'Kept\n' },
      (digestOf) => [
        { id: 'kept', data: { title: 'Kept' }, filePath: 'notices/kept.yaml', digest: digestOf('Kept\n') },
      ],
      { idFromPath: false },
    );
    expect(infos.get('kept.yaml')).toEqual({ data: { title: 'Kept' }, body: '' });
    expect(parse).toHaveBeenCalledTimes(1);
  });

  it('is parsed when the entry was made from other text, or from another file', async () => {
    const { infos, parse } = await firstLoad({ 'moved.yaml': 'Moved\n' }, (digestOf) => [
      { id: 'moved', data: { title: 'Moved' }, filePath: 'notices/old-name.yaml', digest: digestOf('Moved\n') },
    ]);
    expect(infos.get('moved.yaml')).toEqual({ data: { title: 'Moved' }, body: '' });
    expect(parse).toHaveBeenCalledTimes(1);
  });
});

describe('with Astro’s glob loader, ids from paths', () => {
  it('keeps the entries of files unchanged since the last build without parsing them, and reads the edited one', async () => {
    const { checkedFiles } = await import('../../src/loaders/checked-files');
    const { glob } = await import('astro/loaders');
    const folder = join(dir, 'glob-notes');
    mkdirSync(folder);
    writeFileSync(join(folder, 'kept.yaml'), 'title: Kept\n');
    writeFileSync(join(folder, 'edited.yaml'), 'title: Before\n');
    const parse = vi.fn(({ contents }: { contents: string }) => ({
      data: { title: /title: (.*)/.exec(contents)![1] },
      body: '',
    }));
    const entries = new Map<string, Entry>();
    // One build's content sync: the store Astro keeps between builds, and a new loader each time.
    const build = () =>
      checkedFiles(glob({ pattern: '*.yaml', base: folder, generateId: ({ entry }) => entry.replace(/\.yaml$/, '') }), {
        idFromPath: true,
      }).load(loaderContext(entries, new Map([['.yaml', { getEntryInfo: parse }]]), 'glob-notes'));
    await build();
    expect(parse).toHaveBeenCalledTimes(2);
    const kept = entries.get('kept');
    expect(kept?.data).toEqual({ title: 'Kept' });

    writeFileSync(join(folder, 'edited.yaml'), 'title: After\n');
    parse.mockClear();
    await build();
    expect(parse.mock.calls.map(([{ contents }]) => contents)).toEqual(['title: After\n']);
    expect(entries.get('kept')).toBe(kept);
    expect(entries.get('edited')?.data).toEqual({ title: 'After' });
    expect([...entries.keys()].sort()).toEqual(['edited', 'kept']);
  });

  it('hands the glob loader only the files that changed, by name, and removes the entries of files gone', async () => {
    const { checkedFiles } = await import('../../src/loaders/checked-files');
    const { glob } = await import('astro/loaders');
    const folder = join(dir, 'named-notes');
    mkdirSync(join(folder, '2007'), { recursive: true });
    const files = ['kept.yaml', 'gone.yaml', '2007/edited [draft] (1).yaml'];
    for (const file of files) writeFileSync(join(folder, file), `title: ${file}\n`);
    const parse = vi.fn(({ contents }: { contents: string }) => ({
      data: { title: /title: (.*)/.exec(contents)![1] },
      body: '',
    }));
    const options = { pattern: '**/*.yaml', base: folder, generateId: ({ entry }: { entry: string }) => entry };
    const reading = vi.fn((names: string[]) => glob({ ...options, pattern: names }));
    const entries = new Map<string, Entry>();
    // The loader reading the whole folder, watched.
    let wholeFolder = 0;
    const build = () => {
      const loader = glob(options);
      const load = loader.load.bind(loader);
      loader.load = (context) => (wholeFolder++, load(context));
      return checkedFiles(loader, {
        idFromPath: true,
        folder: { path: folder, extensions: ['.yaml'] },
        reading,
      }).load(loaderContext(entries, new Map([['.yaml', { getEntryInfo: parse }]]), 'named-notes'));
    };
    // A first build, with no entries kept, reads the whole folder.
    await build();
    expect(wholeFolder).toBe(1);
    expect(reading).not.toHaveBeenCalled();
    expect([...entries.keys()].sort()).toEqual(['2007/edited [draft] (1).yaml', 'gone.yaml', 'kept.yaml']);
    const kept = entries.get('kept.yaml');

    writeFileSync(join(folder, '2007/edited [draft] (1).yaml'), 'title: After\n');
    rmSync(join(folder, 'gone.yaml'));
    parse.mockClear();
    await build();
    // The name as a glob pattern that matches only itself, and not the whole folder read.
    expect(wholeFolder).toBe(1);
    expect(reading.mock.calls).toEqual([[['2007/edited \\[draft\\] \\(1\\).yaml']]]);
    expect(parse.mock.calls.map(([{ contents }]) => contents)).toEqual(['title: After\n']);
    expect(entries.get('2007/edited [draft] (1).yaml')?.data).toEqual({ title: 'After' });
    expect(entries.get('kept.yaml')).toBe(kept);
    expect([...entries.keys()].sort()).toEqual(['2007/edited [draft] (1).yaml', 'kept.yaml']);

    // Nothing changed: no file is read by the loader, and every entry stays.
    reading.mockClear();
    parse.mockClear();
    await build();
    expect(wholeFolder).toBe(1);
    expect(reading).not.toHaveBeenCalled();
    expect(parse).not.toHaveBeenCalled();
    expect([...entries.keys()].sort()).toEqual(['2007/edited [draft] (1).yaml', 'kept.yaml']);
  });
});
