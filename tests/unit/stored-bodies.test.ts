/**
 * Rendered bodies kept as files beside Astro's content store (src/stored-bodies.ts): one file per
 * distinct HTML, named by the entry; read back as written; missing ones reported by the entry's file;
 * those no entry names any more deleted.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bodyHtml, bodyKey, hasStoredBody, pruneBodies, storeBody } from '../../src/stored-bodies';

const root = mkdtempSync(join(tmpdir(), 'newsroom-bodies-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const entry = (id: string, bodyKey?: unknown) => ({
  id,
  collection: 'releases',
  filePath: `content/releases/${id}.mdx`,
  rendered: { metadata: { summary: 'A summary.', bodyKey } },
});

describe('stored bodies', () => {
  it('writes each distinct HTML once, under a name that changes with it', () => {
    const dir = join(root, 'once');
    const a = storeBody(dir, '<p>Net sales rose.</p>');
    const written = statSync(join(dir, `${a}.html`), { bigint: true });
    expect(storeBody(dir, '<p>Net sales rose.</p>')).toBe(a);
    const again = statSync(join(dir, `${a}.html`), { bigint: true });
    expect([again.ino, again.mtimeNs]).toEqual([written.ino, written.mtimeNs]); // not written again
    const b = storeBody(dir, '<p>Net sales fell.</p>');
    expect(b).not.toBe(a);
    expect(readdirSync(dir).sort()).toEqual([`${a}.html`, `${b}.html`].sort());
    expect(readFileSync(join(dir, `${a}.html`), 'utf8')).toBe('<p>Net sales rose.</p>');
  });

  it('reads a body back by the name its entry carries', () => {
    const dir = join(root, 'read');
    const html = '<p>トレンドマイクロ株式会社（東証：4704）</p>';
    const release = entry('2007/x', storeBody(dir, html));
    expect(bodyKey(release)).toMatch(/^[0-9a-f]{32}$/);
    expect(hasStoredBody(dir, release)).toBe(true);
    expect(bodyHtml(release, dir)).toBe(html);
  });

  it('names the entry’s file when its body is not stored or has gone', () => {
    const dir = join(root, 'missing');
    expect(() => bodyHtml(entry('2007/none'), dir)).toThrow(
      'content/releases/2007/none.mdx: no rendered body stored with this entry; build again',
    );
    const gone = entry('2007/gone', 'f'.repeat(32));
    expect(hasStoredBody(dir, gone)).toBe(false);
    expect(() => bodyHtml(gone, dir)).toThrow(
      /^content\/releases\/2007\/gone\.mdx: its rendered body is missing from the cache \(ENOENT.*\); build again$/,
    );
  });

  it('does not take a name that is not one of its own', () => {
    expect(bodyKey(entry('x', '../../etc/passwd'))).toBeUndefined();
    expect(bodyKey({ id: 'x' })).toBeUndefined();
  });

  it('deletes the bodies no entry names, and half-written files', () => {
    const dir = join(root, 'prune');
    const kept = entry('kept', storeBody(dir, '<p>Kept.</p>'));
    const dropped = storeBody(dir, '<p>Edited away.</p>');
    writeFileSync(join(dir, `${dropped}.html.0b5e5c1e-7d3a-4f7e-9c1a-2f6f1d9d2a10.partial`), '<p>Edi');
    pruneBodies(dir, [kept, entry('no-body')]);
    expect(readdirSync(dir)).toEqual([`${bodyKey(kept)}.html`]);
    expect(existsSync(join(dir, `${dropped}.html`))).toBe(false);
    pruneBodies(join(root, 'never-made'), [kept]); // no folder yet: nothing to do
  });
});
