/**
 * A static server for a built site that compresses text with gzip, as static hosts do (GitHub
 * Pages, Netlify, S3 behind a CDN). Lighthouse judges transfer sizes, so pages are measured as a
 * reader would receive them. Behaves otherwise like tests/support/serve.ts, at the root path.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CONTENT_TYPES as TYPES } from '../../tests/support/serve.ts';

const COMPRESSIBLE = /^(text\/|application\/(json|xml)|image\/svg)/;

export async function serveCompressed(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file = normalize(join(dir, path));
    if (file.startsWith(normalize(dir)) && existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) {
        response.writeHead(301, { location: `${path}/` });
        return response.end();
      }
      file = join(file, 'index.html');
    }
    const found = file.startsWith(normalize(dir)) && existsSync(file);
    if (!found) file = join(dir, '404.html');
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    let body = existsSync(file) ? readFileSync(file) : Buffer.from('Not found');
    const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'max-age=3600' };
    if (COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding']))) {
      body = gzipSync(body);
      headers['content-encoding'] = 'gzip';
    }
    response.writeHead(found ? 200 : 404, headers);
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
