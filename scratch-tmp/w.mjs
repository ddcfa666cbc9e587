import { Worker } from 'node:worker_threads';
const w = new Worker(new URL('../src/loaders/render-mdx.ts', import.meta.url), { execArgv: ['--import', new URL('../scripts/support/resolve-ts.ts', import.meta.url).href] });
w.on('error', (e) => console.error('ERR', e.message));
w.on('exit', (c) => console.log('exit', c));
