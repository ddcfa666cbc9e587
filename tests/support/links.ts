/** Broken internal links and fragments in a served site, found by linkinator crawling it. */
import { LinkChecker } from 'linkinator';

export async function brokenInternalLinks(siteUrl: string): Promise<string[]> {
  const origin = new URL(siteUrl).origin;
  const result = await new LinkChecker().check({
    path: siteUrl,
    recurse: true,
    checkFragments: true,
    // Only the site's own pages: share links and the issuer's website are not ours to check here.
    linksToSkip: async (link) => !link.startsWith(origin),
  });
  return result.links
    .filter((link) => link.state === 'BROKEN')
    .map((link) => `${link.url} (from ${link.parent ?? '?'}): HTTP ${link.status ?? 'error'}`);
}
