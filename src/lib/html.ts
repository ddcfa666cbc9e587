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
