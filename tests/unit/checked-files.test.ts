/**
 * Under `astro dev`, Astro's glob loader reads, checks and renders each save as it comes, without
 * waiting for the one before: two saves in quick succession can finish out of order. What was read
 * from a file's earlier text must then neither replace nor remove the entry for what it holds now
 * (src/loaders/checked-files.ts).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Loader } from 'astro/loaders';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'newsroom-checked-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Entry = { id: string; data: Record<string, unknown>; filePath?: string; digest?: string; rendered?: unknown };
type Render = (params: Record<string, unknown>) => Promise<unknown>;

/** The context the wrapped loader saw, kept to play the glob loader's part after the first load. */
let seen: {
  store: { set(entry: Entry): boolean; get(id: string): Entry | undefined };
  generateDigest(data: string): string;
  entryTypes: Map<string, { getRenderFunction(config: unknown): Promise<Render> }>;
};
const store = new Map<string, Entry>();
const file = join(dir, 'notices', 'note.mdx');
const errors = vi.fn();

beforeAll(async () => {
  vi.stubEnv('NEWSROOM_CACHE_DIR', join(dir, 'cache'));
  const { checkedFiles } = await import('../../src/loaders/checked-files');
  mkdirSync(join(dir, 'notices'));
  writeFileSync(file, '---\ntitle: A note\n---\n\nThe first text.\n');
  const glob: Loader = {
    name: 'glob-loader',
    load: async (context) => {
      seen = context as unknown as typeof seen;
    },
  };
  await checkedFiles(glob, { components: [] }).load({
    collection: 'notices',
    store: {
      get: (id: string) => store.get(id),
      set: (entry: Entry) => (store.set(entry.id, entry), true),
      delete: (id: string) => store.delete(id),
      values: () => [...store.values()],
    },
    generateDigest: (data: unknown) => createHash('sha256').update(String(data)).digest('hex').slice(0, 16),
    entryTypes: new Map([['.mdx', { getEntryInfo: () => ({}), getRenderFunction: async () => undefined }]]),
    parseData: async ({ data }: { data: unknown }) => data,
    config: { root: pathToFileURL(`${dir}/`) },
    logger: { error: errors, warn: vi.fn(), info: vi.fn(), debug: vi.fn() },
  } as unknown as Parameters<Loader['load']>[0]);
});

/** What the glob loader does with one save: read the text, render it, store the entry. */
async function save(text: string) {
  writeFileSync(file, text);
  const render = await seen.entryTypes.get('.mdx')!.getRenderFunction({});
  const digest = seen.generateDigest(text);
  const data = { title: 'A note', lang: 'en' };
  const rendered = await render({ id: 'note', data, body: text, filePath: file, digest });
  return () => seen.store.set({ id: 'note', data, filePath: 'notices/note.mdx', digest, rendered });
}

describe('a save that finishes after a later one', () => {
  it('neither removes nor replaces the entry of the later save', async () => {
    const broken = await save('---\ntitle: A note\n---\n\nA <Missing /> component.\n');
    const mended = await save('---\ntitle: A note\n---\n\nThe mended text.\n');
    expect(mended()).toBe(true);
    const stored = store.get('note');
    expect(stored?.rendered).toBeDefined();
    // The broken save's result arrives last: the file no longer holds that text.
    expect(broken()).toBe(false);
    expect(store.get('note')).toBe(stored);
  });

  it('keeps a broken save out when it is the last, and names its problem', async () => {
    errors.mockClear();
    const broken = await save('---\ntitle: A note\n---\n\nA <Missing /> component.\n');
    expect(errors).toHaveBeenCalledWith(expect.stringMatching(/note\.mdx:5: body: .*Missing/));
    expect(broken()).toBe(false);
    expect(store.has('note')).toBe(false);
  });
});
