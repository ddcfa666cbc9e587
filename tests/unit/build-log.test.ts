import { describe, expect, it } from 'vitest';
import type { AstroLoggerMessage } from 'astro';
import { pageLine, pagesSummary, withPagesSummed } from '../../src/integrations/build-log';

const event = (message: string, label: string | null = null, newLine = true): AstroLoggerMessage => ({
  level: 'info',
  label,
  message,
  newLine,
});
/** The two pieces of a page's line, as Astro 7 logs them (src/…/generate.js), with colours or not. */
const path = (file: string) => event(`  \u001b[34m├─\u001b[39m \u001b[2m${file}\u001b[22m`, null, false);
const rendered = (ms: number) => event(` \u001b[2m(+${ms}ms)\u001b[22m `, 'SKIP_FORMAT');
const cached = () => event(' (cached)', 'SKIP_FORMAT');

function written(events: AstroLoggerMessage[]) {
  const out: AstroLoggerMessage[] = [];
  const log = withPagesSummed({ write: (e) => out.push(e) });
  for (const e of events) log.write(e);
  return { out, log };
}

describe('build log', () => {
  it("tells the pieces of a page's line from everything else", () => {
    expect(pageLine(path('/index.html'))).toBe('path');
    expect(pageLine(event('  ├─ /rss.xml', null, false))).toBe('path');
    expect(pageLine(rendered(12))).toBe('rendered');
    expect(pageLine(event(' (+1.20s) (file not created, response body was empty)', 'SKIP_FORMAT'))).toBe('rendered');
    expect(pageLine(cached())).toBe('kept');
    expect(pageLine(event(' \u001b[32m(restored)\u001b[39m', 'SKIP_FORMAT'))).toBe('kept');
    expect(pageLine(event('\n generating static routes ', 'SKIP_FORMAT'))).toBeUndefined();
    expect(pageLine(event('✓ Completed in 164ms.'))).toBeUndefined();
    expect(pageLine(event('├─ not a page', 'build', false))).toBeUndefined();
    expect(pageLine({ ...event('Could not render /x/ (+3ms)'), level: 'error' })).toBeUndefined();
  });

  it('sums up the pages, however their pieces interleave, before the next line', () => {
    const { out } = written([
      event('\n generating static routes ', 'SKIP_FORMAT'),
      path('/404.html'),
      path('/robots.txt'),
      path('/feeds/2007/rss.xml'),
      cached(),
      rendered(20),
      rendered(3),
      event('✓ Completed in 123ms.'),
    ]);
    expect(out.map((e) => e.message)).toEqual([
      '\n generating static routes ',
      pagesSummary(2, 1),
      '✓ Completed in 123ms.',
    ]);
    expect(pagesSummary(2, 1)).toBe(
      '  └─ 3 files: 2 rendered, 1 unchanged since the last build (NEWSROOM_LOG_PAGES=1 lists them)',
    );
    expect(pagesSummary(1, 0)).toBe('  └─ 1 file rendered (NEWSROOM_LOG_PAGES=1 lists them)');
  });

  it('lets warnings and errors through as they come, the pages summed up before them', () => {
    const warning: AstroLoggerMessage = { level: 'warn', label: 'build', message: 'slow', newLine: true };
    const failure: AstroLoggerMessage = { level: 'error', label: null, message: 'Build failed', newLine: true };
    const { out } = written([path('/a/'), rendered(1), warning, path('/b/'), cached(), failure]);
    expect(out).toEqual([
      expect.objectContaining({ message: pagesSummary(1, 0) }),
      warning,
      expect.objectContaining({ message: pagesSummary(0, 1) }),
      failure,
    ]);
  });

  it('sums up pages still counted when the log is flushed or closed, and only once', async () => {
    const { out, log } = written([path('/a/'), rendered(1)]);
    await log.flush?.();
    await log.close?.();
    expect(out.map((e) => e.message)).toEqual([pagesSummary(1, 0)]);
  });
});
