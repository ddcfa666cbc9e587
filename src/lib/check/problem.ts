/** A problem found in the content, reported to the author as one line: `file:line: field: message`. */

export interface Problem {
  /** Path as the author would open it, e.g. `content/releases/2007-03-30-x.mdx`. */
  file: string;
  /** 1-based line in the file, when known. */
  line?: number | undefined;
  /** The field (`date`, `contacts[1]`), `body` for the MDX text, `(file)` for the file itself. */
  field: string;
  message: string;
}

export function formatProblem({ file, line, field, message }: Problem): string {
  return `${file}${line ? `:${line}` : ''}: ${field}: ${message}`;
}

/** By file, then by line, so an author can work down the list. */
export function compareProblems(a: Problem, b: Problem): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (a.line ?? 0) - (b.line ?? 0);
}

const contentErrors = new WeakSet<Error>();

/**
 * An error that stops the build over the content: its message is the whole report, file by file.
 * It carries no stack trace, which would point into the site's code rather than at the author's
 * file, so Astro prints the message alone.
 */
export function contentError(message: string): Error {
  const error = new Error(message);
  error.stack = '';
  contentErrors.add(error);
  return error;
}

/** Whether `error` is a report on the content (`contentError`) rather than a failure of the code. */
export const isContentError = (error: unknown): boolean => error instanceof Error && contentErrors.has(error);
