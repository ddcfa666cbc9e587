/**
 * The fidelity check: every non-empty line of a plain-text source release appears in the text of
 * its page, in order. Lines are compared with whitespace collapsed and the source's Markdown
 * syntax read as what it renders to: `[text](url)` → text, `<url>` → url, a leading `- ` bullet → the
 * list item's text.
 */

export function normaliseLine(line: string): string {
  return line
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/^\s*-\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function sourceLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map(normaliseLine)
    .filter((line) => line.length > 0);
}

export interface Miss {
  index: number;
  line: string;
  /** Where the line was found out of order, if it appears earlier on the page. */
  foundEarlierAt?: number;
}

/** The first source line that is not found after the previous one, or `undefined` when all are. */
export function firstMissingLine(lines: string[], pageText: string): Miss | undefined {
  const text = pageText.replace(/\s+/g, ' ');
  let from = 0;
  for (const [index, line] of lines.entries()) {
    const at = text.indexOf(line, from);
    if (at === -1) {
      const anywhere = text.indexOf(line);
      return anywhere === -1 ? { index, line } : { index, line, foundEarlierAt: anywhere };
    }
    from = at + line.length;
  }
  return undefined;
}
