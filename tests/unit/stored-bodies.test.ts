/**
 * Rendered bodies kept beside Astro's content store (src/stored-bodies.ts): one pack per
 * collection, named by its content and never rewritten; bodies read back by the name their entry
 * carries; missing ones reported by the entry's file; a collection's pack keeping exactly the
 * bodies its entries name.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { bodyHtml, bodyKey, htmlKey, keepBodies, storedBodies, writeBodies } from '../../src/stored-bodies';

const root = mkdtempSync(join(tmpdir(), 'newsroom-bodies-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const entry = (id: string, bodyKey?: unknown) => ({
  id,
  collection: 'releases',
  filePath: `content/releases/${id}.mdx`,
  rendered: { metadata: { summary: 'A summary.', bodyKey } },
});

/** The module as another process loads it: nothing read or written yet. */
async function anotherProcess(): Promise<typeof import('../../src/stored-bodies')> {
  vi.resetModules();
  return import('../../src/stored-bodies');
}

/** Bodies by name, as the loader hands them over. */
const bodies = (...html: string[]) => new Map(html.map((h) => [htmlKey(h), h]));

describe('stored bodies', () => {
  it('names a body by its HTML', () => {
    expect(htmlKey('<p>Net sales rose.</p>')).toMatch(/^[0-9a-f]{32}$/);
    expect(htmlKey('<p>Net sales rose.</p>')).toBe(htmlKey('<p>Net sales rose.</p>'));
    expect(htmlKey('<p>Net sales fell.</p>')).not.toBe(htmlKey('<p>Net sales rose.</p>'));
  });

  it('writes the same bodies once, in one file named by its content', () => {
    const dir = join(root, 'once');
    const pack = writeBodies(dir, bodies('<p>Net sales rose.</p>', '<p>Net sales fell.</p>'));
    expect(readdirSync(dir)).toEqual([pack]);
    const written = statSync(join(dir, pack), { bigint: true });
    // In another order: the same file, not written again.
    expect(writeBodies(dir, bodies('<p>Net sales fell.</p>', '<p>Net sales rose.</p>'))).toBe(pack);
    const again = statSync(join(dir, pack), { bigint: true });
    expect([again.ino, again.mtimeNs]).toEqual([written.ino, written.mtimeNs]);
    expect(JSON.parse(readFileSync(join(dir, pack), 'utf8'))).toEqual(
      Object.fromEntries(bodies('<p>Net sales rose.</p>', '<p>Net sales fell.</p>')),
    );
  });

  it('reads a body back by the name its entry carries, in another process too', async () => {
    const dir = join(root, 'read');
    const html = '<p>トレンドマイクロ株式会社（東証：4704）</p>';
    writeBodies(dir, bodies(html));
    const release = entry('2007/x', htmlKey(html));
    expect(bodyKey(release)).toBe(htmlKey(html));
    expect(storedBodies(dir).get(htmlKey(html))).toBe(html);
    expect(bodyHtml(release, dir)).toBe(html);
    // A process that did not write the pack (a fresh copy of the module) reads it from the folder.
    expect((await anotherProcess()).bodyHtml(release, dir)).toBe(html);
  });

  it('names the entry’s file when its body is not stored or has gone', () => {
    const dir = join(root, 'missing');
    expect(() => bodyHtml(entry('2007/none'), dir)).toThrow(
      'content/releases/2007/none.mdx: no rendered body stored with this entry; build again',
    );
    const gone = entry('2007/gone', 'f'.repeat(32));
    expect(storedBodies(dir).has('f'.repeat(32))).toBe(false);
    expect(() => bodyHtml(gone, dir)).toThrow(
      'content/releases/2007/gone.mdx: its rendered body is missing from the cache; build again',
    );
  });

  it('does not take a name that is not one of its own', () => {
    expect(bodyKey(entry('x', '../../etc/passwd'))).toBeUndefined();
    expect(bodyKey({ id: 'x' })).toBeUndefined();
  });

  it('keeps one pack of the bodies the entries name, from those rendered and those stored', () => {
    const dir = join(root, 'keep');
    const [kept, dropped, added] = ['<p>Kept.</p>', '<p>Edited away.</p>', '<p>Rendered now.</p>'];
    const old = writeBodies(dir, bodies(kept, dropped));
    writeFileSync(join(dir, `${'0'.repeat(32)}.pack.0b5e5c1e-7d3a-4f7e-9c1a-2f6f1d9d2a10.partial`), '{"');
    const entries = [entry('kept', htmlKey(kept)), entry('added', htmlKey(added)), entry('no-body')];
    keepBodies(dir, entries, bodies(added));
    const [pack, ...others] = readdirSync(dir);
    expect(others).toEqual([]);
    expect(pack).not.toBe(old);
    expect(JSON.parse(readFileSync(join(dir, pack!), 'utf8'))).toEqual(Object.fromEntries(bodies(kept, added)));
    // Nothing changed since: the same pack stays.
    const before = statSync(join(dir, pack!), { bigint: true });
    keepBodies(dir, entries, new Map());
    expect(readdirSync(dir)).toEqual([pack]);
    expect(statSync(join(dir, pack!), { bigint: true }).mtimeNs).toBe(before.mtimeNs);
    keepBodies(join(root, 'never-made'), [], new Map()); // no bodies and no folder: nothing made
    expect(readdirSync(root)).not.toContain('never-made');
  });

  it('says when a body the entries name is nowhere, rather than leave it out', () => {
    const dir = join(root, 'nowhere');
    expect(() => keepBodies(dir, [entry('2007/lost', 'e'.repeat(32))], new Map())).toThrow(
      'content/releases/2007/lost.mdx: its rendered body is missing',
    );
  });

  it('treats a pack it cannot read as missing, and writes it anew', async () => {
    const dir = join(root, 'unreadable');
    const html = '<p>Lost.</p>';
    const pack = writeBodies(dir, bodies(html));
    writeFileSync(join(dir, pack), '{"truncat');
    // Another process, which finds the pack damaged before the collection loads.
    const stored = await anotherProcess();
    expect(stored.storedBodies(dir).has(htmlKey(html))).toBe(false);
    // The loader renders the body again and keeps it.
    stored.keepBodies(dir, [entry('lost', htmlKey(html))], bodies(html));
    expect(readdirSync(dir)).toEqual([pack]);
    expect(JSON.parse(readFileSync(join(dir, pack), 'utf8'))).toEqual({ [htmlKey(html)]: html });
  });

  it('writes anew a damaged pack of the same name, in a process that had not looked at it', async () => {
    const dir = join(root, 'unreadable-unseen');
    const html = '<p>Rendered again.</p>';
    const pack = writeBodies(dir, bodies(html));
    writeFileSync(join(dir, pack), '');
    // A store emptied (a new Astro version): every body is rendered again, nothing was looked up.
    (await anotherProcess()).keepBodies(dir, [entry('again', htmlKey(html))], bodies(html));
    expect(JSON.parse(readFileSync(join(dir, pack), 'utf8'))).toEqual({ [htmlKey(html)]: html });
  });
});
