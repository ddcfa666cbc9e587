import { spawnSync } from 'node:child_process';
import {
  existsSync,
  globSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  condenseStagedPages,
  forgetStagedPages,
  indexedPages,
  indexedPart,
  listsInOrderMade,
  searchBundles,
  writeSearchIndex,
} from '../../src/integrations/search-index';
import { ARCHIVE_BUNDLE_DIR, INDEXED_PAGES, recordArchive, SEARCH_BUNDLE_DIR, UNDATED } from '../../src/lib/search';
import { ROOT } from '../support/build';
import { treeDifferences, treeDigest } from '../support/tree';

// tmpfs, where this machine has it, lists a folder in the order its entries were made (as btrfs
// does), so the order pages are written in shows there; ext4 lists them by a hash of their names.
const place = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
const sites = [0, 1, 2, 3, 4, 5].map(() => mkdtempSync(join(place, 'newsroom-index-order-')));
const linkedIndexes = mkdtempSync(join(place, 'newsroom-index-linked-'));
afterAll(() => [...sites, linkedIndexes].forEach((site) => rmSync(site, { recursive: true, force: true })));

const slugs = Array.from({ length: 16 }, (_, i) => `20${String(10 + i)}-03-30-results-of-share-buyback`);

/** Writes the pages into `site` in the order given, as Astro does in whatever order pages finish. */
function writePages(site: string, order: string[]) {
  for (const slug of order) writePage(site, `releases/${slug}`, `${slug.slice(0, 10)}T00:00:00.000Z`);
}

/** A release page; `before`, what comes between its heading and the instant it records. */
function writePage(site: string, path: string, instant: string, before = '') {
  mkdirSync(join(site, path), { recursive: true });
  writeFileSync(
    join(site, path, 'index.html'),
    `<!doctype html><html lang="en"><body><article data-pagefind-body><h1>Share buyback ${path}</h1>${before}` +
      `<div hidden data-instant="${instant}"></div><p>Results of the share buyback, ${instant}.</p></article></body></html>`,
  );
}

describe('the search index (writeSearchIndex)', () => {
  it('is the same bytes whatever order the pages were written in, and leaves the pages as they were', async () => {
    writePages(sites[0]!, [...slugs].reverse());
    writePages(sites[1]!, [...slugs.slice(8), ...slugs.slice(0, 8)]);
    const pages = treeDigest(sites[0]!);
    for (const site of sites.slice(0, 2)) {
      expect(await writeSearchIndex(site)).toBe('indexed en: 16 of 16 pages into pagefind/');
    }

    const [first, second] = sites.slice(0, 2).map((site) => treeDigest(join(site, SEARCH_BUNDLE_DIR)));
    expect(treeDifferences(first!, second!)).toEqual([]);
    // Nothing else is left in the site: the pages as they were, and the index.
    const after = treeDigest(sites[0]!);
    expect(new Map([...after].filter(([file]) => !file.startsWith(`${SEARCH_BUNDLE_DIR}/`)))).toEqual(pages);
    expect(readdirSync(sites[0]!).sort()).toEqual([SEARCH_BUNDLE_DIR, 'releases']);
  }, 60_000);

  it('splits the index where the search page says: the latest releases into pagefind/, each older one into its volume', async () => {
    const site = sites[2]!;
    writePages(site, slugs);
    // A page whose instant comes after more than the first part of the file that is read for it.
    writePage(
      site,
      `releases/${slugs[0]}`,
      `${slugs[0]!.slice(0, 10)}T00:00:00.000Z`,
      `<p>${'Terms. '.repeat(4000)}</p>`,
    );
    writePage(site, 'about', '0000-01-01T00:00:00.000Z');
    mkdirSync(join(site, 'search'), { recursive: true });
    const volume = (year: number) => ({
      dir: `${ARCHIVE_BUNDLE_DIR}/${year}`,
      from: `${year - 1}-12-31T15:00:00.000Z`,
      languages: ['en'],
    });
    // As Astro writes an attribute: its quotes escaped.
    const searchPage = (from: string, archive: string) =>
      writeFileSync(
        join(site, 'search', 'index.html'),
        `<div data-search-page data-split-from="${from}" data-archive="${archive.replaceAll('"', '&quot;')}"></div>`,
      );
    // 2010 to 2025: the releases of 2022 and after go first, with the About page; then 2016 to
    // 2021, and 2010 to 2015.
    searchPage('2021-12-31T15:00:00.000Z', recordArchive([volume(2016), volume(2010)]));
    expect(await writeSearchIndex(site)).toBe(
      'indexed en: 5 of 5 pages into pagefind/; en: 6 of 6 pages into pagefind-archive/2016/; ' +
        'en: 6 of 6 pages into pagefind-archive/2010/',
    );
    for (const bundle of [SEARCH_BUNDLE_DIR, `${ARCHIVE_BUNDLE_DIR}/2016`, `${ARCHIVE_BUNDLE_DIR}/2010`]) {
      expect(existsSync(join(site, bundle, 'pagefind-entry.json'))).toBe(true);
    }
    // A page whose instant is known (a rebuild's record of a published page) is placed by it and not
    // read: here a record of 2023 for the release of 2011, which says 2011. Those read are added.
    const page = (slug: string) => `releases/${slug}/index.html`;
    const instants = new Map([[page(slugs[1]!), '2023-03-30T00:00:00.000Z']]);
    const placed = searchBundles(site, instants);
    expect(placed.map(({ dir, pages }) => [dir, pages.length])).toEqual([
      [SEARCH_BUNDLE_DIR, 6],
      [`${ARCHIVE_BUNDLE_DIR}/2016`, 6],
      [`${ARCHIVE_BUNDLE_DIR}/2010`, 5],
    ]);
    expect(placed[0]!.pages).toContain(page(slugs[1]!));
    expect(instants.get(page(slugs[0]!))).toBe('2010-03-30T00:00:00.000Z');
    expect(instants.get('about/index.html')).toBe('0000-01-01T00:00:00.000Z');
    expect(instants.size).toBe(17);
    const index = () => new Map([...treeDigest(site)].filter(([file]) => file.startsWith(SEARCH_BUNDLE_DIR)));
    const again = async (atOnce?: number) => {
      rmSync(join(site, SEARCH_BUNDLE_DIR), { recursive: true, force: true });
      rmSync(join(site, ARCHIVE_BUNDLE_DIR), { recursive: true, force: true });
      return writeSearchIndex(site, undefined, { atOnce });
    };
    // The parts written at the same time, each by a Pagefind of its own, as `npm run build` does:
    // the same bytes, and the same account, in the same order.
    const oneAtATime = index();
    expect(oneAtATime.size).toBeGreaterThan(30);
    expect(await again(3)).toBe(
      'indexed en: 5 of 5 pages into pagefind/; en: 6 of 6 pages into pagefind-archive/2016/; ' +
        'en: 6 of 6 pages into pagefind-archive/2010/',
    );
    expect(treeDifferences(index(), oneAtATime)).toEqual([]);
    // A volume no release falls in, or a release older than every volume, is a mistake, not a
    // search with an empty part.
    // (The last hour of 2015 in Tokyo: no release then.)
    const lastHour = { ...volume(2015), from: '2015-12-31T14:00:00.000Z' };
    searchPage('2021-12-31T15:00:00.000Z', recordArchive([volume(2016), lastHour, volume(2010)]));
    await expect(again()).rejects.toThrow(
      /splitting the index failed:\n.*releases from 2015-12-31T14:00:00.000Z in pagefind-archive\/2015\/, but none/,
    );
    searchPage('2021-12-31T15:00:00.000Z', recordArchive([volume(2016)]));
    await expect(again()).rejects.toThrow(
      /no volume of the archive \(the oldest from 2015-12-31T15:00:00.000Z\) holds releases\/2010-03-30/,
    );
    searchPage('2021-12-31T15:00:00.000Z', recordArchive([volume(2022), volume(2010)]));
    await expect(again()).rejects.toThrow(/the archive's newest volume starts at 2021-12-31T15:00:00.000Z, not before/);
    searchPage('2021-12-31T15:00:00.000Z', '[]');
    await expect(again()).rejects.toThrow(/search\/index.html: expected the archive's volumes/);
    expect(readdirSync(site).sort()).toEqual(['about', 'releases', 'search']);
  }, 60_000);

  it('reads the pages its pattern names, as a glob of the pattern lists them', () => {
    const site = sites[4]!;
    const folders = ['about', 'contacts', 'releases/a', 'releases/2007', 'releases/about', 'ja/about', 'ja/releases/b'];
    const others = ['de/contacts', 'tags/x', 'releases/a/b', 'ja/tags/y', '.hidden/releases/c', 'search', 'ja'];
    for (const folder of [...folders, ...others]) {
      mkdirSync(join(site, folder), { recursive: true });
      writeFileSync(join(site, folder, 'index.html'), '<!doctype html>');
    }
    mkdirSync(join(site, 'releases', 'no-page'));
    writeFileSync(join(site, 'notes.txt'), '');
    expect(indexedPages(site)).toEqual([...folders, 'de/contacts'].map((folder) => `${folder}/index.html`).sort());
    expect(indexedPages(site)).toEqual(globSync(INDEXED_PAGES, { cwd: site }).sort());
  });

  it('stops, writing nothing, when told to before it is done', async () => {
    const site = sites[5]!;
    writePages(site, slugs);
    const stop = new AbortController();
    const written = writeSearchIndex(site, undefined, { signal: stop.signal });
    stop.abort();
    await expect(written).rejects.toThrow(/Search index: indexing failed:\nstopped before it began/);
    expect(readdirSync(site)).toEqual(['releases']);
    await expect(writeSearchIndex(site, undefined, { signal: stop.signal })).rejects.toThrow(/stopped before it began/);
    expect(readdirSync(site)).toEqual(['releases']);
    expect(await writeSearchIndex(site)).toBe('indexed en: 16 of 16 pages into pagefind/');
  }, 60_000);

  it('links the files of the published index that it would write again in the same bytes, and writes the rest', async () => {
    const [published, site, fresh] = ['published', 'site', 'fresh'].map((name) => join(linkedIndexes, name));
    const edit = (dir: string) =>
      writePage(dir, `releases/${slugs[5]}`, '2015-03-30T00:00:00.000Z', '<p>Corrected.</p>');
    for (const dir of [published!, site!, fresh!]) writePages(dir, slugs);
    expect(await writeSearchIndex(published!)).toBe('indexed en: 16 of 16 pages into pagefind/');
    edit(site!);
    edit(fresh!);
    const said = await writeSearchIndex(site!, undefined, { previousDir: published! });
    const [, linked, files] =
      /^indexed en: 16 of 16 pages into pagefind\/ \((\d+) of its (\d+) files the published ones\)$/
        .exec(said)!
        .map(Number);
    expect(await writeSearchIndex(fresh!)).toBe('indexed en: 16 of 16 pages into pagefind/');
    const index = (dir: string) => treeDigest(join(dir, SEARCH_BUNDLE_DIR));
    // What a site indexed afresh has, byte for byte.
    expect(treeDifferences(index(site!), index(fresh!))).toEqual([]);
    // Each file the published index has in the same bytes is that very file; the others are new.
    const before = index(published!);
    const shared = [...index(site!)].filter(([file, digest]) => before.get(file) === digest).map(([file]) => file);
    const same = (file: string) =>
      statSync(join(site!, SEARCH_BUNDLE_DIR, file)).ino === statSync(join(published!, SEARCH_BUNDLE_DIR, file)).ino;
    expect(shared.length).toBe(linked);
    expect(shared.every(same)).toBe(true);
    expect(linked).toBeGreaterThan(0);
    expect(linked).toBeLessThan(files!);
    expect(files).toBe(index(site!).size);
    // The entry file, which names the index's new files, among them.
    expect(same('pagefind-entry.json')).toBe(false);
  }, 60_000);

  // Where a folder is listed by its names (ext4): elsewhere the pages are linked anew each time.
  const onDisk = mkdtempSync(join(tmpdir(), 'newsroom-index-stage-'));
  afterAll(() => rmSync(onDisk, { recursive: true, force: true }));
  it.runIf(!listsInOrderMade(onDisk))(
    "leaves each part's pages linked outside the site for the next index, which links again only those that changed",
    async () => {
      const [site, fresh, stage] = ['site', 'fresh', 'stage'].map((name) => join(onDisk, name));
      const write = (dir: string) => {
        writePages(dir, slugs);
        writePage(dir, 'about', UNDATED);
        mkdirSync(join(dir, 'search'), { recursive: true });
        const archive = recordArchive([
          { dir: `${ARCHIVE_BUNDLE_DIR}/2010`, from: '2009-12-31T15:00:00.000Z', languages: ['en'] },
        ]);
        writeFileSync(
          join(dir, 'search', 'index.html'),
          `<div data-split-from="2019-12-31T15:00:00.000Z" data-archive="${archive.replaceAll('"', '&quot;')}"></div>`,
        );
      };
      const index = (dir: string) =>
        new Map([...treeDigest(dir)].filter(([file]) => file.startsWith(SEARCH_BUNDLE_DIR)));
      // Each part's pages as staged: the site's file, or what the index reads of it.
      const staged = (dir: string) =>
        searchBundles(dir).flatMap((bundle) =>
          bundle.pages.map((page) => {
            const [file, source] = [join(stage!, bundle.dir, page), join(dir, page)];
            if (statSync(file).ino === statSync(source).ino) return 'linked';
            return readFileSync(file, 'latin1') === indexedPart(readFileSync(source, 'latin1')) ? 'cut' : 'other';
          }),
        );
      write(site!);
      const said = 'indexed en: 7 of 7 pages into pagefind/; en: 10 of 10 pages into pagefind-archive/2010/';
      expect(await writeSearchIndex(site!, undefined, { stageDir: stage })).toBe(said);
      expect(new Set(staged(site!))).toEqual(new Set(['linked']));
      expect(readdirSync(site!).sort()).toEqual(
        ['about', SEARCH_BUNDLE_DIR, ARCHIVE_BUNDLE_DIR, 'releases', 'search'].sort(),
      );
      // Cut to what the index reads of them, as a rebuild does while Astro starts.
      expect(await condenseStagedPages(stage!)).toBe(17);
      expect(new Set(staged(site!))).toEqual(new Set(['cut']));
      expect(await condenseStagedPages(stage!)).toBe(0);

      // A release edited (Astro writes a new file), one gone, another added: the next index reads
      // exactly the pages the site has, and is what an index of a site built afresh is.
      rmSync(join(site!, 'releases', slugs[3]!), { recursive: true });
      rmSync(join(site!, 'releases', slugs[12]!, 'index.html'));
      writePage(site!, `releases/${slugs[12]}`, '2022-03-30T00:00:00.000Z', '<p>Corrected.</p>');
      writePage(site!, 'releases/2026-01-01-new', '2026-01-01T00:00:00.000Z');
      for (const dir of [SEARCH_BUNDLE_DIR, ARCHIVE_BUNDLE_DIR]) rmSync(join(site!, dir), { recursive: true });
      const again = 'indexed en: 8 of 8 pages into pagefind/; en: 9 of 9 pages into pagefind-archive/2010/';
      expect(await writeSearchIndex(site!, undefined, { stageDir: stage })).toBe(again);
      // Only the edited and the new release linked again, the others left as they were cut.
      const pages = searchBundles(site!).flatMap((bundle) => bundle.pages);
      const linkedAgain = [`releases/${slugs[12]}/index.html`, 'releases/2026-01-01-new/index.html'];
      expect(staged(site!)).toEqual(pages.map((page) => (linkedAgain.includes(page) ? 'linked' : 'cut')));
      expect(existsSync(join(stage!, ARCHIVE_BUNDLE_DIR, '2010', 'releases', slugs[3]!))).toBe(false);
      write(fresh!);
      rmSync(join(fresh!, 'releases', slugs[3]!), { recursive: true });
      writePage(fresh!, `releases/${slugs[12]}`, '2022-03-30T00:00:00.000Z', '<p>Corrected.</p>');
      writePage(fresh!, 'releases/2026-01-01-new', '2026-01-01T00:00:00.000Z');
      expect(await writeSearchIndex(fresh!)).toBe(again);
      expect(treeDifferences(index(site!), index(fresh!))).toEqual([]);

      // The archive's volume gone (the site is no longer split): its pages' links go too.
      forgetStagedPages(stage!, [{ dir: SEARCH_BUNDLE_DIR, pages: [], split: true }]);
      expect(readdirSync(stage!)).toEqual([SEARCH_BUNDLE_DIR]);
      forgetStagedPages(stage!, [{ dir: SEARCH_BUNDLE_DIR, pages: [], split: false }]);
      expect(readdirSync(stage!)).toEqual([]);
    },
    60_000,
  );

  it('reads of a page what the index reads: the html tag, the title and the marked element, less what it ignores', () => {
    const page = (body: string, header = '<div>Menu</div>') =>
      `<!DOCTYPE html><html lang="ja" dir="ltr"><head><meta charset="utf-8"><title>Notice | Trend Micro</title>` +
      `<link rel="stylesheet" href="/a.css"></head><body><header data-pagefind-ignore>${header}</header>` +
      `<main>${body}</main><footer><div>About</div></footer></body></html>`;
    const marked =
      '<div class="about" data-pagefind-body="" data-pagefind-meta="lang[data-lang]" data-lang="ja">' +
      '<h1>About</h1><div><div>Nested</div></div><p>Text</p></div>';
    expect(indexedPart(page(`<p>Before</p>${marked}<div>After</div>`))).toBe(
      '<!DOCTYPE html><html lang="ja" dir="ltr"><head><meta charset="utf-8"><title>Notice | Trend Micro</title>' +
        `</head><body>${marked}</body></html>`,
    );
    // The text of what it ignores left out, its start tag kept (Pagefind reads its attributes);
    // nested elements of the same kind counted. Left whole: an element that is or holds what
    // Pagefind reads even there, one whose end tag a page may leave out, one holding a self-closed
    // tag, and the marked element itself; not emptied, an element whose attribute's value, or text,
    // merely names the attribute.
    const kept = [
      '<section data-pagefind-ignore><span data-pagefind-meta="note">F</span></section>',
      '<div data-pagefind-ignore data-pagefind-meta="summary">G</div>',
      '<div data-pagefind-filter="topic" data-pagefind-ignore>H</div>',
      '<h2 data-pagefind-ignore><img src="/i.png" alt=""></h2>',
      '<p data-pagefind-ignore>I</p>',
      '<svg><g data-pagefind-ignore><g/></g></svg>',
      '<span title="use data-pagefind-ignore here">J</span><span> data-pagefind-ignore K</span>',
    ].join('');
    const article =
      '<article class="release" data-pagefind-body><h1>A</h1>' +
      '<section class="notice" data-pagefind-ignore><section>B</section><p>C</p></section>D' +
      '<DIV Data-Pagefind-Ignore="all"><div data-pagefind-ignore>E</div></DIV>' +
      `${kept}</article>`;
    expect(indexedPart(page(article))).toContain(
      '<body><article class="release" data-pagefind-body><h1>A</h1>' +
        '<section class="notice" data-pagefind-ignore></section>D<DIV Data-Pagefind-Ignore="all"></DIV>' +
        `${kept}</article></body>`,
    );
    const whole = '<article data-pagefind-body data-pagefind-ignore><p>All of it</p></article>';
    expect(indexedPart(page(whole))).toContain(`<body>${whole}</body>`);
    // A script with no tag in its text (the site's JSON-LD) hides none.
    const withData = marked.replace('<p>', '<script type="application/ld+json">{"name":"A \\u003c B"}</script><p>');
    expect(indexedPart(page(withData))).toContain(`<body>${withData}</body>`);
    // Read whole: a page without a marked element, or with two (the index would read both);
    for (const body of ['<h1>Releases of 2007</h1>', `${marked}${marked}`])
      expect(indexedPart(page(body))).toBe(undefined);
    // with what Pagefind reads from anywhere outside it: a heading (the title), an image, meta;
    for (const outside of [
      '<h1>Title</h1>',
      '<img src="/logo.png" alt="">',
      '<span data-pagefind-filter="year:2007">',
    ]) {
      expect(indexedPart(page(marked, outside))).toBe(undefined);
    }
    // or with what could hide a tag from the count: a tag in an attribute's value, a script.
    const tricky = [
      '<article data-pagefind-body><div data-headline="Not </article> the end">Text</div></article>',
      '<article data-pagefind-body><script>"</article>"</script><p>Text</p></article>',
      '<article data-pagefind-body><!-- </article> --><p>Text</p></article>',
    ];
    for (const body of tricky) expect(indexedPart(page(body))).toBe(undefined);
  });

  it('fails, rather than let the build end as if it had written the index, when Pagefind dies', () => {
    const site = sites[3]!;
    writePages(site, slugs.slice(0, 2));
    // Pagefind panics where its output folder is a file, and its wrapper never answers.
    writeFileSync(join(site, SEARCH_BUNDLE_DIR), 'not a folder');
    const script = `import { writeSearchIndex } from './src/integrations/search-index.ts';
      await writeSearchIndex(${JSON.stringify(site)});`;
    const result = spawnSync(
      process.execPath,
      ['--import', './scripts/support/resolve-ts.ts', '--input-type=module', '--eval', script],
      { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
    );
    expect(result.stderr).toContain('Search index: Pagefind stopped without answering; the index was not written.');
    expect(result.status).toBe(1);
  }, 60_000);
});
