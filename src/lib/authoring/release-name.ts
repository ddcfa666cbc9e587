/** The file name of a new release, shared by `npm run new` and `npm run import`. */
import { slugify } from '../taxonomy';

/** The part after the date: the headline as lower-case words, at most 60 characters, cut at a word. */
export function releaseFileSlug(headline: string): string {
  const slug = slugify(headline);
  return slug.length > 60 ? slug.slice(0, 60).replace(/-[^-]*$/, '') : slug;
}
