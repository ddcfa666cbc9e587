/**
 * Sizes of a built site, as a reader and a host see them: the whole output, and what one release
 * page costs (its HTML plus the CSS and JS it loads, raw and gzipped), as the median over every
 * release page so one long release does not stand for all.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { files, sum } from './search-cost.ts';

export interface PageWeight {
  html: number;
  css: number;
  js: number;
  /** HTML + CSS, raw. */
  raw: number;
  /** HTML + CSS, each gzipped on its own, as a host sends them. */
  gzip: number;
  /** JS files and inline scripts (JSON-LD is data, not script, and is left out). */
  jsFiles: string[];
}

export interface SiteMetrics {
  outputBytes: number;
  outputFiles: number;
  releasePages: number;
  median: { raw: number; gzip: number; html: number; css: number; js: number };
  largest: { raw: number; gzip: number };
  sample: { path: string; weight: PageWeight };
}

const RELEASE_DIR = /^\d{4}-\d{2}-\d{2}-/;

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}=["']?([^"'\\s>]+)`, 'i').exec(tag)?.[1];
}

/** Resolves a URL found on a page to a file of the site; the site's own base path is `base`. */
function fileOf(siteDir: string, url: string, base: string): string | undefined {
  if (/^[a-z]+:/i.test(url) || url.startsWith('//')) return undefined;
  const path = url.split(/[?#]/)[0]!;
  const inSite = path.startsWith(base) ? path.slice(base.length) : path.replace(/^\//, '');
  const file = join(siteDir, inSite);
  return existsSync(file) ? file : undefined;
}

const cssCache = new Map<string, { raw: number; gzip: number }>();
function sizeOf(file: string): { raw: number; gzip: number } {
  let size = cssCache.get(file);
  if (!size) {
    const content = readFileSync(file);
    size = { raw: content.length, gzip: gzipSync(content).length };
    cssCache.set(file, size);
  }
  return size;
}

export function pageWeight(siteDir: string, htmlFile: string, base = '/'): PageWeight {
  const html = readFileSync(htmlFile);
  const text = html.toString('utf8');
  let css = 0;
  let cssGzip = 0;
  for (const tag of text.match(/<link\b[^>]*>/gi) ?? []) {
    if (!/\brel=["']?stylesheet/i.test(tag)) continue;
    const file = fileOf(siteDir, attribute(tag, 'href') ?? '', base);
    if (file) {
      const size = sizeOf(file);
      css += size.raw;
      cssGzip += size.gzip;
    }
  }
  let js = 0;
  const jsFiles: string[] = [];
  for (const [tag, inline] of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi).map((m) => [m[1]!, m[2]!])) {
    const type = attribute(tag, 'type');
    if (type && !/module|javascript/i.test(type)) continue;
    const src = attribute(tag, 'src');
    if (src) {
      const file = fileOf(siteDir, src, base);
      if (file) {
        js += sizeOf(file).raw;
        jsFiles.push(src);
      }
    } else if (inline.trim()) {
      js += Buffer.byteLength(inline);
      jsFiles.push('(inline)');
    }
  }
  return {
    html: html.length,
    css,
    js,
    raw: html.length + css,
    gzip: gzipSync(html).length + cssGzip,
    jsFiles,
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
};

export function siteMetrics(siteDir: string, base = '/'): SiteMetrics {
  const all = files(siteDir);
  const releasesDir = join(siteDir, 'releases');
  const pages = readdirSync(releasesDir)
    .filter((name) => RELEASE_DIR.test(name))
    .map((name) => ({ path: `releases/${name}/`, file: join(releasesDir, name, 'index.html') }))
    .filter(({ file }) => existsSync(file));
  const weights = pages.map(({ file }) => pageWeight(siteDir, file, base));
  const middle = median(weights.map((w) => w.gzip));
  const at = Math.max(
    0,
    weights.findIndex((w) => w.gzip === middle),
  );
  return {
    outputBytes: sum(all.map((f) => f.bytes)),
    outputFiles: all.length,
    releasePages: pages.length,
    median: {
      raw: median(weights.map((w) => w.raw)),
      gzip: middle,
      html: median(weights.map((w) => w.html)),
      css: median(weights.map((w) => w.css)),
      js: median(weights.map((w) => w.js)),
    },
    largest: {
      raw: Math.max(0, ...weights.map((w) => w.raw)),
      gzip: Math.max(0, ...weights.map((w) => w.gzip)),
    },
    sample: { path: pages[at]?.path ?? '', weight: weights[at]! },
  };
}
