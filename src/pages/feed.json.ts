/** The newest releases (feedSize in content/site.yaml), full text, as JSON Feed — see /feeds/. */
import { feedEndpoint } from '../feeds';

export const GET = feedEndpoint('json');
