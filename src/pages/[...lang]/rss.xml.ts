/** The newest releases (feedSize in content/site.yaml), full text, as RSS — see /feeds/. */
import { feedEndpoint, latestFeedPaths } from '../../feeds';

export const getStaticPaths = latestFeedPaths;

export const GET = feedEndpoint('rss');
