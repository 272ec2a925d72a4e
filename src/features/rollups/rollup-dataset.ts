// What a roll-up writes into its output dataset's description: a note saying where the table
// comes from while the roll-up lives, and, once the roll-up is deleted and the dataset kept,
// that the table stays as last built (so no reader follows a link to a page that is gone).

/** The paragraph a new roll-up's dataset ends with, linking to the roll-up's page. */
export const rollupNote = (slug: string) =>
  'A roll-up: the councils’ own tables following one schema, combined into one with a ' +
  '`publisher` column. Which councils are in, and why any are not: ' +
  `[the roll-up’s page](/rollups/${slug}).`;

/** What replaces it when the roll-up is deleted and its dataset kept. */
export const retiredNote = (date: string) =>
  'Combined from the councils’ own tables by a roll-up (a `publisher` column says whose each ' +
  `row is). The roll-up was deleted on ${date}: this table is no longer rebuilt, and stays as ` +
  'it was last built.';

/** The description with the roll-up's note retired; null when the note is not in it. */
export function retireNote(description: string, slug: string, date: string): string | null {
  const note = rollupNote(slug);
  return description.includes(note) ? description.replace(note, retiredNote(date)) : null;
}
