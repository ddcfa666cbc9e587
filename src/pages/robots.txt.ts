/** robots.txt naming the sitemap index (written by @astrojs/sitemap) and the Google News sitemap. */
import type { APIRoute } from 'astro';
import { robotsTxt } from '../lib/sitemap';
import { absoluteUrl } from '../lib/urls';

export const GET: APIRoute = ({ site }) => {
  const url = (path: string) => absoluteUrl(site!, import.meta.env.BASE_URL, path);
  return new Response(robotsTxt([url('sitemap-index.xml'), url('news-sitemap.xml')]), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
