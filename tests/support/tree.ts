/** Every file of a folder with its SHA-256, to compare two builds byte for byte. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export function treeDigest(dir: string): Map<string, string> {
  const digest = new Map<string, string>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const file = join(folder, entry.name);
      if (entry.isDirectory()) walk(file);
      else
        digest.set(
          relative(dir, file).split(sep).join('/'),
          createHash('sha256').update(readFileSync(file)).digest('hex'),
        );
    }
  };
  walk(dir);
  return new Map([...digest].sort(([a], [b]) => a.localeCompare(b)));
}

/** Files that differ between two digests (added, removed or changed). */
export function treeDifferences(a: Map<string, string>, b: Map<string, string>): string[] {
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].filter((name) => a.get(name) !== b.get(name)).sort();
}
