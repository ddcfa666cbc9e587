/**
 * One search result as the reader sees it: headline linked to the release, date of issue, and an
 * excerpt with the matched words highlighted. Built with DOM nodes and text, never by assigning
 * HTML, so nothing in a query or an index entry can become markup or script.
 */
import { headlineLength, wordParts } from '../../lib/search';
import type { PagefindResultData } from './pagefind';

/**
 * The excerpt as text and <mark> elements only, without the headline it may begin with (the result
 * shows it above: `headlineLength`) unless only the headline shows a match, and with the
 * punctuation Pagefind marks along with a word left unmarked (`wordParts`). Pagefind escapes the
 * page text and adds <mark>; parsing it in an inert document and keeping nothing else holds even
 * if that ever changed.
 */
export function excerptNodes(excerpt: string, headline = ''): Node[] {
  const parsed = new DOMParser().parseFromString(`<body>${excerpt}</body>`, 'text/html');
  const parts = [...parsed.body.childNodes].map((node) => ({
    marked: node.nodeName === 'MARK',
    text: node.textContent ?? '',
  }));
  // Characters of the headline still to drop from the front; none when the headline holds the
  // only words matched, which the excerpt is there to show.
  let drop = headlineLength(parts.map(({ text }) => text).join(''), headline);
  let end = 0;
  let markedAfter = false;
  for (const { marked, text } of parts) {
    end += text.length;
    if (marked && end > drop) markedAfter = true;
  }
  if (!markedAfter) drop = 0;
  const textNodes = (text: string) => (text ? [document.createTextNode(text)] : []);
  return parts.flatMap(({ marked, text: whole }): Node[] => {
    const text = whole.slice(drop);
    drop = Math.max(0, drop - whole.length);
    const [before, word, after] = marked ? wordParts(text) : [text, '', ''];
    if (!word) return textNodes(text);
    const mark = document.createElement('mark');
    mark.textContent = word;
    return [...textNodes(before), mark, ...textNodes(after)];
  });
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  return node;
}

export function resultItem({ url, excerpt, meta }: PagefindResultData): HTMLLIElement {
  const item = element('li', 'search-result');
  // The search covers every language: a result in another one is read out in its own.
  if (meta.lang) item.lang = meta.lang;
  const heading = element('h3', 'search-result-title');
  const link = document.createElement('a');
  link.href = url;
  link.textContent = meta.title || url;
  heading.append(link);
  item.append(heading);
  // Releases carry a date; other indexed pages (About, Contacts) do not.
  if (meta.date) {
    const line = element('p', 'search-result-meta');
    const time = document.createElement('time');
    time.dateTime = meta.date;
    time.textContent = meta.date_label || meta.date;
    line.append(time);
    item.append(line);
  }
  const text = element('p', 'search-result-excerpt');
  text.append(...excerptNodes(excerpt, meta.title));
  item.append(text);
  return item;
}
