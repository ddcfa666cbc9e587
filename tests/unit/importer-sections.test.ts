import { describe, expect, it } from 'vitest';
import { parseContactBlock, type ContactDraft } from '../../src/lib/importer/contact-block';
import { comparableText, findContact, findText, freeId } from '../../src/lib/importer/matching';
import { sectionKind, splitSections } from '../../src/lib/importer/sections';
import { toLines } from '../../src/lib/importer/source-lines';

const known = {
  knownNotices: ['Notice Regarding Forward-looking Statements'],
  knownBoilerplates: ['About Trend Micro'],
  companyNames: ['Trend Micro Incorporated', 'Trend Micro'],
};

describe('closing sections', () => {
  it.each([
    ['Notice Regarding Forward-looking Statements', 'notice'],
    ['Safe Harbor Statement', 'notice'],
    ['Cautionary Note Regarding Forward-Looking Statements', 'notice'],
    ['About Trend Micro', 'boilerplate'],
    ['About Trend Micro Incorporated', 'boilerplate'],
    ['Information', 'contacts'],
    ['For more information, please contact:', 'contacts'],
    ['Investor Relations Contact', 'contacts'],
    ['Media Contacts:', 'contacts'],
  ])('"%s" opens a %s section', (heading, kind) => {
    expect(sectionKind(heading, known)).toBe(kind);
  });

  it.each([
    ['About the Share Buyback', 'an "About" that is not the issuer'],
    ['Information about the buyback was published on March 20.', 'a sentence'],
    ['Purchase period', 'a term label'],
  ])('"%s" opens none (%s)', (heading) => {
    expect(sectionKind(heading, known)).toBeUndefined();
  });

  it('ends the body at the first section heading that starts a paragraph', () => {
    const { body, sections } = splitSections(
      toLines('Lead.\n\nAbout Trend Micro\n\nText.\n\nInformation\n\nMr. A\na@example.com\n'),
      known,
    );
    expect(body.map((l) => l.text).filter(Boolean)).toEqual(['Lead.']);
    expect(sections.map((s) => [s.kind, s.heading.line])).toEqual([
      ['boilerplate', 3],
      ['contacts', 7],
    ]);
    expect(sections[1]!.lines.map((l) => l.text).filter(Boolean)).toEqual(['Mr. A', 'a@example.com']);
  });
});

describe('contact blocks', () => {
  it('reads name, honorific, titles, phone, fax and email, one line each or with blank lines between', () => {
    const block = toLines(
      'Mr. Mahendra Negi\n\nChief Operating Officer / Chief Financial Officer / IR Officer\n\nPhone: +813-5334-4899\n\nFax: +813-5334-4874\n\nir@trendmicro.co.jp',
    );
    expect(parseContactBlock(block)).toEqual({
      contacts: [
        {
          honorific: 'Mr.',
          name: 'Mahendra Negi',
          titles: ['Chief Operating Officer', 'Chief Financial Officer', 'IR Officer'],
          organisation: undefined,
          phone: '+813-5334-4899',
          fax: '+813-5334-4874',
          email: 'ir@trendmicro.co.jp',
        },
      ],
    });
  });

  it('reads several people, each closed by an email address, in link or "E-mail:" form', () => {
    const result = parseContactBlock(
      toLines(
        'Ms. Jane Doe\nIR Manager\nExample Inc.\nTel: +81-3-1234-5678\n[jane@example.com](mailto:jane@example.com)\n\nJohn Roe\nE-mail: john@example.com',
      ),
    );
    expect(result).toMatchObject({
      contacts: [
        {
          honorific: 'Ms.',
          name: 'Jane Doe',
          titles: ['IR Manager'],
          organisation: 'Example Inc.',
          phone: '+81-3-1234-5678',
          email: 'jane@example.com',
        },
        { name: 'John Roe', titles: [], email: 'john@example.com' },
      ],
    });
  });

  it('gives the reason when a block is not a contact card', () => {
    expect(parseContactBlock(toLines('Investor Relations\nExample Inc.\nTower 1\n1-1 Yoyogi\nir@example.com'))).toEqual(
      {
        reason: 'more lines before line 5 than a contact has (name, titles, organisation)',
      },
    );
    expect(parseContactBlock(toLines('Jane Doe\nPhone: +81-3-1234-5678'))).toEqual({
      reason: 'the last contact has no email address after it',
    });
  });
});

describe('matching sections with existing entries', () => {
  it('compares text as a reader sees it: links as their text, bullets as items, whitespace collapsed', () => {
    expect(
      comparableText('See [Trend Micro.com](https://www.trendmicro.com/) at <http://x.example/>\n\n- one\n-  two'),
    ).toBe('See Trend Micro.com at http://x.example/ one two');
    const entries = [
      { id: 'trend-micro', heading: 'About Trend Micro', body: 'Text with [a link](https://x.example/).' },
    ];
    expect(findText(entries, 'About Trend Micro', 'Text with [a link](#).')?.id).toBe('trend-micro');
    expect(findText(entries, 'About Trend Micro', 'Text without a link.')).toBeUndefined();
    expect(findText(entries, 'About Trend Micro Inc.', 'Text with a link.')).toBeUndefined();
  });

  it('matches a contact on every detail the block gives; details it leaves out may be on file', () => {
    const onFile: ContactDraft = {
      honorific: 'Mr.',
      name: 'Mahendra Negi',
      titles: ['IR Officer'],
      organisation: 'Trend Micro Incorporated',
      phone: '+813-5334-4899',
      email: 'ir@trendmicro.co.jp',
    };
    const entries = [{ id: 'mahendra-negi', contact: onFile }];
    const block: ContactDraft = {
      honorific: 'Mr.',
      name: 'Mahendra Negi',
      titles: ['IR Officer'],
      phone: '+813-5334-4899',
      email: 'IR@trendmicro.co.jp',
    };
    expect(findContact(entries, block)?.id).toBe('mahendra-negi');
    expect(findContact(entries, { ...block, phone: '+813-0000-0000' })).toBeUndefined();
    // The same number written otherwise is the same contact, not a second entry.
    expect(findContact(entries, { ...block, phone: '+81 3 5334 4899' })?.id).toBe('mahendra-negi');
    expect(findContact(entries, { ...block, phone: '+81 (3) 5334-4899' })?.id).toBe('mahendra-negi');
    expect(findContact(entries, { ...block, phone: '813-5334-4899' })).toBeUndefined();
    expect(findContact(entries, { ...block, titles: ['Chief Financial Officer'] })).toBeUndefined();
  });

  it('names a new entry by its slug, then by the date of the release that brings it', () => {
    expect(freeId('trend-micro', '2012-09-07', new Set())).toBe('trend-micro');
    expect(freeId('trend-micro', '2012-09-07', new Set(['trend-micro']))).toBe('trend-micro-2012-09-07');
    expect(freeId('trend-micro', '2012-09-07', new Set(['trend-micro', 'trend-micro-2012-09-07']))).toBe(
      'trend-micro-2012-09-07-2',
    );
  });
});
