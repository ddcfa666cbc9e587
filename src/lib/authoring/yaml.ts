/** YAML written for authors: one value per line, quoted only where YAML would misread it. */
import { dump } from 'js-yaml';

/** `TOKYO, Japan` stays plain; `TSE: 4704` or `2007-03-30` as text get quotes. */
export function yamlScalar(value: string): string {
  return dump(value, { lineWidth: -1 }).trimEnd();
}

/** `key: value` lines for the fields that have a value, in the order given. */
export function yamlFields(fields: Record<string, string | readonly string[] | undefined>): string {
  return Object.entries(fields)
    .flatMap(([key, value]) => {
      if (value === undefined) return [];
      if (typeof value === 'string') return [`${key}: ${yamlScalar(value)}`];
      return value.length ? [`${key}:`, ...value.map((item) => `  - ${yamlScalar(item)}`)] : [];
    })
    .join('\n');
}
