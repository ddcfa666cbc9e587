/** The newest releases of one category, full text, as RSS; announced on the category's page. */
import { categoryFeedPaths, feedEndpoint } from '../../../../../feeds';

export const getStaticPaths = categoryFeedPaths;
export const GET = feedEndpoint('rss');
