/**
 * A worker thread of the render pool (src/loaders/render-pool.ts): renders each MDX file it is
 * sent and sends back the HTML or the problems, as src/loaders/render-mdx.ts gives them.
 */
import { parentPort } from 'node:worker_threads';
import { renderMdx, type MdxFile } from './render-mdx';

export interface RenderRequest {
  id: number;
  file: MdxFile;
}

parentPort?.on('message', ({ id, file }: RenderRequest) => {
  try {
    parentPort!.postMessage({ id, result: renderMdx(file) });
  } catch (error) {
    const { message = String(error), stack } = error as Partial<Error>;
    parentPort!.postMessage({ id, error: { message, stack } });
  }
});
