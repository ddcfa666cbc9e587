/** The newest releases (feedSize in content/site.yaml), full text, as ATOM — see /feeds/. */
import { feedEndpoint } from '../feeds';

export const GET = feedEndpoint('atom');
