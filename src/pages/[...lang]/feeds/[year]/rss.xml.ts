/** Every release of one year, full text, as RSS: the archive, reachable by feed readers. */
import { feedEndpoint, yearFeedPaths } from '../../../../feeds';

export const getStaticPaths = yearFeedPaths;
export const GET = feedEndpoint('rss');
