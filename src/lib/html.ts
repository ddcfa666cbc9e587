/** Small, pure helpers over rendered HTML strings. */
import { withBase } from './urls';

const FIRST_PARAGRAPH = /^(\s*(?:<!--[\s\S]*?-->\s*)*)<p(\s[^>]*)?>/;

/**
 * Runs `prefixHtml` into the first paragraph of `html`, wire-style ("TOKYO, Japan, March 30,
 * 2007 -- Trend Micro …"). When the content does not open with a paragraph the prefix becomes a
 * paragraph of its own, so it is never lost.
 */
export function runIntoFirstParagraph(html: string, prefixHtml: string, gap = ' '): string {
  const m = FIRST_PARAGRAPH.exec(html);
  if (!m) return `<p>${prefixHtml}</p>${html}`;
  return `${html.slice(0, m[0].length)}${prefixHtml}${gap}${html.slice(m[0].length)}`;
}

/**
 * What goes between a label and the text after it, as the label's language writes them: a space
 * after "Phone:", none after "電話：", as full-width punctuation carries its own space.
 */
export function labelGap(label: string): string {
  return /(?=\p{P})[\u3000-\u303f\uff00-\uffef]$/u.test(label) ? '' : ' ';
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

// A link's or an image's start tag as the renderer writes it, its address a path from the site's
// root (`/releases/x/`), not `//host/…`.
const SITE_LINK = /<a(\s[^>]*?)?\shref="(\/(?!\/)[^"]*)"([^>]*)>/g;
const SITE_IMAGE = /<img(\s[^>]*?)?\ssrc="(\/(?!\/)[^"]*)"([^>]*)>/g;

/**
 * Links and images in a body as the built site needs them. An author writes them as paths from the
 * site's root (`/releases/x/`, `/attachments/a.pdf`), as `npm run check` reads them; on a site
 * published under a sub-path (`base`, e.g. `/newsroom/`) they get it (`/newsroom/releases/x/`).
 * Every link to a page of the site also gets its full address on `site` as `data-url`, which the
 * print stylesheet writes after the link's text: on paper `/releases/x/` alone would not say which
 * site it is on. Links that already have one are left as they are, and so are paths that already
 * start with the sub-path.
 */
export function withSiteAddresses(html: string, site: string | URL, base = '/'): string {
  const root = withBase(base, '');
  // A path written with the sub-path already (or a body passed here twice) keeps it once.
  const below = (path: string) => root !== '/' && (path.startsWith(root) || `${path}/` === root);
  const onSite = (path: string) => (below(path) ? path : withBase(base, path));
  return html
    .replace(SITE_LINK, (tag: string, before = '', path: string, after: string) => {
      if (/\sdata-url=/.test(`${before}${after}`)) return tag;
      const href = onSite(path);
      let url: string;
      try {
        url = new URL(href.replaceAll('&amp;', '&'), site).href;
      } catch {
        return tag;
      }
      return `<a${before} href="${href}" data-url="${escapeHtml(url)}"${after}>`;
    })
    .replace(
      SITE_IMAGE,
      (_, before = '', path: string, after: string) => `<img${before} src="${onSite(path)}"${after}>`,
    );
}
