import { spawn, type ChildProcess } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LINKED_STAGING, LINKING, outputFiles } from '../../src/lib/reused-pages';
import {
  bundlePagesDigest,
  droppedPagesWarning,
  droppedReleasePages,
  knownInstants,
  linkPages,
  manifestPages,
  recordInstants,
  unlinkPages,
  type LinkedPage,
  type PageFile,
} from '../../scripts/support/published-pages';

const ROOT = resolve(import.meta.dirname, '../..');

const manifest = (paths: Record<string, string>) => ({
  version: 1,
  routes: {
    'src/pages/[...lang]/tags/[tag]/[...page].astro': {
      dependencyHash: 'x',
      paths: Object.fromEntries(
        Object.entries(paths).map(([path, outputFile]) => [path, { cacheKey: 'k', outputFile }]),
      ),
    },
  },
});

describe('manifestPages', () => {
  it('gives each page path its file as named on disk', () => {
    const pages = manifestPages(
      manifest({
        '/tags/stock-options/': 'tags/stock-options/index.html',
        '/ja/tags/ストックオプション/':
          'ja/tags/%E3%82%B9%E3%83%88%E3%83%83%E3%82%AF%E3%82%AA%E3%83%97%E3%82%B7%E3%83%A7%E3%83%B3/index.html',
        '/ja/feed.json': 'ja/feed.json',
      }),
    );
    expect([...pages]).toEqual([
      ['/tags/stock-options/', 'tags/stock-options/index.html'],
      ['/ja/tags/ストックオプション/', 'ja/tags/ストックオプション/index.html'],
      ['/ja/feed.json', 'ja/feed.json'],
    ]);
  });

  it.each(['../index.html', 'a/../../index.html', '/etc/passwd', 'a/%2E%2E/%2e%2e/x', 'a/..%2Fx', 'a//b', 'a/%E3'])(
    'refuses %s, which is not a file inside the site',
    (file) => {
      expect(() => manifestPages(manifest({ '/x/': file }))).toThrow(/\/x\/: expected a file inside the site/);
    },
  );

  it('refuses what is not a manifest', () => {
    expect(() => manifestPages({ routes: [] })).toThrow(/not the incremental-build manifest/);
    expect(() => manifestPages(null)).toThrow(/not the incremental-build manifest/);
  });
});

describe('outputFiles', () => {
  const files = (url: string, base = '/') => outputFiles(new URL(url, 'http://x'), base);

  it('gives every file a page at that address can be written to', () => {
    expect(files('/releases/a/')).toEqual(['releases/a', 'releases/a/index.html', 'releases/a.html']);
    expect(files('/releases/a')).toEqual(['releases/a', 'releases/a/index.html', 'releases/a.html']);
    expect(files('/rss.xml')).toEqual(['rss.xml', 'rss.xml/index.html', 'rss.xml.html']);
    expect(files('/')).toEqual(['index.html']);
  });

  it('names folders as they are on disk', () => {
    expect(files('/ja/tags/%E8%87%AA/')).toContain('ja/tags/自/index.html');
  });

  it('leaves out the base the site is published under', () => {
    expect(files('/newsroom/releases/a/', '/newsroom/')).toContain('releases/a/index.html');
    expect(files('/newsroom/rss.xml', '/newsroom')).toContain('rss.xml');
    expect(files('/newsroom/', '/newsroom/')).toEqual(['index.html']);
    expect(files('/newsroomish/', '/newsroom/')).toContain('newsroomish/index.html');
  });
});

describe('linkPages and unlinkPages', () => {
  it('links the pages the published site still holds, and unlinks them with the folders they leave empty', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsroom-link-'));
    try {
      const [site, staging] = [join(dir, 'site'), join(dir, 'staging')];
      mkdirSync(join(site, 'releases/a'), { recursive: true });
      writeFileSync(join(site, 'releases/a/index.html'), 'a');
      writeFileSync(join(site, 'rss.xml'), 'feed');
      writeFileSync(join(site, 'robots.txt'), 'a page once');
      mkdirSync(join(staging, '_astro'), { recursive: true });
      // A page that public/ now holds as a file: Astro copies that in, and it must not go through a link.
      const publicDir = join(dir, 'public');
      mkdirSync(publicDir);
      writeFileSync(join(publicDir, 'robots.txt'), 'a file now');
      const linked = new Map<string, LinkedPage>();
      const files = ['releases/a/index.html', 'releases/gone/index.html', 'robots.txt', 'rss.xml'];
      linkPages(site, staging, files, linked, publicDir);
      expect([...linked.keys()]).toEqual(['releases/a/index.html', 'rss.xml']);
      expect(existsSync(join(staging, 'robots.txt'))).toBe(false);
      expect(statSync(join(staging, 'releases/a/index.html')).ino).toBe(
        statSync(join(site, 'releases/a/index.html')).ino,
      );
      expect(existsSync(join(staging, 'releases/gone'))).toBe(false);

      unlinkPages(staging, linked);
      expect(readdirSync(staging)).toEqual(['_astro']);
      expect(readFileSync(join(site, 'robots.txt'), 'utf8')).toBe('a page once');
      expect(linked.size).toBe(0);
      expect(readFileSync(join(site, 'releases/a/index.html'), 'utf8')).toBe('a');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the instants a rebuild knows without reading the pages', () => {
  it('are those recorded for pages still the same files, unmodified, with the index made the same way', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsroom-instants-'));
    try {
      const pages = ['releases/a/index.html', 'releases/b/index.html', 'releases/c/index.html'];
      for (const page of pages) {
        mkdirSync(join(dir, page, '..'), { recursive: true });
        writeFileSync(join(dir, page), page);
      }
      // As the build records them: the pages' files as the index read them, and their instants.
      const seen = new Map<string, PageFile>();
      bundlePagesDigest(dir, { dir: 'pagefind', pages, split: false }, seen);
      const read = new Map(pages.map((page, i) => [page, `200${i}-03-30T00:00:00.000Z`]));
      const stamp = { key: 'made so', bundles: [], instants: recordInstants(read, seen) };
      expect(Object.keys(stamp.instants)).toEqual(pages);

      // The next build: c was rendered again (not kept), b's published file was changed in place.
      writeFileSync(join(dir, pages[1]!), 'changed by hand');
      // (Later than the record, as a hand's edit is, whatever the clock's granularity.)
      utimesSync(join(dir, pages[1]!), new Date(), new Date(Date.now() + 60_000));
      const linked = new Map<string, LinkedPage>(
        pages.map((page) => {
          const { ino, mtimeNs } = statSync(join(dir, page), { bigint: true });
          return [page, { inode: ino, modifiedNs: mtimeNs }];
        }),
      );
      const kept = new Set(pages.slice(0, 2));
      expect([...knownInstants(stamp, 'made so', linked, kept)]).toEqual([[pages[0], '2000-03-30T00:00:00.000Z']]);
      // Another file than the one recorded, however alike its time.
      const other = { ...linked.get(pages[0]!)!, inode: linked.get(pages[0]!)!.inode + 1n };
      expect(knownInstants(stamp, 'made so', new Map([[pages[0]!, other]]), kept).size).toBe(0);
      expect(knownInstants(stamp, 'made otherwise', linked, kept).size).toBe(0);
      expect(knownInstants(undefined, 'made so', linked, kept).size).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Astro waits for the linked pages before it generates any', () => {
  // Astro's process as scripts/build.ts starts it: the integration's plugin, given the pipe, and the
  // moment it lets Astro go on to generate the pages.
  const astro = (pipe: 'pipe' | number = 'pipe') =>
    spawn(
      process.execPath,
      [
        '--import',
        './scripts/support/resolve-ts.ts',
        '--input-type=module',
        '-e',
        `const { default: linkedPages } = await import('./src/integrations/linked-pages.ts');
         let plugin;
         linkedPages().hooks['astro:config:setup']({ command: 'build', updateConfig: (c) => { plugin = c.vite.plugins[0]; } });
         if (!plugin.applyToEnvironment({ name: 'client' }) || plugin.applyToEnvironment({ name: 'prerender' })) process.exit(3);
         try { await plugin.writeBundle(); console.log('generating'); } catch (error) { console.log(error.message); }`,
      ],
      {
        cwd: ROOT,
        env: { ...process.env, [LINKED_STAGING]: join(tmpdir(), 'staging'), [LINKING]: '3' },
        stdio: ['ignore', 'pipe', 'inherit', pipe],
      },
    );
  const output = (child: ChildProcess) =>
    new Promise<string>((resolve) => {
      let text = '';
      child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.on('exit', () => resolve(text.trim()));
    });

  it('goes on only once npm run build has said it linked them', async () => {
    const child = astro();
    const said = output(child);
    let early = '';
    child.stdout!.once('data', (chunk: Buffer) => (early = chunk.toString()));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(early).toBe('');
    (child.stdio[3] as NodeJS.WritableStream).end('linked');
    expect(await said).toBe('generating');
  }, 20_000);

  it('goes on when npm run build linked none', async () => {
    const child = astro();
    (child.stdio[3] as NodeJS.WritableStream).end('not linked');
    expect(await output(child)).toBe('generating');
  }, 20_000);

  it('stops, rather than wait forever, when what it was given is no pipe', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsroom-fd-'));
    const file = openSync(join(dir, 'not-a-pipe'), 'w+');
    try {
      expect(await output(astro(file))).toBe('newsroom: could not hear from npm run build on pipe 3: not a pipe');
    } finally {
      closeSync(file);
      rmSync(dir, { recursive: true, force: true });
    }
  }, 20_000);

  it('stops when npm run build stopped without a word', async () => {
    const child = astro();
    (child.stdio[3] as NodeJS.WritableStream).end();
    expect(await output(child)).toBe(
      'newsroom: npm run build did not say it had linked the published pages (it stopped, or could not remove the links it made)',
    );
  }, 20_000);
});

describe('the published pages a build no longer publishes', () => {
  it('names the release pages that went, a few of them, and what to do should a release have moved', () => {
    expect(droppedPagesWarning(['releases/2012-09-07-alliance/index.html'])).toBe(
      'newsroom: 1 release page of the published site is no longer built: releases/2012-09-07-alliance/. A release unpublished, deleted or moved (a new date or file name)? If it moved, list its old address under redirectFrom: in the release, so that links to it still lead to it',
    );
    const many = Array.from({ length: 7 }, (_, i) => `releases/2012-09-0${i + 1}-x/index.html`);
    expect(droppedPagesWarning(many)).toMatch(
      /^newsroom: 7 release pages of the published site are no longer built: releases\/2012-09-01-x\/, .*, releases\/2012-09-05-x\/ and 2 more\. /,
    );
    expect(droppedPagesWarning([])).toBeUndefined();
  });

  it('counts release pages only: not lists, feeds, nor the page a release left at its former address', () => {
    const site = mkdtempSync(join(tmpdir(), 'newsroom-dropped-'));
    const page = (file: string, html: string) => {
      mkdirSync(join(site, file, '..'), { recursive: true });
      writeFileSync(join(site, file), html);
    };
    page('releases/2012-09-07-alliance/index.html', '<!DOCTYPE html><title>Alliance</title>');
    page('ja/releases/2012-09-07-alliance/index.html', '<!DOCTYPE html><title>提携</title>');
    page('releases/2012-09-06-alliance/index.html', '<meta http-equiv="refresh" content="0; url=/x/">');
    page('releases/2012/index.html', '<!DOCTYPE html><title>2012</title>');
    page('tags/alliance/index.html', '<!DOCTYPE html><title>alliance</title>');
    const dropped = [
      'releases/2012-09-07-alliance/index.html',
      'ja/releases/2012-09-07-alliance/index.html',
      'releases/2012-09-06-alliance/index.html',
      'releases/2012/index.html',
      'releases/2012/rss.xml',
      'tags/alliance/index.html',
    ];
    expect(droppedReleasePages(site, dropped)).toEqual([
      'releases/2012-09-07-alliance/index.html',
      'ja/releases/2012-09-07-alliance/index.html',
    ]);
    rmSync(site, { recursive: true, force: true });
  });
});
