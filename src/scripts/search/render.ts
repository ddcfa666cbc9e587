/**
 * One search result as the reader sees it: headline linked to the release, date of issue, and an
 * excerpt with the matched words highlighted. Built with DOM nodes and text, never by assigning
 * HTML, so nothing in a query or an index entry can become markup or script.
 */
import type { PagefindResultData } from './pagefind';

/**
 * The excerpt as text and <mark> elements only. Pagefind escapes the page text and adds <mark>;
 * parsing it in an inert document and keeping nothing else holds even if that ever changed.
 */
export function excerptNodes(excerpt: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<body>${excerpt}</body>`, 'text/html');
  return [...parsed.body.childNodes].map((node) => {
    if (node.nodeName !== 'MARK') return document.createTextNode(node.textContent ?? '');
    const mark = document.createElement('mark');
    mark.textContent = node.textContent;
    return mark;
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
  text.append(...excerptNodes(excerpt));
  item.append(text);
  return item;
}
