/** robots.txt naming the sitemap index (written by @astrojs/sitemap) and the Google News sitemap. */
import type { APIRoute } from 'astro';
import { robotsTxt } from '../lib/sitemap';
import { pageUrl as url } from '../links';

export const GET: APIRoute = () => {
  return new Response(robotsTxt([url('sitemap-index.xml'), url('news-sitemap.xml')]), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
