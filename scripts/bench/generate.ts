/**
 * Synthetic but realistic releases for the benchmark: the real frontmatter fields and body
 * components (numbered terms with nested (a) items, allotment tables, notes), the categories of
 * content/site.yaml, tags, notices, a span of years, and a share of drafts, embargoed and corrected
 * releases. Everything follows from the seed, so two runs with the same seed build the same site.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: small, fast and deterministic; quality is ample for picking words. */
export function randomFrom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const between = (random: Random, low: number, high: number) => low + Math.floor(random() * (high - low + 1));
const grouped = (n: number) => n.toLocaleString('en-US');

const PRODUCTS = [
  'Deep Security',
  'OfficeScan',
  'InterScan Messaging Security',
  'ServerProtect',
  'PC-cillin Internet Security',
  'Worry-Free Business Security',
  'Smart Protection Network',
  'Mobile Security',
  'Cloud App Security',
  'Apex One',
  'Vision One',
  'TippingPoint Threat Protection System',
  'Deep Discovery Inspector',
  'Email Security Advanced',
];
const MARKETS = ['Japan', 'North America', 'Europe', 'Asia Pacific', 'Latin America', 'the Middle East and Africa'];
const SECTORS = [
  'small businesses',
  'enterprises',
  'consumers',
  'service providers',
  'government agencies',
  'hospitals',
];
const THREATS = ['ransomware', 'phishing', 'botnets', 'zero-day exploits', 'spyware', 'business email compromise'];
const LOCATIONS = [
  'TOKYO, Japan',
  'Tokyo, Japan',
  'CUPERTINO, Calif.',
  'DALLAS, Texas',
  'TAIPEI, Taiwan',
  'OTTAWA, Canada',
];
const TAGS = [
  'share buyback',
  'stock options',
  'dividends',
  'earnings',
  'guidance',
  'board of directors',
  'annual meeting',
  'acquisition',
  'partnership',
  'cloud',
  'endpoint',
  'email security',
  'mobile',
  'network security',
  'threat research',
  'awards',
  'appointments',
  'treasury shares',
  'capital policy',
  'sustainability',
];

interface Kind {
  category: string;
  headline: (random: Random, year: number) => string;
  tags: string[];
  body: (random: Random, date: string) => string;
}

const month = (date: string) =>
  new Date(`${date}T00:00:00Z`).toLocaleDateString('en-US', {
    month: 'long',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  });

const opening = (random: Random) =>
  `Trend Micro (TSE: 4704), a ${pick(random, ['leader', 'global leader', 'pioneer'])} in ${pick(random, [
    'network antivirus and Internet content security software and services',
    'cloud security and threat management',
    'server, endpoint and cloud security',
  ])}, today announced`;

function buybackBody(random: Random, date: string): string {
  const shares = between(random, 100, 3000) * 1000;
  const price = between(random, 1800, 6200);
  return `${opening(random)} the results of its share buyback program pursuant to Article 165(2) of the Corporation Law of Japan. The program was approved at a meeting of the Board of Directors held on ${month(date)}.

<Terms>
  <Term label="Purchase period">From ${month(date)} to ${month(date)} (based on trade date)</Term>
  <Term label="Number of shares purchased">${grouped(shares)} shares</Term>
  <Term label="Aggregate cost of shares purchased:">${grouped(shares * price)} yen</Term>
  <Term label="Purchase method:">Transactions through the Tokyo Stock Exchange</Term>
</Terms>

<Note>
At the meeting of the Board of Directors, the Board adopted a resolution approving the share buyback program as follows:

<Terms inline>
  <Term label="Class of Capital Stock to be Purchased:">Shares of Common Stock</Term>
  <Term label="Number of Shares to be Purchased:">Up to ${grouped(shares + between(random, 1, 9) * 100000)} shares</Term>
  <Term label="Total Purchase Price:">Up to ${(between(random, 10, 90) / 10).toFixed(1)} billion yen</Term>
</Terms>
</Note>
`;
}

function optionsBody(random: Random): string {
  const options = between(random, 500, 5000);
  const directors = between(random, 1, 9);
  const employees = between(random, 200, 2400);
  const perShare = between(random, 1500, 6000);
  return `${opening(random)} the final terms of Stock Acquisition Rights to be issued as stock options.

<Terms>
  <Term label="Aggregate number of the Options to be issued:">${grouped(options)} in aggregate (The number of Option shares shall be 500 shares per one (1) Option)</Term>
  <Term label="Number of individuals who will be allotted the stock acquisition rights and number of stock acquisition rights to be issued:">
    <DataTable caption="Allotment of stock acquisition rights">
      <Row label="Directors of the Company:">${directors} persons, a total of ${directors * 20}</Row>
      <Row label="Employees of the Company, and Directors and Employees of its affiliates:">${grouped(employees)} persons, a total of ${grouped(options - directors * 20)}</Row>
      <Row label="Total:">${grouped(employees + directors)} persons, a total of ${grouped(options)}</Row>
    </DataTable>
  </Term>
  <Term label="Conditions for exercise of the Options:">
    <Terms style="(a)">
      <Term label="Holders:">A holder must remain a director or employee of the Company or its affiliates when exercising.</Term>
      <Term label="Inheritance:">No Option may be exercised by an heir of a holder.</Term>
      <Term label="Other conditions:">As set forth in the allotment agreement between the Company and each holder.</Term>
    </Terms>
  </Term>
  <Term label="The amount of assets to be contributed upon exercise of each Option:">
    ${grouped(perShare * 500)} yen per Option

    (${grouped(perShare)} yen per share)
  </Term>
</Terms>
`;
}

function resultsBody(random: Random, date: string, year: number): string {
  const sales = between(random, 60000, 190000);
  const income = between(random, 8000, 45000);
  const rows = ['Net sales', 'Operating income', 'Ordinary income', 'Net income']
    .map(
      (label, i) =>
        `  <Row label="${label}:">${grouped(Math.round((sales * [1, 0.3, 0.31, 0.2][i]!) / (i ? 1 : 1)) + income * i)} million yen</Row>`,
    )
    .join('\n');
  return `${opening(random)} consolidated results for the fiscal year ${year}, ended ${month(date)}. Net sales were ${grouped(sales)} million yen, driven by demand for ${pick(random, PRODUCTS)} among ${pick(random, SECTORS)} in ${pick(random, MARKETS)}.

Demand grew for protection against ${pick(random, THREATS)} and ${pick(random, THREATS)}, and subscription revenue in ${pick(random, MARKETS)} rose ${between(random, 2, 30)} percent.

<DataTable caption="Consolidated results (fiscal ${year})" columns={["Item", "Amount"]}>
${rows}
</DataTable>

<Note label="Notes:">
Figures are rounded down to the nearest million yen. Forecasts for fiscal ${year + 1} will be announced on ${month(date)}.
</Note>
`;
}

function productBody(random: Random): string {
  const product = pick(random, PRODUCTS);
  const features = Array.from(
    { length: between(random, 2, 4) },
    () =>
      `  <Term label="${pick(random, ['Detection', 'Management', 'Deployment', 'Reporting', 'Integration'])}:">Protects ${pick(random, SECTORS)} against ${pick(random, THREATS)} with ${pick(random, ['behaviour monitoring', 'machine learning', 'virtual patching', 'web reputation', 'sandbox analysis'])}.</Term>`,
  ).join('\n');
  return `${opening(random)} ${product} ${between(random, 2, 12)}.${between(random, 0, 9)}, available to ${pick(random, SECTORS)} in ${pick(random, MARKETS)} from today.

"${pick(random, THREATS)[0]!.toUpperCase()}${pick(random, THREATS).slice(1)} keep changing, and ${pick(random, SECTORS)} need protection that keeps up," said Eva Chen, chief executive officer of Trend Micro.

<Terms>
${features}
</Terms>

Pricing starts at ${grouped(between(random, 20, 400) * 100)} yen per user per year.
`;
}

function corporateBody(random: Random, date: string): string {
  return `${opening(random)} that its Board of Directors resolved on ${month(date)} to ${pick(random, [
    'pay a year-end dividend',
    'appoint a new representative director',
    'cancel treasury shares',
    'establish a subsidiary in ' + pick(random, MARKETS),
  ])}.

<Terms>
  <Term label="Date of resolution:">${month(date)}</Term>
  <Term label="Details:">
    <Terms style="(a)">
      <Term label="Amount:">${grouped(between(random, 10, 160))} yen per share</Term>
      <Term label="Effective date:">${month(date)}</Term>
      <Term label="Source:">Retained earnings</Term>
    </Terms>
  </Term>
  <Term label="Reason:">To ${pick(random, ['return profits to shareholders', 'strengthen governance', 'expand in ' + pick(random, MARKETS)])}.</Term>
</Terms>
`;
}

const KINDS: Kind[] = [
  {
    category: 'Financial',
    tags: ['share buyback', 'treasury shares', 'capital policy'],
    headline: () => 'Trend Micro Announces Results of Share Buyback',
    body: (random, date) => buybackBody(random, date),
  },
  {
    category: 'Financial',
    tags: ['stock options', 'board of directors'],
    headline: () => 'Trend Micro Announces Final Terms of Stock Acquisition Rights to be Issued as Stock Options',
    body: (random) => optionsBody(random),
  },
  {
    category: 'Financial',
    tags: ['earnings', 'guidance'],
    headline: (_, year) => `Trend Micro Reports Consolidated Results for Fiscal Year ${year}`,
    body: (random, date) => resultsBody(random, date, Number(date.slice(0, 4))),
  },
  {
    category: 'Product',
    tags: ['cloud', 'endpoint', 'email security', 'mobile', 'network security'],
    headline: (random) => `Trend Micro Launches ${pick(random, PRODUCTS)} for ${pick(random, SECTORS)}`,
    body: (random) => productBody(random),
  },
  {
    category: 'Corporate',
    tags: ['dividends', 'appointments', 'annual meeting', 'acquisition', 'partnership'],
    headline: (random) =>
      `Trend Micro Announces ${pick(random, ['Year-End Dividend', 'Change of Representative Director', 'Cancellation of Treasury Shares', 'New Subsidiary'])}`,
    body: (random, date) => corporateBody(random, date),
  },
];

export interface GeneratedRelease {
  file: string;
  source: string;
}

/** The build clock the generated site is built at: embargoes after it are still closed. */
export const BENCH_NOW = '2026-01-15T09:00:00+09:00';
const FIRST_YEAR = 2000;
const LAST_YEAR = 2025;

/**
 * A Japanese translation of a generated release (`ja/…`, `translationOf` its id): the same date,
 * categories and hold (drafts and embargoes are the original's), a Japanese headline, dateline and
 * body with numbered terms and a note, about as long as an English one. Deterministic from `random`.
 */
function japaneseTranslation(random: Random, original: { id: string; date: string; categories: string[] }, n: number) {
  const shares = grouped(between(random, 100, 5_000) * 1_000);
  const yen = grouped(between(random, 1_000, 90_000) * 100_000);
  const subject = pick(random, [
    '自己株式の取得結果',
    '剰余金の配当',
    '新株予約権の発行内容',
    '代表取締役の異動',
    '業績予想の修正',
  ]);
  const terms = [
    `  <Term label="取得期間">${original.date.slice(0, 4)}年${Number(original.date.slice(5, 7))}月${Number(original.date.slice(8, 10))}日から同月末日まで（約定ベース）</Term>`,
    `  <Term label="取得した株式の総数">${shares}株</Term>`,
    `  <Term label="株式の取得価額の総額">${yen}円</Term>`,
    '  <Term label="取得方法">東京証券取引所における市場買付け</Term>',
  ];
  const paragraph = `トレンドマイクロ株式会社（東証：4704）は、${subject}について、下記のとおりお知らせいたします。なお、本件は取締役会において決議されたものです。`;
  const body = [
    paragraph,
    '',
    '<Terms>',
    ...terms,
    '</Terms>',
    '',
    '<Note label="（参考）">',
    `${paragraph}当社は、今後も株主の皆さまへの利益還元と企業価値の向上に努めてまいります。`,
    '</Note>',
    '',
  ].join('\n');
  const fields = [
    `headline: ${JSON.stringify(`${subject}に関するお知らせ（第${n}号）`)}`,
    `date: ${original.date}`,
    'location: 東京',
    'lang: ja',
    `translationOf: ${original.id}`,
    `categories: [${original.categories.join(', ')}]`,
    `tags: [${pick(random, ['自己株式取得', '配当', '新株予約権', '人事', '業績'])}]`,
  ];
  return { file: `ja/${original.id}.mdx`, source: `---\n${fields.join('\n')}\n---\n\n${body}` };
}

/**
 * `count` releases spread evenly over the years, deterministic from `seed`; with `translated`, that
 * share of them also translated into Japanese (`japaneseTranslation`), picked by a random stream of
 * their own, so the English releases are the same whatever the share.
 */
export function generateReleases(count: number, seed: number, { translated = 0 } = {}): GeneratedRelease[] {
  const random = randomFrom(seed);
  const translating = randomFrom(seed ^ 0x5eed);
  const span = (Date.UTC(LAST_YEAR, 11, 31) - Date.UTC(FIRST_YEAR, 0, 1)) / 86_400_000;
  const releases: GeneratedRelease[] = [];
  for (let i = 0; i < count; i++) {
    const kind = pick(random, KINDS);
    const day = new Date(Date.UTC(FIRST_YEAR, 0, 1) + Math.floor((span * i) / count) * 86_400_000);
    const roll = random();
    // About 1 in 50 is embargoed: dated just after the build clock, embargo not yet lifted.
    const embargoed = roll < 0.02;
    const date = embargoed ? '2026-01-20' : day.toISOString().slice(0, 10);
    const year = Number(date.slice(0, 4));
    const headline = `${kind.headline(random, year)} (No. ${i + 1})`;
    const fields: string[] = [`headline: ${JSON.stringify(headline)}`];
    fields.push(`date: ${date}`);
    if (random() < 0.3) {
      const time = `time: "${String(between(random, 8, 17)).padStart(2, '0')}:00"`;
      // An embargoed release is issued when its embargo lifts: it takes no earlier time of its own.
      if (!embargoed) fields.push(time);
    }
    fields.push(`location: ${pick(random, LOCATIONS)}`);
    if (random() < 0.2) fields.push('tickers:\n  - TSE: 4704\n  - Nasdaq: TMIC');
    const categories =
      random() < 0.15 ? [kind.category, kind.category === 'Corporate' ? 'Financial' : 'Corporate'] : [kind.category];
    fields.push(`categories: [${categories.join(', ')}]`);
    const tags = new Set([pick(random, kind.tags)]);
    if (random() < 0.5) tags.add(pick(random, TAGS));
    fields.push(`tags: [${[...tags].join(', ')}]`);
    if (kind.category === 'Financial' || random() < 0.2) fields.push('notices: [forward-looking-statements]');
    if (embargoed) fields.push(`embargo: "2026-01-20T15:00:00+09:00"`);
    else if (roll < 0.04) fields.push('draft: true');
    else if (roll < 0.07) {
      fields.push(`updated: ${date}`);
      fields.push(`correction: ${JSON.stringify('Corrected the aggregate amount in item 3.')}`);
    }
    if (i === count - 1) fields.push('featured: true');
    const slug = `${date}-${headline
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60)
      .replace(/-$/, '')}-${i + 1}`;
    releases.push({
      file: `${year}/${slug}.mdx`,
      source: `---\n${fields.join('\n')}\n---\n\n${kind.body(random, date)}`,
    });
    if (translating() < translated) {
      releases.push(japaneseTranslation(translating, { id: `${year}/${slug}`, date, categories }, i + 1));
    }
  }
  return releases;
}

/**
 * A content folder: the real site settings, boilerplates, notices and contacts copied from
 * `contentDir`, and the generated releases. `contentDir` is only read.
 */
export function writeContentFolder(target: string, contentDir: string, releases: GeneratedRelease[]): void {
  mkdirSync(target, { recursive: true });
  cpSync(join(contentDir, 'site.yaml'), join(target, 'site.yaml'));
  for (const folder of ['boilerplates', 'notices', 'contacts']) {
    cpSync(join(contentDir, folder), join(target, folder), { recursive: true });
  }
  for (const { file, source } of releases) {
    const path = join(target, 'releases', file);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, source);
  }
}
