/** Slugs for categories and tags, so "Share Buyback" lives at /tags/share-buyback/. */

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // Latin accents go (é → e) …
    .normalize('NFC') // … while kana keep their marks (プ stays プ)
    .toLowerCase()
    .replace(/[^\p{Letter}\p{Mark}\p{Number}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

export const categorySlug = slugify;
export const tagSlug = slugify;
