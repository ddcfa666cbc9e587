/**
 * `npm run bench`: what a build costs at archive scale. Generates N synthetic releases into a
 * temporary content folder (content/ is only read), runs the real production build on them
 * (scripts/build.ts: pages, feeds, sitemaps, search index) and measures it; with --baseline it also
 * builds the same releases with a bare Astro + MDX project, in the same run, for the ratio.
 *
 *   npm run bench -- --releases N [--seed S] [--baseline] [--rebuild] [--json FILE]
 *                    [--profile DIR] [--keep] [--compare REV [--rounds K]] [--translated F]
 *
 *   --translated F that share (0 to 1) of the releases also published in Japanese, as translations
 *                  (none by default, so the numbers in BENCHMARKS.md compare); the cold first query
 *                  is then also measured on the Japanese search page, for 自己株式
 *   --rebuild      after the full build, build again with nothing changed (a scheduled build), then
 *                  edit one release and build again (incremental rebuilds)
 *   --profile DIR  write V8 CPU profiles of the build (node --cpu-prof) into DIR
 *   --keep         keep the temporary folder (generated content and built sites)
 *   --compare REV  instead: this tree and commit REV alternately, K rounds (default 3) of a clean
 *                  build and a one-release rebuild each, on the same releases
 */
import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { writeBaselineProject } from './bench/baseline.ts';
import { BENCH_NOW, generateReleases, writeContentFolder } from './bench/generate.ts';
import { canMeasureMemory, runMeasured, type TreeRun } from './bench/process-tree.ts';
import { coldQuery, indexSize, sum, type IndexSize } from './bench/search-cost.ts';
import { siteMetrics, type SiteMetrics } from './bench/site-metrics.ts';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const flag = (name: string) => args.includes(name);

const releases = Number(option('--releases'));
const seed = Number(option('--seed') ?? 1);
// The share of releases also published in Japanese, as translations (none by default).
const translated = Number(option('--translated') ?? 0);
if (!Number.isInteger(releases) || releases < 1 || !Number.isInteger(seed) || !(translated >= 0 && translated <= 1)) {
  console.error(
    'Usage: npm run bench -- --releases N [--seed S] [--translated 0…1] [--baseline] [--rebuild] [--json FILE]',
  );
  process.exit(2);
}
if (!canMeasureMemory()) {
  console.error('npm run bench needs Linux /proc to measure the memory of the build processes.');
  process.exit(2);
}
const jsonFile = resolve(option('--json') ?? join(tmpdir(), `newsroom-bench-${releases}-seed${seed}.json`));
const profileDir = option('--profile') ? resolve(option('--profile')!) : undefined;
const compareWith = option('--compare');
const QUERY = '?q=buyback';
/** With Japanese translations (`--translated`), the first query on the Japanese search page too. */
const JAPANESE_PAGE = 'ja/search/';
const JAPANESE_QUERY = `?q=${encodeURIComponent('自己株式')}`;
const EDIT = 'This sentence was added after publication.';

const work = mkdtempSync(join(tmpdir(), `newsroom-bench-${releases}-`));
const contentDir = join(work, 'content');
const logFile = join(work, 'build.log');

const MB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function buildEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...extra };
  // npm's own variables must not reach the builds.
  for (const key of Object.keys(env)) if (key.startsWith('npm_')) delete env[key];
  return env;
}

/** The lines in which Astro and our integrations report how long each step took. */
function timings(log: string): string[] {
  return log
    .split('\n')
    .map((line) => line.replace(/^\d\d:\d\d:\d\d\s*/, '').trim())
    .filter((line) => /^\[/.test(line) && /\d(\.\d+)?\s*m?s\b|indexed|Completed/.test(line))
    .filter((line, i, all) => all.indexOf(line) === i)
    .slice(0, 40);
}

interface Measured {
  run: TreeRun;
  msPerRelease: number;
  site: SiteMetrics;
  searchIndex?: IndexSize | undefined;
  timings: string[];
}

/**
 * Waits until no old site that `scripts/build.ts` left to a background process to delete (next to
 * the `work` folder's sites) is left, so that deleting it is not measured with the next build.
 */
async function oldSitesDeleted(): Promise<void> {
  const old = () => readdirSync(work).filter((name) => /^\..+-previous-\d+$/.test(name));
  const since = Date.now();
  while (old().length > 0) {
    if (Date.now() - since > 120_000) throw new Error(`Old sites not deleted after 2 minutes: ${old().join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function measureBuild(label: string, command: string[], cwd: string, env: NodeJS.ProcessEnv) {
  await oldSitesDeleted();
  appendFileSync(logFile, `\n===== ${label}\n`);
  const before = readFileSync(logFile, 'utf8').length;
  console.error(`\n${label}: building ${releases} releases…`);
  const run = await runMeasured(process.execPath, command, { cwd, env, logFile });
  const log = readFileSync(logFile, 'utf8').slice(before);
  if (run.status !== 0) {
    console.error(log.slice(-4000));
    throw new Error(`${label}: the build failed (exit ${run.status}); log in ${logFile}`);
  }
  console.error(`${label}: ${s(run.wallMs)}, peak ${MB(run.peakRssBytes)}`);
  return { run, log };
}

/**
 * `--compare REV`: this tree and commit REV, built one after the other on the same releases,
 * `--rounds` times (default 3): a clean build and a one-release rebuild each. A shared machine's
 * speed drifts over minutes; alternating puts both versions through the same drift. REV is checked
 * out in a temporary git worktree that uses this tree's node_modules, so it should have the same
 * package-lock.json.
 */
async function compareRevisions(rev: string, edited: string) {
  const rounds = Number(option('--rounds') ?? 3);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds: expected a whole number ≥ 1`);
  const other = join(work, 'compare');
  const git = (...gitArgs: string[]) => execFileSync('git', gitArgs, { cwd: ROOT, encoding: 'utf8' });
  git('worktree', 'add', '--detach', other, rev);
  symlinkSync(join(ROOT, 'node_modules'), join(other, 'node_modules'));
  const trees = [
    { label: git('rev-parse', '--short', rev).trim(), root: other },
    { label: 'this tree', root: ROOT },
  ];
  const original = readFileSync(edited, 'utf8');
  const runs: { tree: string; round: number; full: TreeRun; rebuild: TreeRun }[] = [];
  try {
    for (let round = 1; round <= rounds; round++) {
      // Each goes first in every other round: neither always follows the other's build.
      for (const [i, tree] of (round % 2 ? trees : [...trees].reverse()).entries()) {
        const cache = join(work, `cache-${i}`);
        const site = join(work, `site-${i}`);
        for (const dir of [cache, site]) rmSync(dir, { recursive: true, force: true });
        writeFileSync(edited, original);
        const env = buildEnv({ NEWSROOM_CONTENT: contentDir, NEWSROOM_CACHE_DIR: cache, NEWSROOM_NOW: BENCH_NOW });
        const command = ['scripts/build.ts', '--outDir', site];
        const full = await measureBuild(`${tree.label}, round ${round}`, command, tree.root, env);
        writeFileSync(edited, `${original}\n${EDIT}\n`);
        const again = await measureBuild(`${tree.label}, round ${round}, rebuild`, command, tree.root, env);
        runs.push({ tree: tree.label, round, full: full.run, rebuild: again.run });
      }
    }
  } finally {
    writeFileSync(edited, original);
    git('worktree', 'remove', '--force', other);
  }
  report.compare = runs;
  writeFileSync(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nComparison: ${releases} releases, seed ${seed}, ${rounds} rounds`);
  for (const { label } of trees) {
    const mine = runs.filter((run) => run.tree === label);
    const list = (pick: (run: (typeof runs)[number]) => string) => mine.map(pick).join(', ');
    console.log(`  ${label}`);
    console.log(
      `    full build   ${list((run) => s(run.full.wallMs))}; peak ${list((run) => MB(run.full.peakRssBytes))}`,
    );
    console.log(
      `    rebuild      ${list((run) => s(run.rebuild.wallMs))}; peak ${list((run) => MB(run.rebuild.peakRssBytes))}`,
    );
  }
  console.log(`\nResults written to ${jsonFile}`);
}

/** The real `npm run build` on the generated releases, measured; `--rebuild` and `--baseline` too. */
async function measure(published: number, edited: string) {
  // Ours: the real `npm run build`.
  const siteDir = join(work, 'site');
  const buildCommand = ['scripts/build.ts', '--outDir', siteDir];
  const ourEnv = buildEnv({
    NEWSROOM_CONTENT: contentDir,
    NEWSROOM_CACHE_DIR: join(work, 'cache'),
    NEWSROOM_NOW: BENCH_NOW,
    ...(profileDir ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profileDir}` } : {}),
  });
  // `npm run check` over the same releases, as an author runs it before building.
  const checked = await measureBuild(
    'npm run check',
    ['--import', './scripts/support/resolve-ts.ts', 'scripts/check.ts', '--content', contentDir],
    ROOT,
    buildEnv({ NEWSROOM_NOW: BENCH_NOW }),
  );
  const ours = await measureBuild('newsroom', buildCommand, ROOT, ourEnv);
  const site = siteMetrics(siteDir);
  const search = indexSize(siteDir);
  console.error('Measuring a cold first search query in headless Chromium…');
  /** A cold first query on `page`, as the JSON records it. */
  const measureQuery = async (query: string, page?: string) => {
    const { summary, transfers } = await coldQuery(siteDir, query, page);
    const failed = transfers.filter((t) => t.status !== 200);
    if (failed.length) throw new Error(`Search requests that failed: ${failed.map((t) => t.path).join(', ')}`);
    return {
      query: `${page ?? 'search/'}${query}`,
      summary,
      requests: transfers.length,
      bytes: sum(transfers.map((t) => t.body)),
      bytesWithHeaders: sum(transfers.map((t) => t.body + t.headers)),
      gzipEstimate: sum(transfers.map((t) => t.gzip)),
      transfers,
    };
  };
  const newsroom: Measured & Record<string, unknown> = {
    run: ours.run,
    msPerRelease: ours.run.wallMs / releases,
    check: { run: checked.run },
    site,
    searchIndex: search,
    coldQuery: await measureQuery(QUERY),
    ...(translated > 0 && { japaneseColdQuery: await measureQuery(JAPANESE_QUERY, JAPANESE_PAGE) }),
    timings: timings(ours.log),
  };
  report.newsroom = newsroom;

  if (flag('--rebuild')) {
    // A scheduled build (daily, for the news sitemap) on a day nothing changed.
    const unchanged = await measureBuild('newsroom rebuild (nothing changed)', buildCommand, ROOT, ourEnv);
    newsroom.unchangedRebuild = { run: unchanged.run, timings: timings(unchanged.log) };
    // An author corrects one release; the next build reuses what did not change.
    writeFileSync(edited, `${readFileSync(edited, 'utf8')}\n${EDIT}\n`);
    const again = await measureBuild('newsroom rebuild (one release edited)', buildCommand, ROOT, ourEnv);
    // A rebuild that skipped the edited page would be fast and wrong: check it shows the edit.
    const pages = readdirSync(join(siteDir, 'releases'), { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(siteDir, 'releases', d.name, 'index.html')))
      .filter((d) => readFileSync(join(siteDir, 'releases', d.name, 'index.html'), 'utf8').includes(EDIT));
    if (pages.length !== 1)
      throw new Error(`After the rebuild, ${pages.length} release pages show the edit (expected 1)`);
    newsroom.rebuild = { run: again.run, edited, timings: timings(again.log) };
  }

  if (flag('--baseline')) {
    const project = join(work, 'baseline');
    // Inside the project, so its build chunks find node_modules.
    const baselineSite = join(project, 'dist');
    writeBaselineProject(project, join(contentDir, 'releases'), join(ROOT, 'node_modules'));
    const bare = await measureBuild(
      'bare Astro + MDX baseline',
      ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', baselineSite],
      project,
      // The same heap limit scripts/build.ts gives our build.
      buildEnv({ NODE_OPTIONS: '--max-old-space-size=4096' }),
    );
    const baseline: Measured = {
      run: bare.run,
      msPerRelease: bare.run.wallMs / releases,
      site: siteMetrics(baselineSite),
      timings: timings(bare.log),
    };
    report.baseline = baseline;
    report.ratio = {
      wall: ours.run.wallMs / bare.run.wallMs,
      peakRss: ours.run.peakRssBytes / bare.run.peakRssBytes,
    };
  }

  writeFileSync(jsonFile, `${JSON.stringify(report, null, 2)}\n`);

  const row = (label: string, value: string) => console.log(`  ${label.padEnd(34)} ${value}`);
  const also = report.translations ? ` and ${String(report.translations)} Japanese translations` : '';
  console.log(`\nBenchmark: ${releases} releases${also} (${published} published), seed ${seed}`);
  row('wall time', `${s(ours.run.wallMs)} (${newsroom.msPerRelease.toFixed(2)} ms per release)`);
  row('peak RSS, process tree', `${MB(ours.run.peakRssBytes)} (largest process ${MB(ours.run.largestProcess.bytes)})`);
  row('npm run check', `${s(checked.run.wallMs)}, peak ${MB(checked.run.peakRssBytes)}`);
  row('output', `${MB(site.outputBytes)} in ${site.outputFiles} files`);
  row(
    'release page (median, HTML + CSS)',
    `${kB(site.median.raw)} raw, ${kB(site.median.gzip)} gzip; JS ${site.median.js} bytes (${site.sample.weight.jsFiles.join(', ') || 'none'})`,
  );
  row(
    'search index',
    `${kB(search.index)} index proper; ${kB(search.total)} in ${search.files} files (${search.bundles.join(', ')})`,
  );
  type Cold = { requests: number; bytes: number; gzipEstimate: number; summary: string };
  const coldRow = (label: string, cold: Cold) =>
    row(label, `${kB(cold.bytes)} in ${cold.requests} requests (gzip ~${kB(cold.gzipEstimate)}): ${cold.summary}`);
  coldRow('cold first query', newsroom.coldQuery as Cold);
  if (newsroom.japaneseColdQuery) coldRow('cold first query, Japanese page', newsroom.japaneseColdQuery as Cold);
  if (newsroom.rebuild) {
    const unchanged = (newsroom.unchangedRebuild as { run: TreeRun }).run;
    row('rebuild, nothing changed', `${s(unchanged.wallMs)}, peak ${MB(unchanged.peakRssBytes)}`);
    const rebuild = (newsroom.rebuild as { run: TreeRun }).run;
    row('rebuild, one release edited', `${s(rebuild.wallMs)}, peak ${MB(rebuild.peakRssBytes)}`);
  }
  if (report.baseline) {
    const baseline = report.baseline as Measured;
    const ratio = report.ratio as { wall: number; peakRss: number };
    row('baseline wall time', `${s(baseline.run.wallMs)} (${baseline.msPerRelease.toFixed(2)} ms per release)`);
    row('baseline peak RSS', MB(baseline.run.peakRssBytes));
    row('baseline release page (median)', `${kB(baseline.site.median.raw)} raw, ${kB(baseline.site.median.gzip)} gzip`);
    row('ratio ours / baseline', `wall ${ratio.wall.toFixed(2)}, peak RSS ${ratio.peakRss.toFixed(2)}`);
  }
  console.log(`\nAstro's own timings (newsroom build):\n${newsroom.timings.map((t) => `  ${t}`).join('\n')}`);
  console.log(`\nResults written to ${jsonFile}`);
}

const report: Record<string, unknown> = {
  releases,
  seed,
  date: new Date().toISOString(),
  machine: { cpu: cpus()[0]?.model, cores: cpus().length, memoryBytes: totalmem(), node: process.version },
};

try {
  const generated = generateReleases(releases, seed, { translated });
  writeContentFolder(contentDir, join(ROOT, 'content'), generated);
  const byId = new Map(generated.map((r) => [r.file.replace(/\.mdx$/, ''), r]));
  // A translation is held while its original is (a draft, under embargo).
  const isPublished = (r: (typeof generated)[number]): boolean => {
    const original = /^translationOf: (.+)$/m.exec(r.source)?.[1];
    const own = !/^(draft: true|embargo:)/m.test(r.source);
    return own && (original === undefined || isPublished(byId.get(original)!));
  };
  const published = generated.filter(isPublished).length;
  const translations = generated.length - releases;
  report.published = published;
  report.translations = translations;
  const also = translations ? ` and ${translations} Japanese translations` : '';
  console.error(`Generated ${releases} releases${also} (${published} published) in ${contentDir}`);

  // An author corrects one release (--rebuild, --compare): a published original from the middle.
  const original = (r: (typeof generated)[number]) => isPublished(r) && !r.file.startsWith('ja/');
  const edited = join(contentDir, 'releases', generated.slice(Math.floor(releases / 2)).find(original)!.file);
  if (compareWith) await compareRevisions(compareWith, edited);
  else await measure(published, edited);
} finally {
  // Not while a background process still deletes an old site in it: both would delete the same files.
  await oldSitesDeleted();
  if (flag('--keep')) console.error(`Kept ${work}`);
  else rmSync(work, { recursive: true, force: true, maxRetries: 3 });
}
