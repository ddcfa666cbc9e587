/** The newest releases of one category, full text, as JSON Feed; announced on the category's page. */
import { categoryFeedPaths, feedEndpoint } from '../../../../../feeds';

export const getStaticPaths = categoryFeedPaths;
export const GET = feedEndpoint('json');
