import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { searchIndexKey } from '../../src/integrations/search-index';

const work = mkdtempSync(join(tmpdir(), 'newsroom-index-key-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

describe('how the search index is made (searchIndexKey)', () => {
  it('is the same from one call to the next', async () => {
    expect(await searchIndexKey()).toBe(await searchIndexKey());
  });

  it('changes with the Pagefind program that would run', async () => {
    const installed = await searchIndexKey();
    const other = join(work, 'pagefind_extended');
    writeFileSync(other, 'another program');
    vi.stubEnv('PAGEFIND_EXTENDED_BINARY_PATH', other);
    expect(await searchIndexKey()).not.toBe(installed);
  });
});
