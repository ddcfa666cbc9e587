/**
 * Attachments: files a release lists (`attachments:`), kept in `content/attachments/` and published
 * at `/attachments/<file>` only while a release that lists them is published. A results PDF in
 * public/ would go out with the next build whatever the embargo of the release it belongs to; one
 * listed here waits for its release. Pure: the names, types and sizes, the messages, and which
 * files a set of releases publishes.
 */
import { memoised } from './memoised';
import { didYouMean, listIds } from './suggest';

/** The folder of `content/` that holds them. */
export const ATTACHMENTS_FOLDER = 'attachments';

/**
 * The files a release can attach, by extension, with the media type they are served with. Nothing
 * a browser would run on the site's origin (no HTML, SVG or scripts).
 */
export const ATTACHMENT_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xls: 'application/vnd.ms-excel',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  ppt: 'application/vnd.ms-powerpoint',
  zip: 'application/zip',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  mp3: 'audio/mpeg',
  mp4: 'video/mp4',
};

/** A name that is its own address: lower-case words joined by `-`, `_` or `.`, then a known extension. */
export const ATTACHMENT_NAME = new RegExp(
  `^[a-z0-9]+(?:[-_.][a-z0-9]+)*\\.(?:${Object.keys(ATTACHMENT_TYPES).join('|')})$`,
);

/** Why `name` cannot be an attachment's file name, or undefined when it can. */
export function attachmentNameProblem(name: string): string | undefined {
  if (ATTACHMENT_NAME.test(name)) return undefined;
  const extensions = Object.keys(ATTACHMENT_TYPES)
    .map((extension) => `.${extension}`)
    .join(', ');
  return `expected the name of a file in content/${ATTACHMENTS_FOLDER}/ of lower-case letters and digits joined by hyphens, underscores or dots, ending in one of ${extensions} (e.g. 2007-03-30-share-buyback.pdf), found "${name}"`;
}

/** An attachment named by a release that `folder` (as shown to authors) does not hold. */
export function missingAttachmentMessage(folder: string, files: readonly string[], found: string): string {
  return `expected a file in ${folder}/ (${listIds(files)}), found "${found}"${didYouMean(found, files)}`;
}

/** An attachment whose file in `folder` is empty: a download, or a save, that did not finish. */
export const emptyAttachmentMessage = (folder: string, file: string): string =>
  `expected a file with content, found ${folder}/${file}, which is empty (0 bytes): save it again`;

const extensionOf = (file: string) => file.slice(file.lastIndexOf('.') + 1);

/** The media type a file is served with. */
export const attachmentType = (file: string): string =>
  ATTACHMENT_TYPES[extensionOf(file)] ?? 'application/octet-stream';

/** What readers are told the file is: its extension, as they know it (`PDF`, `XLSX`). */
export const attachmentLabel = (file: string): string => extensionOf(file).toUpperCase();

const SIZE_UNITS = [
  { unit: 'megabyte', bytes: 1_000_000 },
  { unit: 'kilobyte', bytes: 1_000 },
] as const;

/**
 * A file size as readers are told it, in `lang`: `182 kB`, `1.5 MB`, `512 bytes` (decimal units,
 * as operating systems show them; rounded up, to a tenth below 10, so nothing reads as 0).
 */
export function formatFileSize(bytes: number, lang: string): string {
  const { unit, bytes: size } = SIZE_UNITS.find(({ bytes: size }) => bytes >= size) ?? { unit: 'byte', bytes: 1 };
  const value = bytes / size;
  const digits = unit !== 'byte' && value < 10 ? 1 : 0;
  return sizeFormat(`${lang} ${unit} ${digits}`).format(value);
}

const sizeFormat = memoised((key) => {
  const [lang, unit, digits] = key.split(' ') as [string, string, string];
  return new Intl.NumberFormat(lang, {
    style: 'unit',
    unit,
    unitDisplay: unit === 'byte' ? 'long' : 'short',
    maximumFractionDigits: Number(digits),
    roundingMode: 'ceil',
  });
});

/** What `publishedAttachments` needs of a release. */
export interface AttachingRelease<A extends { file: string }> {
  attachments: readonly A[];
}

/**
 * The files a set of (published) releases publishes, each once, by file name: the first release
 * listing a file gives its details (they come from the file, so every listing agrees).
 */
export function publishedAttachments<A extends { file: string }>(releases: readonly AttachingRelease<A>[]): A[] {
  const byFile = new Map<string, A>();
  for (const release of releases) {
    for (const attachment of release.attachments)
      if (!byFile.has(attachment.file)) byFile.set(attachment.file, attachment);
  }
  return [...byFile.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
