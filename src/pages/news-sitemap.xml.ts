/**
 * The Google News sitemap: releases published in the two days before the build's clock
 * (NEWSROOM_NOW in tests and scheduled rebuilds), so a rebuild keeps it current.
 */
import type { APIRoute } from 'astro';
import { newsSitemapXml, recentReleases } from '../lib/sitemap';
import { pageUrl } from '../links';
import { getNewsroom } from '../newsroom';
import { settings } from '../settings';

export const GET: APIRoute = async () => {
  const { releases, now } = await getNewsroom();
  const entries = recentReleases(releases, now).map((release) => ({
    url: pageUrl(release.path),
    title: release.data.headline,
    published: release.isoDate,
    language: release.data.lang,
  }));
  return new Response(newsSitemapXml(settings.title, entries), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
