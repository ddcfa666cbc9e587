/**
 * Plain text as MDX that renders back to the same text. MDX reads `{` as code and `<` as a
 * component, and Markdown reads `*`, `_`, a leading `1.` or `#` as formatting; each is escaped so
 * that any release text imports as valid MDX and prints as written. Markdown links and `<https://…>`
 * addresses in the source are kept as links, since that is what the legacy text means by them.
 */

// Characters with a meaning in MDX or Markdown inline text; `\` first, so escapes stay escapes.
const SPECIAL = /[\\{}<>*_`[\]~|]/g;
// `&copy;` would print ©; the source meant the characters as typed.
const ENTITY = /&(?=#?\w+;)/g;

function escapeCharacters(text: string): string {
  return text.replace(SPECIAL, '\\$&').replace(ENTITY, '\\&');
}

// [text](url) with at most one level of parentheses in the url, or <http://…>.
const LINK = /\[([^\][]*)\]\(([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)\)|<(https?:\/\/[^>\s]+)>/g;

const SAFE_HREF = /^(https?:|mailto:|tel:|\/|#|$)/i;

/** Escapes inline text, keeping Markdown links and bracketed web addresses as links. */
export function escapeInline(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(LINK)) {
    const [whole, label, href, address] = m;
    // Only web, mail, phone, site-relative and in-page links stay links: `javascript:` and the
    // like are kept as the text they were, never as something a reader could click.
    if (href !== undefined && !SAFE_HREF.test(href)) continue;
    out += escapeCharacters(text.slice(last, m.index));
    // MDX has no <https://…> autolinks: the address becomes a link whose text is the address.
    out += address ? `[${escapeCharacters(address)}](${address})` : `[${escapeCharacters(label!)}](${href})`;
    last = m.index + whole.length;
  }
  return out + escapeCharacters(text.slice(last));
}

/**
 * Escapes a line that stands as its own paragraph: besides inline escapes, the starts of lines that
 * Markdown turns into headings, numbered lists, bullets or rules keep their characters.
 */
export function escapeLine(text: string): string {
  return escapeInline(text.trim())
    .replace(/^#/, '\\#')
    .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2')
    .replace(/^([+-])(?=\s|$)/, '\\$1')
    .replace(/^([-=])(?=[-=\s]*$)/, '\\$1');
}

/** A JSX attribute holding `value` exactly: a string, or an expression when it contains `"`. */
export function jsxAttribute(name: string, value: string): string {
  return value.includes('"') ? `${name}={${JSON.stringify(value)}}` : `${name}="${value}"`;
}

/** The text a Markdown line shows: links read as their text, escapes as the characters. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
