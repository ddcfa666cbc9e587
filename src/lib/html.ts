/** Small, pure helpers over rendered HTML strings. */

const FIRST_PARAGRAPH = /^(\s*(?:<!--[\s\S]*?-->\s*)*)<p(\s[^>]*)?>/;

/**
 * Runs `prefixHtml` into the first paragraph of `html`, wire-style ("TOKYO, Japan, March 30,
 * 2007 -- Trend Micro …"). When the content does not open with a paragraph the prefix becomes a
 * paragraph of its own, so it is never lost.
 */
export function runIntoFirstParagraph(html: string, prefixHtml: string): string {
  const m = FIRST_PARAGRAPH.exec(html);
  if (!m) return `<p>${prefixHtml}</p>${html}`;
  return `${html.slice(0, m[0].length)}${prefixHtml} ${html.slice(m[0].length)}`;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

// A link's start tag as the renderer writes it, its address a path on the site (`/releases/x/`).
const SITE_LINK = /<a(\s[^>]*?)?\shref="(\/(?!\/)[^"]*)"([^>]*)>/g;

/**
 * Gives every link to a page of the site in `html` its full address on `site` as `data-url`, which
 * the print stylesheet writes after the link's text: on paper `/releases/x/` alone would not say
 * which site it is on. Links that already have one are left as they are.
 */
export function withPrintedAddresses(html: string, site: string | URL): string {
  return html.replace(SITE_LINK, (tag: string, before = '', path: string, after: string) => {
    if (/\sdata-url=/.test(`${before}${after}`)) return tag;
    let url: string;
    try {
      url = new URL(path.replaceAll('&amp;', '&'), site).href;
    } catch {
      return tag;
    }
    return `<a${before} href="${path}" data-url="${escapeHtml(url)}"${after}>`;
  });
}
