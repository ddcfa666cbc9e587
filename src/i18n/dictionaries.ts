/**
 * The interface strings of every language the site can be published in, by language tag. A
 * newsroom's `languages` (content/site.yaml) must each have one here (src/schemas/site.ts).
 */
import { en, type Dictionary } from './en';
import { ja } from './ja';

export const dictionaries: Readonly<Record<string, Dictionary>> = { en, ja };
