/**
 * Astro's log, as `npm run build` prints it (astro.config.mjs: `logger`), less its line per file.
 * Astro lists every page and feed it writes, in two pieces (the path, then its time or
 * "(cached)"); with four pages in flight (`build.concurrency`) the pieces of different files
 * interleave, and a 10,000-release archive printed 14,000 such lines, in which a warning is easily
 * lost. Here they are counted instead, and one line says how many files were rendered and how many
 * were unchanged since the last build. Everything else Astro and the integrations log, warnings and
 * errors above all, is printed as Astro prints it. `NEWSROOM_LOG_PAGES=1` lists every file again.
 *
 * Imported by Node itself when Astro starts, not by Vite: it imports packages only, and its types
 * are only types (erased by Node).
 */
import type { AstroLoggerDestination, AstroLoggerMessage } from 'astro';
import nodeLogger from 'astro/logger/node';

const COLOURS = /\u001b\[[0-9;]*m/g;
/** The first piece of a file's line: `  ├─ /releases/…/index.html`, to be finished. */
const PAGE_PATH = /^\s*├─ /;
/** The second: ` (+12ms)` when rendered, ` (cached)` or ` (restored)` when kept. */
const PAGE_DONE = /^\s*\((?:(\+[^)]*)|cached|restored)\)/;

/** Which piece of a file's line an event is, if any. */
export function pageLine(event: AstroLoggerMessage): 'path' | 'rendered' | 'kept' | undefined {
  const text = event.message.replace(COLOURS, '');
  if (event.label === null && !event.newLine && PAGE_PATH.test(text)) return 'path';
  if (event.label !== 'SKIP_FORMAT') return undefined;
  const done = PAGE_DONE.exec(text);
  if (!done) return undefined;
  return done[1] ? 'rendered' : 'kept';
}

/** The line that stands for the files' lines. */
export function pagesSummary(rendered: number, kept: number): string {
  const total = rendered + kept;
  const files = `${total} ${total === 1 ? 'file' : 'files'}`;
  const list = '(NEWSROOM_LOG_PAGES=1 lists them)';
  return kept === 0
    ? `  └─ ${files} rendered ${list}`
    : `  └─ ${files}: ${rendered} rendered, ${kept} unchanged since the last build ${list}`;
}

/** Passes every event to `next` except the files' lines, summed up before the next other event. */
export function withPagesSummed(next: AstroLoggerDestination): AstroLoggerDestination {
  let rendered = 0;
  let kept = 0;
  const sumUp = () => {
    if (rendered + kept === 0) return;
    next.write({ label: null, level: 'info', message: pagesSummary(rendered, kept), newLine: true });
    rendered = 0;
    kept = 0;
  };
  return {
    write(event) {
      const piece = pageLine(event);
      if (piece === 'rendered') rendered += 1;
      else if (piece === 'kept') kept += 1;
      if (piece) return;
      sumUp();
      next.write(event);
    },
    flush() {
      sumUp();
      return next.flush?.();
    },
    close() {
      sumUp();
      return next.close?.();
    },
  };
}

/**
 * Read here rather than passed from astro.config.mjs: the config is part of every page's cache key,
 * so asking for the list would render every page again.
 */
export default function buildLog(): AstroLoggerDestination {
  const node = nodeLogger();
  return process.env.NEWSROOM_LOG_PAGES === '1' ? node : withPagesSummed(node);
}
