/**
 * The text of a new release file (`npm run new`): every field with a comment saying what it does,
 * the site's defaults filled in, and the release components shown in a comment in the body.
 */
import { dump } from 'js-yaml';
import { zonedTime } from '../dates';
import { yamlFields, yamlScalar } from './yaml';

export interface NewReleaseOptions {
  headline: string;
  /** Today, `YYYY-MM-DD`, in the issuer's time zone. */
  date: string;
  /** The release's language where it is not the site's default: written as `lang:`. */
  lang?: string | undefined;
  timeZone: string;
  /** The issuer's usual dateline location, e.g. from its latest release. */
  location: string;
  categories: readonly string[];
  defaultBoilerplate: string;
  defaultContacts: readonly string[];
  /** Ids of the notices that exist, offered in a comment. */
  notices: readonly string[];
  company: { name: string; shortName?: string | undefined; tickers: readonly string[] };
}

export function newReleaseText(o: NewReleaseOptions): string {
  const tickers = o.company.tickers.join('; ');
  const companyName = o.company.shortName ?? o.company.name;
  const notices = o.notices.length ? o.notices.join(', ') : 'none yet';
  const language = o.lang
    ? `# The language of the release, not the site's default one.\nlang: ${o.lang}`
    : `# Optional: the language of the release when it is not the site's.\n# lang: ja`;
  const frontmatter = `---
# A new release. Each field is explained in the comment above it; lines starting with # are
# comments. Preview it with npm run dev, check it with npm run check, publish it by removing
# "draft: true" and building the site.

# The headline, as it appears on the page, in feeds and in search results.
headline: ${yamlScalar(o.headline)}
# Optional: a second line under the headline.
# subheadline: Board approves buyback of up to 1 million shares

# Date of issue, YYYY-MM-DD, in ${o.timeZone}. The address of the page starts with it.
date: ${o.date}
# Optional: time of issue, 24-hour clock, in ${o.timeZone}, in quotes.
# time: "15:00"
# The place in the dateline, printed before the date: "${o.location}, <date> --".
location: ${yamlScalar(o.location)}

# One or more of the categories declared in content/site.yaml: ${o.categories.join(', ')}.
${yamlFields({ categories: o.categories.slice(0, 1) })}
# Optional: keywords; each one gets a page listing its releases.
tags: []

# The "About …" text printed at the end: a file name in content/boilerplates/, without .mdx.
boilerplate: ${o.defaultBoilerplate}
# The contacts printed at the end: file names in content/contacts/, without .yaml.
contacts: [${o.defaultContacts.join(', ')}]
# Optional: statements printed after the text, from content/notices/ (${notices}).
# notices: [forward-looking-statements]
# Optional: the stock tickers of this release; the company's (${tickers || 'none'}) when left out.
# tickers: ["TSE: 4704", "Nasdaq: TMIC"]
# Optional: one or two sentences for lists, feeds and search; the first paragraph when left out.
# summary: Trend Micro bought back 819,000 shares between March 22 and March 30.

# Optional: files published with the release, each saved in content/attachments/ under a name of
# lower-case letters and digits joined by hyphens, with the text of its link.
# attachments:
#   - { file: ${o.date}-notice.pdf, title: Notice as filed with the Tokyo Stock Exchange }

# A draft shows in npm run dev only, never on the published site. Delete this line to publish.
draft: true
# Optional: keep the release off the site until this moment, written with its UTC offset, in
# quotes. The build prints when the next embargo lifts; build again then.
# embargo: "${zonedTime(o.date, '15:00', o.timeZone).iso}"
# Optional: show this release first on the home page.
# featured: true
# Optional, after publication: the date of a correction and a note saying what changed.
# updated: ${o.date}
# correction: The purchase period in term 1 was corrected.
${language}
# Optional: for a translation, the release it translates (its file name without .mdx, with the
# folder if any); both pages then link to each other.
# translationOf: 2007-03-30-results-of-share-buyback
# Optional: another address for the page than the one from the file name.
# slug: share-buyback-results
# Optional, after publication: the addresses the release had before its date or name changed,
# by their last part; each then leads here.
# redirectFrom: [${o.date}-old-name]
---`;

  const body = `{/* The first paragraph. The dateline ("${o.location}, <date> --") is printed before it. */}
${companyName}${tickers ? ` (${tickers})` : ''} today announced …

{/*
Numbered terms: the site numbers them 1., 2., 3. A label ends with a colon where the release
has one; a term without a value is written <Term label="…" />.

<Terms>
  <Term label="Purchase period">From March 22, 2007 to March 30, 2007</Term>
  <Term label="Aggregate cost of shares purchased:">2,533,155,000 yen</Term>
</Terms>

Sub-items numbered (1), (2) or (a), (b): <Terms style="(1)"> or <Terms style="(a)">.
Terms written "Label: value" on one line each: <Terms inline>.

A table of label and value rows:

<DataTable caption="Allotment of stock acquisition rights">
  <Row label="Directors of the Company:">1 persons, a total of 40</Row>
  <Row label="Total:">1,072 persons, a total of 2,200</Row>
</DataTable>

A note: <Note>At the meeting of the Board of Directors held on March 20, 2007, …</Note>

Curly brackets and the less-than sign have a meaning here: type a backslash before them.
*/}
`;
  return `${frontmatter}\n\n${body}`;
}

export interface TranslationOptions {
  /** The headline in the translation's language. */
  headline: string;
  lang: string;
  /** The release translated: its id, its file as shown, its frontmatter as YAML read it, its body. */
  original: { id: string; file: string; data: Record<string, unknown>; body: string };
  /** The original's date of issue, `YYYY-MM-DD`: a translation is issued with it. */
  date: string;
  /** The dateline location, as the translation's language writes it. */
  location: string;
}

/** Fields a translation shares with its original, copied as the original writes them. */
const SHARED_FIELDS = ['time', 'categories', 'tags', 'tickers', 'boilerplate', 'contacts', 'notices'] as const;
/** Fields of the original whose text is to be translated: shown in comments. */
const TRANSLATED_FIELDS = ['subheadline', 'summary'] as const;

/**
 * The text of a translation (`npm run new -- --translation-of ID`): the original's shared fields
 * copied, its headline and text to translate, and its body as the starting point, so its
 * components (terms, tables, notes) stay as they are while their words are translated.
 */
export function translationText(o: TranslationOptions): string {
  const shared = Object.fromEntries(
    SHARED_FIELDS.flatMap((key) => (o.original.data[key] === undefined ? [] : [[key, o.original.data[key]]])),
  );
  const copied = Object.keys(shared).length ? dump(shared, { lineWidth: -1, flowLevel: 1 }).trimEnd() : '';
  const toTranslate = TRANSLATED_FIELDS.flatMap((key) => {
    const value = o.original.data[key];
    // On one line, so that the # comments it all out (a folded summary ends in a line break).
    return typeof value === 'string' ? [`# ${key}: ${yamlScalar(value.trim().replace(/\s+/g, ' '))}`] : [];
  });
  const frontmatter = `---
# A translation into ${o.lang} of ${o.original.file}.
# The fields it shares with the original are copied from it; translate the headline, the location
# and the text below. Lines starting with # are comments. Check it with npm run check; publish it
# by removing "draft: true".

# The headline, in this language.
headline: ${yamlScalar(o.headline)}
# The original's date of issue: the translation is issued with it.
date: ${o.date}
# The place in the dateline, in this language.
location: ${yamlScalar(o.location)}
# The language of this version, and the release it translates: each page links to the other.
lang: ${o.lang}
translationOf: ${yamlScalar(o.original.id)}

# As the original has them. A boilerplate, contact or notice named here is printed in this
# language where content/ has a version in its ${o.lang}/ folder. Tags may be written in this
# language: a tag is the same wherever its words make the same address.
${copied}
${toTranslate.length ? `\n# The original's, to translate: remove the # to keep them.\n${toTranslate.join('\n')}\n` : ''}
# A draft shows in npm run dev only, never on the published site. Delete this line to publish.
draft: true
---`;
  const body = `{/* Translate the text below, the original's: keep its components (<Terms>, <Term label="…">,
<DataTable>, <Row>, <Note>) and translate their labels and values. */}

${o.original.body.replace(/^\s*\n/, '')}`;
  return `${frontmatter}\n\n${body}`;
}
