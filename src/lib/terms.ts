/** Numbering of terms in a release: `1.`, `(1)` or `(a)`. */

export const TERM_STYLES = ['1.', '(1)', '(a)', '(i)'] as const;
export type TermStyle = (typeof TERM_STYLES)[number];

function alpha(n: number): string {
  let out = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = String.fromCharCode(97 + ((k - 1) % 26)) + out;
  return out;
}

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let out = '';
  let rest = n;
  for (const [value, digits] of table) {
    while (rest >= value) {
      out += digits;
      rest -= value;
    }
  }
  return out;
}

/** The marker printed before the `n`th term (1-based). */
export function termMarker(n: number, style: TermStyle): string {
  switch (style) {
    case '1.':
      return `${n}.`;
    case '(1)':
      return `(${n})`;
    case '(a)':
      return `(${alpha(n)})`;
    case '(i)':
      return `(${roman(n)})`;
  }
}

/** The HTML `<ol type>` matching a style, so the list reads the same without CSS. */
export function listType(style: TermStyle): '1' | 'a' | 'i' {
  return style === '(a)' ? 'a' : style === '(i)' ? 'i' : '1';
}
