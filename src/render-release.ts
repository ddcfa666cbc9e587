/**
 * A release's full text (ReleaseContent: body with dateline, notices, boilerplate, contacts)
 * rendered to HTML outside any page, through Astro's Container API, for feed items. The MDX
 * body is rendered, never copied as source. Each release is rendered once per build, however
 * many feeds carry it.
 */
import { getContainerRenderer as mdxRenderer } from '@astrojs/mdx/container-renderer';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import ReleaseContent from './components/release/ReleaseContent.astro';
import type { Release } from './newsroom';

let container: Promise<AstroContainer> | undefined;
const rendered = new Map<string, Promise<string>>();

async function createContainer(): Promise<AstroContainer> {
  return AstroContainer.create({ renderers: await loadRenderers([mdxRenderer()]) });
}

/** The release text as HTML, with the site's own (possibly relative) URLs. */
export function renderReleaseHtml(release: Release): Promise<string> {
  let html = rendered.get(release.id);
  // Under `astro dev` an edited release must render afresh.
  if (!html || import.meta.env.NEWSROOM_PREVIEW === true) {
    container ??= createContainer();
    html = container.then((c) => c.renderToString(ReleaseContent, { props: { release } }));
    rendered.set(release.id, html);
  }
  return html;
}
