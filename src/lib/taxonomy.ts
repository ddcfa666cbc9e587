/** Slugs for categories and tags, so "Share Buyback" lives at /tags/share-buyback/. */

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{Letter}\p{Number}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

export const categorySlug = slugify;
export const tagSlug = slugify;
