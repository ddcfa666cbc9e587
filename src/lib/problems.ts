/** Names for what a schema found wrong, as authors read them: `contacts[1]`, `company.url`. */

export interface Issue {
  path: PropertyKey[];
  message: string;
  code?: string;
  /** For an unknown key (`unrecognized_keys`): the keys not known. */
  keys?: string[];
}

export function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>((name, key) => {
    if (typeof key === 'number') return `${name}[${key}]`;
    return name ? `${name}.${String(key)}` : String(key);
  }, '');
}

/**
 * Where an issue points and what to call it. An unknown key comes with the path of the mapping
 * that holds it: it is the key's own line the author must see (`company.nme`, not `company`).
 */
export function issueField(issue: Issue): { path: PropertyKey[]; field: string } {
  if (issue.code === 'unrecognized_keys' && issue.keys?.length) {
    return {
      path: [...issue.path, issue.keys[0]!],
      field: issue.keys.map((key) => fieldName([...issue.path, key])).join(', '),
    };
  }
  return { path: issue.path, field: fieldName(issue.path) };
}
