/** Site paths joined with the configured base path, for links in templates. */
import { withBase } from './lib/urls';

export const href = (path: string) => withBase(import.meta.env.BASE_URL, path);
