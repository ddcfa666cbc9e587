/**
 * The /search/ page in the browser. The search lives in the URL: the page reads it on load and on
 * Back/Forward, and each new search or filter change adds a history entry. Pagefind finds the
 * results; this script fills the form, lists results ten at a time, announces what happened to
 * screen readers and moves focus only when the reader asked for something new.
 */
import {
  hasCriteria,
  pagefindOptions,
  readSearchState,
  SEARCH_FILTERS,
  searchStateQuery,
  moreLabel,
  searchSummary,
  type SearchState,
  type SummarySentences,
} from '../../lib/search';
import { loadPagefind, type Pagefind } from './pagefind';
import { resultItem } from './render';
import { resultPages, type ResultPages } from './results';

const PAGE_SIZE = 10;

function required<T extends Element>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`search page: missing ${selector}`);
  return found;
}

function start(root: HTMLElement) {
  const form = required<HTMLFormElement>(root, '[data-search-form]');
  const input = required<HTMLInputElement>(form, 'input[name="q"]');
  const order = required<HTMLSelectElement>(form, 'select[name="order"]');
  const filters = SEARCH_FILTERS.flatMap((name) => {
    const select = form.querySelector<HTMLSelectElement>(`select[name="${name}"]`);
    return select ? [{ name, select }] : [];
  });
  const announcer = required<HTMLElement>(root, '[data-search-announcer]');
  const output = required<HTMLElement>(root, '[data-search-output]');
  const summary = required<HTMLElement>(root, '[data-search-summary]');
  const list = required<HTMLOListElement>(root, '[data-search-results]');
  const empty = required<HTMLElement>(root, '[data-search-empty]');
  const clearFilters = required<HTMLElement>(root, '[data-search-clear-filters]');
  const clearButton = required<HTMLButtonElement>(clearFilters, 'button');
  const more = required<HTMLButtonElement>(root, '[data-search-more]');
  const unavailable = required<HTMLElement>(root, '[data-search-unavailable]');
  const languages = (root.dataset.languages ?? '').split(' ').filter(Boolean);
  // The page's language brings its sentences (src/i18n/), written into the page at build time.
  const sentences = JSON.parse(root.dataset.sentences ?? '{}') as SummarySentences;
  const pageTitle = document.title;

  let pagefind: Promise<Pagefind> | undefined;
  const getPagefind = () => (pagefind ??= loadPagefind(import.meta.env.BASE_URL, languages));
  /** Counts searches, so a slow earlier one never overwrites the results of a later one. */
  let generation = 0;
  let found: ResultPages = resultPages([], 'relevance');
  let shown = 0;

  /** The search the form shows; values the page does not offer are dropped. */
  function formState(): SearchState {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (typeof value === 'string') params.append(name, value);
    return readSearchState(params);
  }

  function choose(select: HTMLSelectElement, value: string) {
    select.value = value;
    // A value from an old or hand-edited link that the page does not offer: fall back to the first.
    if (select.selectedIndex === -1) select.selectedIndex = 0;
  }

  function showInForm(state: SearchState) {
    input.value = state.q;
    for (const { name, select } of filters) choose(select, state.filters[name] ?? '');
    choose(order, state.order);
  }

  function announce(message: string) {
    // Emptied first, so the same sentence twice in a row is still read out.
    announcer.textContent = '';
    requestAnimationFrame(() => (announcer.textContent = message));
  }

  function showUnavailable() {
    unavailable.hidden = false;
    announce(unavailable.textContent?.replace(/\s+/g, ' ').trim() ?? '');
  }

  function reset() {
    generation += 1;
    found = resultPages([], 'relevance');
    shown = 0;
    list.replaceChildren();
    // Nothing to read out before a search has found something (or nothing).
    output.hidden = true;
    summary.hidden = true;
    empty.hidden = true;
    more.hidden = true;
    // Nor a sentence about the search before, should the reader browse the live region.
    announcer.textContent = '';
    document.title = pageTitle;
  }

  /** Lists the next page of results; returns the first new link, for focus. */
  async function showMore(mine: number): Promise<HTMLAnchorElement | undefined> {
    const data = await found.take(PAGE_SIZE);
    if (mine !== generation) return undefined;
    const items = data.map(resultItem);
    list.append(...items);
    shown += items.length;
    const left = found.total - shown;
    more.hidden = left <= 0;
    more.textContent = moreLabel(left, PAGE_SIZE, sentences);
    return items[0]?.querySelector('a') ?? undefined;
  }

  async function run(state: SearchState, { focus }: { focus: boolean }) {
    reset();
    if (!hasCriteria(state)) return;
    const mine = generation;
    list.setAttribute('aria-busy', 'true');
    try {
      const { results } = await (await getPagefind()).search(state.q || null, pagefindOptions(state));
      if (mine !== generation) return;
      found = resultPages(results, state.order);
      await showMore(mine);
    } catch (error) {
      console.error(error);
      if (mine === generation) showUnavailable();
      return;
    } finally {
      if (mine === generation) list.removeAttribute('aria-busy');
    }
    if (mine !== generation) return;
    const labels = filters.flatMap(({ select }) =>
      select.value ? [select.selectedOptions[0]?.text ?? select.value] : [],
    );
    summary.textContent = searchSummary(found.total, state, labels, sentences);
    output.hidden = false;
    list.hidden = found.total === 0;
    summary.hidden = false;
    empty.hidden = found.total > 0;
    clearFilters.hidden = labels.length === 0;
    document.title = state.q ? `“${state.q}” – ${pageTitle}` : pageTitle;
    // A search the reader just asked for: take them to its summary, from where Tab reaches the
    // results. Otherwise (page load, Back, a filter change) focus stays put and the summary is read out.
    if (focus) summary.focus();
    else announce(summary.textContent);
  }

  /** The language switcher leads to this search on the other languages' search pages. */
  function carrySearchToOtherLanguages(state: SearchState) {
    for (const link of document.querySelectorAll<HTMLAnchorElement>('.language-switcher a[href]')) {
      link.setAttribute('href', `${new URL(link.href).pathname}${searchStateQuery(state)}`);
    }
  }

  /**
   * A search into the URL, then run. New words are a new history entry, so Back returns to the
   * previous search; the same words with other filters or order replace the entry, so stepping
   * through the years with the arrow keys does not leave a Back step for each.
   */
  function navigate(state: SearchState, options: { focus: boolean }) {
    const url = `${location.pathname}${searchStateQuery(state)}`;
    if (url !== `${location.pathname}${location.search}`) {
      const sameWords = state.q === readSearchState(new URLSearchParams(location.search)).q;
      if (sameWords) history.replaceState(null, '', url);
      else history.pushState(null, '', url);
    }
    carrySearchToOtherLanguages(state);
    void run(state, options);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(formState(), { focus: true });
  });
  for (const select of [order, ...filters.map(({ select }) => select)]) {
    select.addEventListener('change', () => navigate(formState(), { focus: false }));
  }
  clearButton.addEventListener('click', () => {
    for (const { select } of filters) select.value = '';
    navigate(formState(), { focus: true });
  });
  more.addEventListener('click', async () => {
    // One page at a time, so pages are listed in order however quickly the button is pressed.
    if (more.getAttribute('aria-disabled') === 'true') return;
    more.setAttribute('aria-disabled', 'true');
    const first = await showMore(generation);
    more.removeAttribute('aria-disabled');
    first?.focus();
  });
  window.addEventListener('popstate', () => {
    showInForm(readSearchState(new URLSearchParams(location.search)));
    carrySearchToOtherLanguages(formState());
    void run(formState(), { focus: false });
  });

  showInForm(readSearchState(new URLSearchParams(location.search)));
  const initial = formState();
  carrySearchToOtherLanguages(initial);
  if (hasCriteria(initial)) void run(initial, { focus: false });
  // Load Pagefind now, so the first search is quick and a missing index is reported at once.
  else getPagefind().catch(showUnavailable);
}

const root = document.querySelector<HTMLElement>('[data-search-page]');
if (root) start(root);
