/** The newest releases (feedSize in content/site.yaml), full text, as ATOM — see /feeds/. */
import { feedEndpoint, latestFeedPaths } from '../../feeds';

export const getStaticPaths = latestFeedPaths;

export const GET = feedEndpoint('atom');
