/** Every release of one category in one year, full text, as RSS: the category feed's archive. */
import { categoryArchiveFeedPaths, feedEndpoint } from '../../../../../../feeds';

export const getStaticPaths = categoryArchiveFeedPaths;
export const GET = feedEndpoint('rss');
