/**
 * The /search/ page in the browser. The search lives in the URL: the page reads it on load and on
 * Back/Forward, and each new search or filter change adds a history entry. Pagefind finds the
 * results; this script fills the form, lists results ten at a time, announces what happened to
 * screen readers and moves focus only when the reader asked for something new.
 */
import {
  ALL_LANGUAGES,
  bareWord,
  fill,
  hasCriteria,
  markedWords,
  moreLabel,
  ownLanguage,
  olderLabel,
  pagefindOptions,
  readArchive,
  readSearchState,
  SEARCH_FILTERS,
  searchLanguage,
  searchPlan,
  searchStateQuery,
  searchSummary,
  showsWord,
  typoPrefixes,
  type IndexPart,
  type PagefindSearchOptions,
  type SearchState,
  type SummarySentences,
} from '../../lib/search';
import { closest } from '../../lib/suggest';
import { loadSearchIndexes, type SearchIndexes } from './pagefind';
import { resultItem } from './render';
import { releaseCount, resultPages, type LoadedResults, type ResultPages } from './results';

const PAGE_SIZE = 10;

/**
 * How long the first results wait for a correction (`lookUpCorrection`), so that one found in
 * that time is shown with them rather than above them a moment later.
 */
const CORRECTION_WAIT_MS = 250;
/** A correction still being looked up when the results are shown. */
const LATER = Symbol('later');
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Words no correction is looked for: Japanese (Pagefind segments it into words of its own, and a
 * term is two or three characters), numbers, addresses, and anything too long to be a misspelling.
 */
const notCorrectable = (word: string) =>
  word.length > 24 || /[\p{N}/@:.]/u.test(word) || /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(word);

/**
 * The words of a search a correction looks at, or undefined when it looks at none: an exact phrase
 * is meant as written, a long query is no typo of a word or two, and some words are never
 * corrected (`notCorrectable`).
 */
function correctableWords(q: string): string[] | undefined {
  const words = q.split(/\s+/).map(bareWord).filter(Boolean);
  const none = words.length === 0 || words.length > 3 || /["“”]/.test(q) || words.some(notCorrectable);
  return none ? undefined : words;
}

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
  const trySpelling = required<HTMLElement>(root, '[data-search-try-spelling]');
  const more = required<HTMLButtonElement>(root, '[data-search-more]');
  const unavailable = required<HTMLElement>(root, '[data-search-unavailable]');
  const suggestion = required<HTMLElement>(root, '[data-search-suggestion]');
  const elsewhere = required<HTMLElement>(root, '[data-search-elsewhere]');
  const words = (value: string | undefined) => (value ?? '').split(' ').filter(Boolean);
  const languages = words(root.dataset.languages);
  // The language a search keeps to unless the reader chooses another.
  const pageLanguage = document.documentElement.lang;
  const own = ownLanguage(pageLanguage, languages);
  const languageSelect = filters.find(({ name }) => name === 'language')?.select;
  // Once the archive is split (src/newsroom.ts: searchSplit): the first year of the first index.
  const splitYear = root.dataset.splitYear ? Number(root.dataset.splitYear) : undefined;
  const split = splitYear === undefined ? undefined : { year: splitYear };
  // The archive's volumes, newest first (ARCHIVE_ATTRIBUTE).
  const archiveVolumes = split && readArchive(root.dataset.archive ?? '');
  // The page's language brings its sentences (src/i18n/), written into the page at build time.
  const sentences = JSON.parse(root.dataset.sentences ?? '{}') as SummarySentences;
  const pageTitle = document.title;

  let indexes: Promise<SearchIndexes> | undefined;
  /**
   * Pagefind being unloaded: it keeps one instance for the page, so loading it again waits until
   * the old one is gone.
   */
  let unloading = Promise.resolve();
  /** After a failure: Pagefind unloaded, so that the next search loads it anew (SearchIndexes.destroy). */
  function unloadIndexes(): Promise<void> {
    const loading = indexes;
    indexes = undefined;
    unloading = unloading
      .then(async () => (await loading?.catch(() => undefined))?.destroy())
      .catch((error: unknown) => console.error(error));
    return unloading;
  }
  // The newsroom's default language, whose code Pagefind reads every query with.
  const defaultLanguage = root.dataset.defaultLanguage ?? document.documentElement.lang;
  const getIndexes = () =>
    (indexes ??= unloading.then(() =>
      loadSearchIndexes(import.meta.env.BASE_URL, defaultLanguage, languages, archiveVolumes),
    ));
  /**
   * The indexes for a new search: loaded anew if Pagefind or one of its indexes failed to load for
   * an earlier search (Pagefind keeps such an index, and would fail every search on it), whose
   * results are no longer listed.
   */
  async function indexesForSearch(): Promise<SearchIndexes> {
    const loading = indexes;
    const current = await loading?.catch(() => undefined);
    // Unless a search begun meanwhile has already loaded them anew.
    if (loading && indexes === loading && (!current || current.failed)) await unloadIndexes();
    return getIndexes();
  }
  /** Counts searches, so a slow earlier one never overwrites the results of a later one. */
  let generation = 0;
  let found: ResultPages = resultPages([], 'relevance');
  let shown = 0;
  /**
   * While a search has read only the first index of a split one: the rest of the search, which
   * reads the archive too and lists all results, the ones shown first.
   */
  let older: (() => Promise<ResultPages>) | undefined;
  /** What the summary says of the search shown: its words, order and filters. */
  let described: { state: SearchState; labels: string[] } | undefined;
  /** The excerpts of the first page of results: what the search matched (`showsWord`). */
  let leads: string[] = [];

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
    older = undefined;
    described = undefined;
    more.removeAttribute('aria-disabled');
    leads = [];
    suggestion.hidden = true;
    suggestion.replaceChildren();
    suggestion.removeAttribute('aria-busy');
    elsewhere.hidden = true;
    elsewhere.replaceChildren();
    // A failure to load is reported for the search it stopped; the next one loads the index anew.
    unavailable.hidden = true;
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
    if (shown === 0) leads = data.map((result) => result.excerpt);
    const items = data.map(resultItem);
    list.append(...items);
    shown += items.length;
    const left = found.total - shown;
    more.hidden = left <= 0 && !older;
    more.textContent =
      left <= 0 && older && split ? olderLabel(split.year, sentences) : moreLabel(left, PAGE_SIZE, sentences);
    return items[0]?.querySelector('a') ?? undefined;
  }

  /** The sentence that sums up the search shown, so far as it has been read. */
  function summarise() {
    if (!described) return;
    const partial = older && split ? split.year : undefined;
    summary.textContent = searchSummary(found.total, described.state, described.labels, sentences, partial);
  }

  /**
   * Finds the results of a search. With a split index and newest first, the first index is read
   * first; when it has a page of releases or more, those are listed, and the archive is read once
   * the reader asks for older releases (`older`). `read`: the parts of the index read so far.
   */
  async function find(state: SearchState) {
    const search = await indexesForSearch();
    const term = state.q || null;
    const options = pagefindOptions(state, own);
    const plan = searchPlan(state, split);
    const loaded: LoadedResults = new Map();
    if (plan !== 'recent-first' || search.archiveLoaded(options.filters.language)) {
      const parts = plan === 'recent-first' ? (['recent', 'archive'] as const) : ([plan] as const);
      const searches = await Promise.all(parts.map((part) => search.search(term, options, part)));
      return {
        found: resultPages(
          searches.map((s) => s.results),
          state.order,
          { loaded },
        ),
        read: plan === 'recent-first' ? ('all' as const) : plan,
      };
    }
    const recent = await search.search(term, options, 'recent');
    const everything = async () => {
      const archive = await search.search(term, options, 'archive');
      return resultPages([recent.results, archive.results], state.order, { loaded });
    };
    // Releases come first: the About and Contacts pages sort after every release, the archive's too.
    const releases = await releaseCount(recent.results, loaded);
    if (releases < PAGE_SIZE) return { found: await everything(), read: 'all' as const };
    return {
      found: resultPages([recent.results], state.order, { loaded, limit: releases }),
      older: everything,
      read: 'recent' as const,
    };
  }

  /**
   * The parts of the index a look-up beside the results reads in turn (`read`: those the search
   * read): the latest years first once the index is split, so that what is found there costs no
   * volume of the archive.
   */
  const latestFirst = (read: IndexPart): IndexPart[] => (split && read === 'all' ? ['recent', 'archive'] : [read]);

  /**
   * The search a reader most likely meant: each word the index lacks (found nowhere, whatever the
   * filters but the language of a search that found something, or only as a shorter word Pagefind
   * matches instead: `showsWord`) replaced by the word of the index nearest to it (`closest`: a
   * letter or so apart), among those its beginnings find (`typoPrefixes`: "buyba" finds "buyback"
   * where "buybak" finds nothing); offered only if the search so corrected finds something, with
   * the same filters. Pagefind has no such correction of its own. `unshown`: for a search that
   * found something, the words no excerpt of its first page shows matched; the others are kept as
   * they are. Undefined once `stale` (another search has started).
   */
  async function correction(
    state: SearchState,
    stale: () => boolean,
    unshown?: ReadonlySet<string>,
  ): Promise<SearchState | undefined> {
    const words = correctableWords(state.q);
    if (words === undefined) return undefined;
    const search = await getIndexes();
    const withFilters = pagefindOptions(state, own);
    // Where the search found nothing, a word is known in any language (the languages that have it
    // are offered instead); where it found something, in the language it keeps to, as the search
    // read it.
    const language = withFilters.filters.language;
    const anywhere: PagefindSearchOptions = {
      ...withFilters,
      filters: unshown === undefined || !language ? {} : { language },
    };
    const finds = async (term: string, options = anywhere, part: IndexPart = 'all') =>
      (await search.search(term, options, part)).results;
    // A search that found nothing read the archive in its own language only.
    const parts = latestFirst('all');
    // A word the index has, as its first results for the word alone show.
    const known = async (word: string) => {
      for (const part of parts) {
        const excerpts = await Promise.all(
          (await finds(word, anywhere, part)).slice(0, 3).map(async (result) => (await result.data()).excerpt),
        );
        if (excerpts.some((excerpt) => showsWord(excerpt, word))) return true;
      }
      return false;
    };
    const findsAny = async (term: string, options: PagefindSearchOptions) => {
      for (const part of parts) if ((await finds(term, options, part)).length > 0) return true;
      return false;
    };
    const nearest = async (word: string) => {
      for (const prefix of typoPrefixes(word)) {
        if (stale()) return undefined;
        const results = await finds(prefix);
        if (results.length === 0) continue;
        const excerpts = await Promise.all(results.slice(0, 5).map(async (result) => (await result.data()).excerpt));
        const marked = new Set(excerpts.flatMap(markedWords));
        // The word itself among them is no typo (`closest` offers only another).
        if (marked.has(word)) return word;
        const meant = closest(word, marked);
        if (meant !== undefined) return meant;
      }
      return undefined;
    };
    const corrected: string[] = [];
    for (const word of words) {
      if (stale()) return undefined;
      const looked = unshown === undefined || unshown.has(word);
      const meant = !looked || (await known(word)) ? word : await nearest(word);
      if (meant === undefined) return undefined;
      corrected.push(meant);
    }
    const q = corrected.join(' ');
    if (stale() || q === words.join(' ') || !(await findsAny(q, withFilters))) return undefined;
    return { ...state, q };
  }

  /**
   * Looks up the search `correction` gives for the search whose first results were just read: for
   * one that found nothing, with every word; for one that found something, with the words no
   * excerpt of its first page shows ("optionz" lists the pages with "options", "stock optoins"
   * those with "stock"; an excerpt that marks nothing, as for a match in the title alone, tells
   * nothing). Undefined when there is nothing to look up.
   */
  function lookUpCorrection(state: SearchState, mine: number): Promise<SearchState | undefined> | undefined {
    if (!state.q) return undefined;
    let unshown: Set<string> | undefined;
    if (found.total > 0) {
      const shownLeads = leads;
      if (!shownLeads.some((excerpt) => markedWords(excerpt).length > 0)) return undefined;
      unshown = new Set(
        (correctableWords(state.q) ?? []).filter((word) => !shownLeads.some((excerpt) => showsWord(excerpt, word))),
      );
      if (unshown.size === 0) return undefined;
    }
    // Busy while it looks, as the list is while it is filled.
    suggestion.setAttribute('aria-busy', 'true');
    return correction(state, () => mine !== generation, unshown)
      .catch((error: unknown) => {
        // A courtesy: without it, the reader still has the results, or the advice of the empty
        // state. An index that failed to load is loaded anew for the next search
        // (`indexesForSearch`).
        console.error(error);
        return undefined;
      })
      .finally(() => {
        if (mine === generation) suggestion.removeAttribute('aria-busy');
      });
  }

  /** Offers the search a correction gives (`meant`), a link below the summary. */
  function offerCorrection(meant: SearchState) {
    const link = document.createElement('a');
    link.href = `${location.pathname}${searchStateQuery(meant)}`;
    link.textContent = meant.q;
    const [before = '', after = ''] = sentences.suggestion.split('{q}');
    suggestion.replaceChildren(before, link, after);
    suggestion.hidden = false;
  }

  /**
   * Reads out what a search came to: the summary, unless it was focused (a screen reader reads it
   * then), followed by the `offers` below it that are shown (other languages' results with the
   * summary, a correction once it is found).
   */
  function announceOutcome(focus: boolean, offers: readonly HTMLElement[]) {
    const shownOffers = offers.flatMap((offer) => (offer.hidden ? [] : [offer.textContent]));
    const spoken = [...(focus ? [] : [summary.textContent]), ...shownOffers];
    if (spoken.length > 0) announce(spoken.join(sentences.gap));
  }

  /**
   * Where a search keeps to one language (`searchLanguage`): the other languages it finds something
   * in, in the parts of the index it read (`read`: only the first of a split one, until the reader
   * asks for older releases). Where the search found nothing, every other language is looked in;
   * where it found something, the newsroom's default language only, whose first index every
   * search reads anyway (Pagefind reads each query with it), and its archive's volumes only once
   * loaded: another language's index would cost a first search its bytes. Looked up while the
   * first results load, and shown with them, so the list does not move down once shown. A
   * courtesy: should it fail, the results stand without it.
   */
  async function otherLanguages(state: SearchState, read: IndexPart, foundNothing: boolean): Promise<string[]> {
    const kept = searchLanguage(state, own);
    if (!kept) return [];
    const looked = languages.filter((code) => code !== kept && (foundNothing || code === defaultLanguage));
    try {
      const search = await getIndexes();
      const finds = async (code: string, part: IndexPart) => {
        const inLanguage = pagefindOptions({ ...state, filters: { ...state.filters, language: code } });
        return (await search.search(state.q || null, inLanguage, part)).results.length > 0;
      };
      // Beside results, the default language is looked for only in the parts of it already loaded.
      const archiveToo = foundNothing || search.archiveLoaded(defaultLanguage);
      const parts = latestFirst(read).filter((part) => part === 'recent' || !split || archiveToo);
      let left = looked;
      for (const part of parts) {
        const found = await Promise.all(left.map((code) => finds(code, part)));
        left = left.filter((_, i) => !found[i]);
      }
      return looked.filter((code) => !left.includes(code));
    } catch (error) {
      // An index that failed to load is loaded anew for the next search (`indexesForSearch`).
      console.error(error);
      return [];
    }
  }

  /** Offers the results in `others` (otherLanguages), a link to each below the summary. */
  function offerElsewhere(state: SearchState, others: readonly string[]) {
    elsewhere.hidden = true;
    elsewhere.replaceChildren();
    if (others.length === 0 || !languageSelect) return;
    const links = others.map((code) => {
      const value = code === own ? '' : code;
      const link = document.createElement('a');
      link.href = `${location.pathname}${searchStateQuery({ ...state, filters: { ...state.filters, language: value } })}`;
      link.textContent = [...languageSelect.options].find((option) => option.value === value)?.text ?? code;
      return link;
    });
    const [before = '', after = ''] = (found.total > 0 ? sentences.elsewhere : sentences.elsewhereOnly).split(
      '{languages}',
    );
    let next = 0;
    const named = new Intl.ListFormat(pageLanguage).formatToParts(links.map((link) => link.text));
    elsewhere.replaceChildren(
      before,
      ...named.map((part) => (part.type === 'element' ? links[next++]! : part.value)),
      after,
    );
    elsewhere.hidden = false;
  }

  async function run(state: SearchState, { focus }: { focus: boolean }) {
    reset();
    if (!hasCriteria(state)) {
      // Submitted with nothing to search for: say what to give, and leave the reader in the box.
      if (focus) {
        summary.textContent = sentences.nothing;
        output.hidden = false;
        summary.hidden = false;
        list.hidden = true;
        input.focus();
        announce(sentences.nothing);
      }
      return;
    }
    const mine = generation;
    let others: string[] = [];
    list.setAttribute('aria-busy', 'true');
    try {
      const searched = await find(state);
      if (mine !== generation) return;
      ({ found, older } = searched);
      const looking = otherLanguages(state, searched.read, found.total === 0);
      await showMore(mine);
      others = await looking;
    } catch (error) {
      console.error(error);
      if (mine !== generation) return;
      showUnavailable();
      await unloadIndexes();
      return;
    } finally {
      if (mine === generation) list.removeAttribute('aria-busy');
    }
    if (mine !== generation) return;
    // A correction found quickly is shown with the results, so that they do not move down a line a
    // moment later; one that takes longer (index chunks still to fetch) follows them.
    const correcting = lookUpCorrection(state, mine);
    const early =
      correcting && (await Promise.race([correcting, delay(CORRECTION_WAIT_MS).then((): typeof LATER => LATER)]));
    if (mine !== generation) return;
    // Every language, the widest choice, narrows nothing: the summary leaves it out.
    const labels = filters.flatMap(({ select }) =>
      select.value && select.value !== ALL_LANGUAGES ? [select.selectedOptions[0]?.text ?? select.value] : [],
    );
    described = { state, labels };
    summarise();
    output.hidden = false;
    list.hidden = found.total === 0;
    summary.hidden = false;
    empty.hidden = found.total > 0;
    // Where other languages have results, the word is not misspelt: they are the advice instead.
    trySpelling.hidden = others.length > 0;
    clearFilters.hidden = labels.length === 0;
    document.title = state.q ? fill(sentences.title, { q: state.q, page: pageTitle }) : pageTitle;
    offerElsewhere(state, others);
    if (early && early !== LATER) offerCorrection(early);
    // A search the reader just asked for: take them to its summary, from where Tab reaches the
    // results. Otherwise (page load, Back, a filter change) focus stays put and the summary is read out.
    if (focus) summary.focus();
    announceOutcome(focus, [suggestion, elsewhere]);
    if (early !== LATER) return;
    const meant = await correcting;
    if (!meant || mine !== generation) return;
    offerCorrection(meant);
    announceOutcome(focus, [suggestion, elsewhere]);
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
   * through the years with the arrow keys does not leave a Back step for each. A link followed
   * (`link`: an offered search) is a new entry, as any link is.
   */
  function navigate(state: SearchState, { focus, link = false }: { focus: boolean; link?: boolean }) {
    const url = `${location.pathname}${searchStateQuery(state)}`;
    if (url !== `${location.pathname}${location.search}`) {
      const sameWords = state.q === readSearchState(new URLSearchParams(location.search)).q;
      if (sameWords && !link) history.replaceState(null, '', url);
      else history.pushState(null, '', url);
    }
    carrySearchToOtherLanguages(state);
    void run(state, { focus });
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(formState(), { focus: true });
  });
  for (const select of [order, ...filters.map(({ select }) => select)]) {
    select.addEventListener('change', () => navigate(formState(), { focus: false }));
  }
  // An offered search (a correction, another language) is run here, its link holding it.
  for (const offer of [suggestion, elsewhere]) {
    offer.addEventListener('click', (event) => {
      // A click with a modifier opens the link as the reader asked (a new tab, a window).
      const plain = event.button === 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey && !event.altKey;
      if (!plain || !(event.target instanceof HTMLAnchorElement)) return;
      event.preventDefault();
      const offered = readSearchState(new URL(event.target.href).searchParams);
      showInForm(offered);
      navigate(formState(), { focus: true, link: true });
    });
  }
  clearButton.addEventListener('click', () => {
    for (const { select } of filters) select.value = '';
    navigate(formState(), { focus: true });
  });
  more.addEventListener('click', async () => {
    // One page at a time, so pages are listed in order however quickly the button is pressed.
    if (more.getAttribute('aria-disabled') === 'true') return;
    more.setAttribute('aria-disabled', 'true');
    const mine = generation;
    try {
      if (older && shown >= found.total) {
        // The older releases: the archive read too, and the list goes on where it stood.
        list.setAttribute('aria-busy', 'true');
        const everything = await older();
        // The other languages, now in every year too (a courtesy, as with the first results).
        const state = described?.state;
        const others = state ? await otherLanguages(state, 'all', false) : [];
        if (mine !== generation) return;
        await everything.take(shown);
        found = everything;
        older = undefined;
        summarise();
        if (state) offerElsewhere(state, others);
        announceOutcome(false, [suggestion, elsewhere]);
      }
      const first = await showMore(mine);
      if (mine !== generation) return;
      // Nothing older: the summary, now of every year, says so.
      if (first) first.focus();
      else summary.focus();
    } catch (error) {
      console.error(error);
      if (mine === generation) {
        showUnavailable();
        await unloadIndexes();
      }
    } finally {
      more.removeAttribute('aria-disabled');
      if (mine === generation) list.removeAttribute('aria-busy');
    }
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
  else
    getIndexes().catch(async (error: unknown) => {
      console.error(error);
      showUnavailable();
      await unloadIndexes();
    });
}

const root = document.querySelector<HTMLElement>('[data-search-page]');
if (root) start(root);
