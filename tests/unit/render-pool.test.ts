/**
 * Bodies rendered on the worker thread (src/loaders/render-pool.ts) are the bodies rendered in
 * process: the same HTML (under the same name), headings and summary, and the same problems with
 * their file and line.
 * The worker is asked for explicitly, so the comparison holds on a one-core machine too.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderFile } from '../../src/loaders/render-pool';
import { RELEASE_COMPONENT_NAMES } from '../../src/lib/release-components';
import { htmlKey } from '../../src/stored-bodies';
import { SEED_CONTENT } from '../support/build';

const releases = join(SEED_CONTENT, 'releases');
const dir = mkdtempSync(join(tmpdir(), 'newsroom-render-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (filePath: string, lang = 'en') => ({
  filePath,
  body: '',
  lang,
  components: RELEASE_COMPONENT_NAMES,
});

describe('rendering on a worker thread', () => {
  it('gives every seed release the HTML it gets in process', async () => {
    const files = readdirSync(releases, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx'));
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const name of files) {
      const lang = name.startsWith('ja/') ? 'ja' : 'en';
      const [inWorker, inProcess] = await Promise.all([
        renderFile(file(join(releases, name), lang), { worker: true }),
        renderFile(file(join(releases, name), lang), { inProcess: true }),
      ]);
      expect(inWorker, name).toEqual(inProcess);
      expect(inWorker.html, name).toMatch(/^<p>/);
      expect(inWorker.rendered?.metadata.bodyKey, name).toBe(htmlKey(inWorker.html!));
    }
  });

  it('reports a body it cannot render with its file and line, as in process', async () => {
    const broken = join(dir, 'broken.mdx');
    writeFileSync(
      broken,
      '---\nheadline: A\n---\n\nText.\n\n<Terms style="A.">\n  <Term label="x">y</Term>\n</Terms>\n',
    );
    const [inWorker, inProcess] = await Promise.all([
      renderFile(file(broken), { worker: true }),
      renderFile(file(broken), { inProcess: true }),
    ]);
    expect(inWorker.problems).toEqual(inProcess.problems);
    expect(inWorker.problems?.[0]).toMatchObject({ field: 'body', line: expect.any(Number) });
    expect(inWorker.problems?.[0]?.file).toContain('broken.mdx');
  });
});
