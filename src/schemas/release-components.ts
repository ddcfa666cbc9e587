/**
 * The attributes of the components an author writes in a release body (`<Terms style="(a)">`,
 * `<Term label="…">`, …). Checked when the body is rendered, so a misspelt style or a missing
 * label stops the build naming the file, the line, the component and what was expected.
 */
import { z } from 'astro/zod';
import { TERM_STYLES } from '../lib/terms';
import { describe } from './fields';

const label = (component: string) =>
  z.string({ error: (issue) => `<${component} label>: expected the label as text, found ${describe(issue.input)}` });

export const termsSchema = z.object({
  style: z
    .enum(TERM_STYLES, {
      error: (issue) =>
        `<Terms style>: expected one of ${TERM_STYLES.map((s) => `"${s}"`).join(', ')}, found ${describe(issue.input)}`,
    })
    .default('1.'),
  start: z
    .number({
      error: (issue) => `<Terms start>: expected a whole number such as start={3}, found ${describe(issue.input)}`,
    })
    .int({ error: (issue) => `<Terms start>: expected a whole number, found ${describe(issue.input)}` })
    .min(1, { error: (issue) => `<Terms start>: expected 1 or more, found ${describe(issue.input)}` })
    .default(1),
  inline: z
    .boolean({ error: (issue) => `<Terms inline>: expected inline or inline={false}, found ${describe(issue.input)}` })
    .default(false),
});

export const termSchema = z.object({ label: label('Term') });

export const rowSchema = z.object({ label: label('Row') });

const columnHeading = z.string({
  error: (issue) => `<DataTable columns>: expected each column heading as text, found ${describe(issue.input)}`,
});

export const dataTableSchema = z.object({
  caption: z
    .string({ error: (issue) => `<DataTable caption>: expected text, found ${describe(issue.input)}` })
    .optional(),
  columns: z
    .tuple([columnHeading, columnHeading], {
      error: (issue) =>
        `<DataTable columns>: expected two column headings, e.g. columns={["Item", "Amount"]}, found ${describe(issue.input)}`,
    })
    .optional(),
});

export const noteSchema = z.object({
  label: z.string({ error: (issue) => `<Note label>: expected text, found ${describe(issue.input)}` }).optional(),
});

/** The attributes each component takes: those its schema declares, and no others. */
export const COMPONENT_ATTRIBUTES: Record<string, readonly string[]> = {
  Terms: Object.keys(termsSchema.shape),
  Term: Object.keys(termSchema.shape),
  DataTable: Object.keys(dataTableSchema.shape),
  Row: Object.keys(rowSchema.shape),
  Note: Object.keys(noteSchema.shape),
};

/** Components that hold items, and their item: nothing else goes directly inside, nowhere else the item. */
export const COMPONENT_ITEMS: Record<string, string> = { Terms: 'Term', DataTable: 'Row' };
