/** The components an author may use in a release body without importing them. */
import type { ReleaseComponentName } from '../../lib/release-components';
import DataTable from './DataTable.astro';
import Note from './Note.astro';
import Row from './Row.astro';
import Term from './Term.astro';
import Terms from './Terms.astro';

export const releaseComponents = { Terms, Term, DataTable, Row, Note } satisfies Record<ReleaseComponentName, unknown>;
