/** A static file server for a built site, on loopback, honouring the base path like a real host. */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Content types by file extension, as static hosts send them. */
export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

export interface StaticServer {
  /** Origin plus base path, e.g. `http://127.0.0.1:4321/newsroom/`. */
  url: string;
  close(): Promise<void>;
}

const COMPRESSIBLE = /^(text\/|application\/(json|xml)|image\/svg)/;

/**
 * `headers` are sent with every response, as a host configured by public/_headers would. With
 * `gzip`, text is compressed for clients that accept it, as static hosts do (GitHub Pages,
 * Netlify, a CDN): Lighthouse judges pages by what a reader would receive.
 */
export async function serveStatic(
  dir: string,
  base = '/',
  { headers = {}, gzip = false }: { headers?: Record<string, string>; gzip?: boolean } = {},
): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const send = (status: number, file: string) => {
      const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
      if (gzip && COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding']))) {
        response.writeHead(status, { 'content-type': type, 'content-encoding': 'gzip' });
        return response.end(gzipSync(readFileSync(file)));
      }
      response.writeHead(status, { 'content-type': type });
      createReadStream(file).pipe(response);
    };
    const send404 = () => {
      const page = join(dir, '404.html');
      if (existsSync(page)) return send(404, page);
      response.writeHead(404, { 'content-type': CONTENT_TYPES['.html']! });
      response.end('Not found');
    };
    if (!path.startsWith(base)) return send404();
    let file = normalize(join(dir, path.slice(base.length)));
    if (!file.startsWith(normalize(dir))) return send404();
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) {
        response.writeHead(301, { location: `${path}/` });
        return response.end();
      }
      file = join(file, 'index.html');
    }
    if (!existsSync(file)) return send404();
    send(200, file);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
