/** Attachments: which names are addresses, what readers are told of a file, which files go out. */
import { describe, expect, it } from 'vitest';
import {
  attachmentLabel,
  attachmentNameProblem,
  attachmentType,
  formatFileSize,
  missingAttachmentMessage,
  publishedAttachments,
} from '../../src/lib/attachments';

describe('attachment file names', () => {
  it.each(['2007-03-30-share-buyback.pdf', 'results_q3.v2.xlsx', 'photo.jpeg', 'a.mp4'])('takes %s', (name) => {
    expect(attachmentNameProblem(name)).toBeUndefined();
  });

  it.each([
    'Q3 Results.pdf', // a space and capitals
    'results.PDF',
    'results', // no extension
    'chart.svg', // a browser would run its scripts on the site's origin
    'page.html',
    'script.js',
    '../site.yaml',
    'folder/results.pdf',
    '-results.pdf',
    'results..pdf',
  ])('refuses %s, naming the file', (name) => {
    expect(attachmentNameProblem(name)).toMatch(
      new RegExp(
        `^expected the name of a file in content/attachments/ .* found "${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"$`,
      ),
    );
  });
});

describe('what readers are told of a file', () => {
  it('gives the media type hosts serve it with and the extension readers know', () => {
    expect(attachmentType('a.pdf')).toBe('application/pdf');
    expect(attachmentType('a.jpg')).toBe('image/jpeg');
    expect(attachmentType('a.xlsx')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(attachmentLabel('2007-03-30-notice.pdf')).toBe('PDF');
    expect(attachmentLabel('figures.v2.xlsx')).toBe('XLSX');
  });

  it('gives sizes in decimal units, rounded up so that nothing reads as 0', () => {
    expect(formatFileSize(0, 'en')).toBe('0 bytes');
    expect(formatFileSize(512, 'en')).toBe('512 bytes');
    expect(formatFileSize(1_000, 'en')).toBe('1 kB');
    expect(formatFileSize(1_001, 'en')).toBe('1.1 kB');
    expect(formatFileSize(1_234, 'en')).toBe('1.3 kB');
    expect(formatFileSize(182_300, 'en')).toBe('183 kB');
    expect(formatFileSize(999_999, 'en')).toBe('1,000 kB');
    expect(formatFileSize(1_450_001, 'en')).toBe('1.5 MB');
    expect(formatFileSize(23_400_000, 'en')).toBe('24 MB');
  });

  it('gives sizes in the page’s language', () => {
    expect(formatFileSize(512, 'ja')).toBe('512 バイト');
    expect(formatFileSize(1_234, 'ja')).toBe('1.3 KB');
  });
});

it('names the files there are when a release names one that is not', () => {
  expect(missingAttachmentMessage('content/attachments', ['results.pdf', 'terms.pdf'], 'result.pdf')).toBe(
    'expected a file in content/attachments/ (results.pdf, terms.pdf), found "result.pdf" (did you mean "results.pdf"?)',
  );
  expect(missingAttachmentMessage('content/attachments', [], 'result.pdf')).toBe(
    'expected a file in content/attachments/ (none), found "result.pdf"',
  );
});

it('publishes each file the releases attach once, in the order of their names', () => {
  const releases = [
    { attachments: [{ file: 'b.pdf', title: 'B' }] },
    { attachments: [] },
    {
      attachments: [
        { file: 'a.pdf', title: 'A' },
        { file: 'b.pdf', title: 'B again' },
      ],
    },
  ];
  expect(publishedAttachments(releases)).toEqual([
    { file: 'a.pdf', title: 'A' },
    { file: 'b.pdf', title: 'B' },
  ]);
});
