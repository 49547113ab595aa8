/**
 * The compact on-disk form of seed/gazetteers/people.json (written by build-people.ts). Everything
 * the loader needs for its indexes is precomputed, and positions stay a string until a person is
 * actually considered as a link, so that loading costs one JSON.parse and one pass over the rows.
 */

/**
 * [qid, name, extra aliases joined by '|', date of death or '', positions]. Positions:
 * `position index,start,end,repo index` joined by ';' (dates as YYYY-MM-DD or empty).
 */
export type PersonRow = [string, string, string, string, string];

export interface PeopleFile {
  source: string;
  /** [scraper repository, ISO alpha-2 of the country it covers or ''] */
  repos: [string, string][];
  positions: string[];
  /** Folded first names of the people, for the "Given Surname" cue. */
  givenNames: string[];
  people: PersonRow[];
  /** Spelling-tolerant key of a full name (text.ts nameKey) → row indexes. */
  byName: Record<string, number[]>;
  /** Key of a surname or one-word alias (text.ts nameWordKey) → row indexes. */
  bySurname: Record<string, number[]>;
}
