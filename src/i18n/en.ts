/** English interface strings. Every language has a dictionary of this shape (see ./index.ts). */
export const en = {
  languageName: 'English',
  /** A year as a name on its own: in the archive, breadcrumbs and the search's year filter. */
  yearName: (year: number) => String(year),
  /** How a release's dateline reads; {location}, {date} and {separator} are filled in. */
  datelinePattern: '{location}, {date} {separator}',
  /**
   * What follows the dateline's date in this language where it is not the site's default language
   * (which takes `datelineSeparator` in content/site.yaml) and `localized` gives none.
   */
  datelineSeparator: '--',
  /** What separates words, and so the dateline from the text it runs into: none in Japanese. */
  wordSpace: ' ',
  /** The label of a <Note> when the author gives none. */
  noteLabel: 'Note:',
  languageSwitcher: 'Language',
  skipToContent: 'Skip to content',
  nav: {
    main: 'Main',
    footer: 'Footer',
    home: 'Home',
    releases: 'Releases',
    contacts: 'Contacts',
    about: 'About',
    feeds: 'Feeds',
  },
  home: {
    featured: 'Featured',
    latest: 'Latest releases',
    none: 'No releases have been published yet.',
    all: (count: number) => `All releases (${count})`,
    forJournalists: 'For journalists and investors',
    contactsLink: 'Media and investor-relations contacts',
    aboutLink: (company: string) => `About ${company}`,
  },
  list: {
    all: 'All releases',
    allDescription: (company: string) => `Every press release from ${company}, newest first.`,
    year: (year: number) => `Releases from ${year}`,
    yearDescription: (company: string, year: number) => `Press releases issued by ${company} in ${year}.`,
    category: (category: string) => `${category} releases`,
    categoryDescription: (company: string, category: string) =>
      `${category} press releases from ${company}, newest first.`,
    tag: (tag: string) => `Releases tagged “${tag}”`,
    tagDescription: (company: string, tag: string) => `Press releases from ${company} tagged ${tag}.`,
    tagCrumb: (tag: string) => `Tag: ${tag}`,
    count: (n: number) => (n === 1 ? '1 release' : `${n} releases`),
    countSeparator: ', ',
    pageOf: (page: number, count: number) => `page ${page} of ${count}`,
    titlePage: (title: string, page: number, count: number) => `${title} (page ${page} of ${count})`,
  },
  archive: {
    heading: 'Browse the archive',
    byYear: 'By year',
    byCategory: 'By category',
    label: 'Archive',
    /** A year's or category's count after its name, with what goes between. */
    count: (n: number) => ` (${n})`,
  },
  pagination: { label: 'Pages', newer: 'Newer', older: 'Older', page: 'Page ' },
  breadcrumb: 'Breadcrumb',
  release: {
    moved: 'This release has moved',
    movedTo: 'It is now at:',
    category: (n: number): string => (n === 1 ? 'Category' : 'Categories'),
    tag: (n: number): string => (n === 1 ? 'Tag' : 'Tags'),
    contactsHeading: 'Information',
    phone: 'Phone:',
    fax: 'Fax:',
    draft: 'Draft:',
    draftNote: 'this release is shown only in preview (npm run dev) and is left out of the published site.',
    scheduled: 'Scheduled:',
    embargoed: 'Under embargo:',
    embargoNote: (until: string) =>
      `this release is shown only in preview (npm run dev) until ${until}; the first build after that publishes it.`,
    correction: 'Correction',
    updated: 'Updated',
    share: 'Share this release',
    shareLabel: 'Share:',
    /** A share link's name for screen readers, around its visible text: "Share by Email". */
    shareBy: (name: string) => `Share by ${name}`,
    email: 'Email',
    copyLink: 'Copy link',
    copied: 'Link copied.',
    copyFailed: 'Could not copy; copy the address from the address bar.',
    print: 'Print',
    neighbours: 'Previous and next release',
    previous: 'Previous release',
    next: 'Next release',
    related: 'Related releases',
    attachments: 'Attachments',
    /** After an attachment's link: what the file is and how large. */
    attachmentDetails: (type: string, size: string): string => `(${type}, ${size})`,
    table: 'Table (scrolls sideways when wide)',
  },
  contacts: {
    title: 'Contacts',
    description: (company: string) => `Media and investor-relations contacts at ${company}.`,
    intro: 'For questions about a release, reach the people named below.',
    none: 'No contact is listed here at present. Each release names its contacts under “Information”.',
  },
  notFound: {
    title: 'Page not found',
    description: 'The page you asked for is not in this newsroom.',
    text: 'There is no page at this address. It may have moved, or the link may be mistyped.',
    browse: 'Browse all releases',
    browseRest: ', newest first, by year or by category.',
    home: 'Go to the newsroom home page',
    searchLabel: 'Search the newsroom',
    end: '.',
  },
  search: {
    title: 'Search releases',
    description: (company: string) => `Search the press releases of ${company}.`,
    crumb: 'Search',
    formLabel: 'Search releases',
    headerLandmark: 'Site search',
    button: 'Search',
    words: 'Words to find',
    hint: 'Searches headlines, datelines and the full text of every release.',
    refine: 'Narrow and order the results',
    year: 'Year',
    allYears: 'All years',
    category: 'Category',
    allCategories: 'All categories',
    language: 'Language',
    allLanguages: 'All languages',
    order: 'Order',
    newest: 'Newest first',
    relevance: 'Best match first',
    noscriptBefore: 'Search needs JavaScript, which is turned off or blocked in this browser. You can still ',
    browseEvery: 'browse every release',
    noscriptAfter: ', newest first, by year or by category.',
    devTitle: 'Search works only in a built site.',
    devText:
      'Pagefind writes the search index when the site is built, so the development server has none. Run npm run build, then npm run preview, to try search.',
    failedTitle: 'Search could not be loaded.',
    failedText: 'Please try again later, or browse every release by year or by category.',
    results: 'Results',
    /** Opens the last suggestion, followed by noscriptAfter. */
    tryBrowsing: 'Browse every release',
    tryThings: 'Some things to try:',
    trySpelling: 'Check the spelling, or try a word with the same meaning.',
    tryFewer: 'Use fewer words, or more general ones: “shares” rather than “share repurchase programme”.',
    clearFilters: 'Search again without the filters',
    /** Sentences the browser script fills in: {count}, {q}, {filters}, {order}. */
    sentences: {
      none: 'No results{words}{within}.',
      one: '1 result{words}{within}, {order}.',
      many: '{count} results{words}{within}, {order}.',
      words: ' for “{q}”',
      within: ' in {filters}',
      withinAlone: ' in {filters}',
      separator: ', ',
      gap: ' ',
      title: '“{q}” – {page}',
      nothing: 'Type the words to find, or choose a year or a category.',
      newest: 'newest first',
      relevance: 'best match first',
      moreOne: 'Show 1 more result',
      moreMany: 'Show {count} more results',
      partialOne: '1 release{words}{within}{since}, {order}.',
      partialMany: '{count} releases{words}{within}{since}, {order}.',
      since: ' from {year} on',
      older: 'Search releases before {year}',
      suggestion: 'Did you mean {q}?',
      elsewhere: 'Also found in {languages}.',
      elsewhereOnly: 'Found in {languages}.',
    },
  },
  feeds: {
    title: 'Feeds',
    description: (company: string) => `Subscribe to ${company} releases in a feed reader: RSS, Atom and JSON Feed.`,
    intro:
      'A feed is a list of releases in a standard format that a feed reader (Feedly, Inoreader, NetNewsWire, Outlook, Thunderbird and many others) checks for you. Subscribe once, by pasting a feed’s address into your reader, and every new release arrives there in full — terms, tables, notes, notices, boilerplate and contacts — without a visit to this site.',
    formats:
      'Each feed comes in three formats with the same releases: RSS, Atom and JSON Feed. Most readers accept all three; when in doubt, choose RSS. Times are given with the issuer’s offset from UTC, so a release is dated as it was issued. A corrected release carries its correction note, and in Atom and JSON Feed its time of update.',
    latest: 'Latest releases',
    newest: (n: number) => `The newest releases (up to ${n})`,
    newestLabel: 'newest releases',
    byYear: 'By year',
    byCategory: 'By category',
    // "RSS feed", but "JSON Feed", whose name says it already.
    feedLabel: (format: string, label: string) => `${/feed$/i.test(format) ? format : `${format} feed`}: ${label}`,
    yearDescription: (company: string, year: number) => `Every release issued by ${company} in ${year}.`,
    categoryDescription: (company: string, category: string) => `The newest ${category} releases issued by ${company}.`,
    categoryYearDescription: (company: string, category: string, year: number) =>
      `Every ${category} release issued by ${company} in ${year}.`,
    categoryNewest: (category: string, n: number) => `${category} — the newest (up to ${n})`,
    archivesIntro:
      'The latest and category feeds carry the newest releases; the archives by year carry every release. Each feed links to the archive before it, so a reader that follows archive links (RFC 5005) can fetch the whole history.',
    archivesOf: (category: string) => `${category}: archives by year`,
    /** A feed's scope: "Financial, 2007", "2007", "Financial". */
    scope: ({ category, year }: { category?: string; year?: number }) =>
      [category, year].filter((part) => part !== undefined).join(', '),
    /** The site's title with a feed's scope: "Example Newsroom: Financial, 2007". */
    titled: (siteTitle: string, scope: string) => `${siteTitle}: ${scope}`,
    /** A feed's title with its format: "Example Newsroom (RSS)". */
    format: (title: string, format: string) => `${title} (${format})`,
    /** Between a feed's name and its formats on the Feeds page. */
    beforeFormats: ': ',
    /** A list entry with its number of releases: "2007 (2 releases)". */
    counted: (name: string, count: string) => `${name} (${count})`,
  },
  preview: {
    /** Above the content problems `npm run dev` shows on every page. */
    problems: (n: number) =>
      `${n} content ${n === 1 ? 'problem' : 'problems'}, as npm run check reports ${n === 1 ? 'it' : 'them'}. Mend ${n === 1 ? 'it' : 'them'} before you publish: until then, a file with a problem that stops a build is left out of this preview.`,
  },
  draftBadge: 'Draft',
  scheduledBadge: 'Scheduled',
  embargoBadge: 'Under embargo',
};

export type Dictionary = typeof en;
