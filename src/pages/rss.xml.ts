/** The newest releases (feedSize in content/site.yaml), full text, as RSS — see /feeds/. */
import { feedEndpoint } from '../feeds';

export const GET = feedEndpoint('rss');
