/**
 * Schema.org structured data (JSON-LD) that search engines read: the issuer as a Corporation,
 * the site with its search action, each release as a NewsArticle, breadcrumbs. Pure: callers pass
 * absolute URLs and dates with the issuer's offset.
 */
import type { Ticker } from '../schemas/fields';

export type JsonLd = Record<string, unknown>;

export interface Issuer {
  name: string;
  /** Its names in the newsroom's other languages (トレンドマイクロ株式会社). */
  alternateNames?: readonly string[] | undefined;
  url?: string | undefined;
  tickers: readonly Ticker[];
}

/** `TSE 4704`: exchange and symbol, as schema.org's tickerSymbol expects them. */
export const tickerSymbol = ({ exchange, symbol }: Ticker) => `${exchange} ${symbol}`;

/**
 * The issuer, as author and publisher of its releases: a Corporation, schema.org's Organization
 * with ticker symbols (`tickerSymbol` belongs to it, not to Organization). `id` lets other nodes
 * refer to it.
 */
export function organization(issuer: Issuer, id: string): JsonLd {
  return {
    '@type': 'Corporation',
    '@id': id,
    name: issuer.name,
    ...(issuer.alternateNames?.length && { alternateName: [...issuer.alternateNames] }),
    ...(issuer.url && { url: issuer.url }),
    ...(issuer.tickers.length > 0 && { tickerSymbol: issuer.tickers.map(tickerSymbol) }),
  };
}

/** The site, with a search action so search engines can offer a search box for it. */
export function webSite(options: {
  name: string;
  url: string;
  language: string;
  publisherId: string;
  /** The search page's URL with `{search_term_string}` where the query goes. */
  searchUrlTemplate: string;
}): JsonLd {
  return {
    '@type': 'WebSite',
    name: options.name,
    url: options.url,
    inLanguage: options.language,
    publisher: { '@id': options.publisherId },
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: options.searchUrlTemplate },
      'query-input': 'required name=search_term_string',
    },
  };
}

/** A release as a NewsArticle. Dates are ISO 8601 with the issuer's offset. */
export function newsArticle(options: {
  headline: string;
  description: string;
  url: string;
  published: string;
  modified?: string | undefined;
  language: string;
  sections: readonly string[];
  keywords: readonly string[];
  issuer: JsonLd;
}): JsonLd {
  return {
    '@type': 'NewsArticle',
    headline: options.headline,
    description: options.description,
    url: options.url,
    mainEntityOfPage: options.url,
    datePublished: options.published,
    dateModified: options.modified ?? options.published,
    inLanguage: options.language,
    articleSection: [...options.sections],
    ...(options.keywords.length > 0 && { keywords: [...options.keywords] }),
    author: options.issuer,
    publisher: options.issuer,
  };
}

export interface BreadcrumbItem {
  name: string;
  /** Absolute URL; the current page (the last crumb) may leave it out. */
  url?: string | undefined;
}

export function breadcrumbList(items: readonly BreadcrumbItem[]): JsonLd {
  return {
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: item.name,
      ...(item.url && { item: item.url }),
    })),
  };
}

const UNSAFE_IN_SCRIPT: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * The text of a `<script type="application/ld+json">`. Headlines and summaries are author data:
 * a `</script>` in one must not end the script, so `<`, `>` and `&` become JSON escapes, which
 * parse back to the same characters.
 */
export function jsonLdText(node: JsonLd): string {
  return JSON.stringify({ '@context': 'https://schema.org', ...node }).replace(
    /[<>&\u2028\u2029]/g,
    (c) => UNSAFE_IN_SCRIPT[c]!,
  );
}
