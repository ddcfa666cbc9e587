/** Links written in an MDX body: Markdown links, reference definitions and JSX/HTML `href`s. */

export interface WrittenLink {
  href: string;
  /** File line of the link. */
  line: number;
}

const PATTERNS = [
  // [text](href "title") and ![alt](src); a backslash before `[` or `]` makes it plain text.
  /(?<!\\)\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+["'][^"']*["'])?\s*\)/g,
  // [label]: href
  /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm,
  // href="…", href='…', href={"…"}
  /\bhref=\{?\s*["']([^"']+)["']/g,
];

/** Every link in `body`, whose first character sits on file line `firstLine`. */
export function findLinks(body: string, firstLine: number): WrittenLink[] {
  const found: { href: string; at: number }[] = [];
  for (const pattern of PATTERNS) {
    for (const m of body.matchAll(pattern)) found.push({ href: m[1]!, at: m.index + m[0].indexOf(m[1]!) });
  }
  found.sort((a, b) => a.at - b.at);
  // The links are in order, so one walk over the line breaks numbers them all.
  const lineStarts = [...body.matchAll(/\n/g)].map((m) => m.index);
  let line = 0;
  return found.map(({ href, at }) => {
    while (line < lineStarts.length && lineStarts[line]! < at) line++;
    return { href, line: firstLine + line };
  });
}
