/** Formats validation problems as one author-readable line each: file, field, message. */

export interface Issue {
  path: PropertyKey[];
  message: string;
}

export function fieldName(path: PropertyKey[]): string {
  return path.reduce<string>((name, key) => {
    if (typeof key === 'number') return `${name}[${key}]`;
    return name ? `${name}.${String(key)}` : String(key);
  }, '');
}

export function formatIssues(file: string, issues: Issue[]): string {
  return issues.map((issue) => `${file}: ${fieldName(issue.path) || '(file)'}: ${issue.message}`).join('\n');
}
