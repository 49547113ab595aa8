/**
 * Loads the gazetteers under seed/gazetteers once and indexes them for matching:
 * countries (names, aliases, demonyms, capitals, metonyms), places, organisations and people.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { fold, nameKey, nameWordKey, slug } from '../text.ts';
import { tokenize } from '../tokens.ts';
import type { PeopleFile } from './people-format.ts';

export const DEFAULT_GAZETTEER_DIR = fileURLToPath(new URL('../../../seed/gazetteers/', import.meta.url));

export interface CountryEntry {
  code: string;
  iso3: string;
  name: string;
  officialName: string;
  aliases: string[];
  demonyms: string[];
  capital: string;
  metonyms: string[];
  capitalAliases?: string[];
}

export interface PlaceEntry {
  name: string;
  countryCode: string;
  kind: string;
  aliases: string[];
}

export interface OrgEntry {
  key: string;
  name: string;
  kind: string;
  aliases: string[];
  countryCode?: string;
  /** Short names that mean this organisation only when its country is in the article ("Congress"). */
  contextAliases?: string[];
}

export type CountryForm = 'name' | 'alias' | 'demonym' | 'capital' | 'metonym';

export type PhraseTarget =
  | { kind: 'country'; code: string; form: CountryForm }
  | { kind: 'place'; key: string; name: string; countryCode?: string; capitalOf?: string }
  | { kind: 'org'; key: string; name: string; countryCode?: string; contextOnly?: boolean };

export interface Phrase {
  /** Folded token texts, case kept. */
  words: string[];
  targets: PhraseTarget[];
}

export interface Position {
  title: string;
  start: string;
  end: string;
  /** ISO alpha-2 of the country the office belongs to, '' for international offices. */
  country: string;
}

export interface PersonRecord {
  qid: string;
  name: string;
  aliases: string[];
  dod: string;
  positions: Position[];
}

export interface Gazetteers {
  countries: Map<string, CountryEntry>;
  /** First folded word → phrases starting with it, longest first. */
  phrases: Map<string, Phrase[]>;
  orgsByKey: Map<string, OrgEntry>;
  placesByKey: Map<string, PlaceEntry & { key: string }>;
  people: PeopleTable;
  /** nameKey of a full name or multi-word alias → indexes into `people`. */
  peopleByName: KeyIndex;
  /** nameWordKey of a surname → indexes into `people`. */
  peopleBySurname: KeyIndex;
  /** Folded given names (first words of the people's names). */
  givenNames: Set<string>;
  /** Lower-cased words that running text mostly writes in lower case (common-words.txt). */
  commonWords: Set<string>;
  /** Words a spelling dictionary lists only in lower case ("treason", "cowboy"; lowercase-words.txt). */
  lowercaseWords: Set<string>;
}

/** A name that is one common English word ("Majority", "Board"): not an entity on its own. */
export function isCommonWordName(gaz: Gazetteers, name: string): boolean {
  return !/\s/.test(name.trim()) && gaz.commonWords.has(name.trim().toLowerCase());
}

/**
 * One word a dictionary lists only in lower case, and no given name or surname of a known person
 * ("Treason", "Cowboy", but not "Sturgeon"): a common noun capitalised, when nothing says it is a person.
 */
export function isLowercaseWordName(gaz: Gazetteers, name: string): boolean {
  const word = name.trim();
  return !/\s/.test(word) && gaz.lowercaseWords.has(word.toLowerCase()) && !gaz.givenNames.has(fold(word)) && !gaz.peopleBySurname.has(nameWordKey(word));
}

function readJson<T>(dir: string, file: string): T {
  return JSON.parse(readFileSync(join(dir, file), 'utf8')) as T;
}

export function placeKey(name: string): string {
  return `place:${slug(name)}`;
}

export function loadGazetteers(dir: string = DEFAULT_GAZETTEER_DIR): Gazetteers {
  const countries = readJson<CountryEntry[]>(dir, 'countries.json');
  const places = readJson<PlaceEntry[]>(dir, 'places.json');
  const orgs = readJson<OrgEntry[]>(dir, 'organizations.json');
  const peopleFile = readJson<PeopleFile>(dir, 'people.json');

  const phrases = new Map<string, Phrase[]>();
  const byText = new Map<string, Phrase>();
  const add = (text: string, target: PhraseTarget) => {
    const words = tokenize(fold(text.replace(/^the\s+/i, ''))).map((t) => t.text);
    if (words.length === 0) return;
    const id = words.join(' ');
    let phrase = byText.get(id);
    if (!phrase) {
      phrase = { words, targets: [] };
      byText.set(id, phrase);
      const list = phrases.get(words[0]) ?? [];
      list.push(phrase);
      phrases.set(words[0], list);
    }
    if (!phrase.targets.some((t) => sameTarget(t, target))) phrase.targets.push(target);
  };

  const countryMap = new Map<string, CountryEntry>();
  for (const c of countries) {
    countryMap.set(c.code, c);
    add(c.name, { kind: 'country', code: c.code, form: 'name' });
    for (const a of [c.officialName, ...c.aliases]) add(a, { kind: 'country', code: c.code, form: 'alias' });
    for (const d of c.demonyms) {
      add(d, { kind: 'country', code: c.code, form: 'demonym' });
      if (!/s$/.test(d)) add(`${d}s`, { kind: 'country', code: c.code, form: 'demonym' });
    }
    for (const m of c.metonyms) add(m, { kind: 'country', code: c.code, form: 'metonym' });
    if (c.capital) {
      const place = { kind: 'place' as const, key: placeKey(c.capital), name: c.capital, countryCode: c.code, capitalOf: c.code };
      for (const name of [c.capital, ...(c.capitalAliases ?? [])]) {
        add(name, { kind: 'country', code: c.code, form: 'capital' });
        add(name, place);
      }
    }
  }

  const placesByKey = new Map<string, PlaceEntry & { key: string }>();
  for (const p of places) {
    const key = placeKey(p.name);
    placesByKey.set(key, { ...p, key });
    for (const name of [p.name, ...p.aliases]) add(name, { kind: 'place', key, name: p.name, countryCode: p.countryCode });
  }
  for (const c of countries) {
    if (c.capital) placesByKey.set(placeKey(c.capital), { name: c.capital, countryCode: c.code, kind: 'capital', aliases: c.capitalAliases ?? [], key: placeKey(c.capital) });
  }

  const commonWords = new Set(readFileSync(join(dir, 'common-words.txt'), 'utf8').split('\n').filter(Boolean));
  // A national body's one-word alias that is a common word ("Commons", "Labour", "Marines") names it
  // only in an article about its country: "Commons" elsewhere is Wikimedia's or Creative Commons. So does
  // a party's name of common words: Hong Kong has its own Labour Party and Democratic Party.
  const commonAlias = (o: OrgEntry, name: string) =>
    o.countryCode !== undefined &&
    ((name !== o.name && !/\s/.test(name) && [name, name.replace(/s$/, '')].some((w) => commonWords.has(w.toLowerCase()))) ||
      (o.kind === 'party' && /^(?:\p{L}+ )+Party$/u.test(name) && name.split(' ').every((w) => commonWords.has(w.toLowerCase()))));
  const orgsByKey = new Map<string, OrgEntry>();
  for (const o of orgs) {
    orgsByKey.set(o.key, o);
    for (const name of [o.name, ...o.aliases]) add(name, { kind: 'org', key: o.key, name: o.name, countryCode: o.countryCode, ...(commonAlias(o, name) ? { contextOnly: true } : {}) });
    for (const name of o.contextAliases ?? []) add(name, { kind: 'org', key: o.key, name: o.name, countryCode: o.countryCode, contextOnly: true });
  }
  for (const list of phrases.values()) list.sort((a, b) => b.words.length - a.words.length);

  const people = new PeopleTable(peopleFile);
  const peopleByName = new KeyIndex(peopleFile.byName);
  const peopleBySurname = new KeyIndex(peopleFile.bySurname);
  const givenNames = new Set(peopleFile.givenNames);
  const lowercaseWords = new Set(readFileSync(join(dir, 'lowercase-words.txt'), 'utf8').split('\n').filter(Boolean));
  return { countries: countryMap, phrases, orgsByKey, placesByKey, people, peopleByName, peopleBySurname, givenNames, commonWords, lowercaseWords };
}

/** A read-only key → row indexes lookup over a parsed JSON object (no copy into a Map). */
export class KeyIndex {
  constructor(private readonly rows: Record<string, number[]>) {}

  get(key: string): number[] | undefined {
    return Object.hasOwn(this.rows, key) ? this.rows[key] : undefined;
  }

  has(key: string): boolean {
    return Object.hasOwn(this.rows, key);
  }
}

/** The people gazetteer; a person's record (positions parsed) is built on first use. */
export class PeopleTable {
  private readonly records = new Map<number, PersonRecord>();
  private readonly repoCountry: string[];

  constructor(private readonly file: PeopleFile) {
    this.repoCountry = file.repos.map(([, code]) => code);
  }

  get size(): number {
    return this.file.people.length;
  }

  get(i: number): PersonRecord {
    let record = this.records.get(i);
    if (!record) {
      const [qid, name, aliases, dod, held] = this.file.people[i];
      record = {
        qid,
        name,
        aliases: aliases ? aliases.split('|') : [],
        dod,
        positions: held
          ? held.split(';').map((h) => {
              const [p, start, end, repo] = h.split(',');
              return { title: this.file.positions[+p], start, end, country: this.repoCountry[+repo] ?? '' };
            })
          : [],
      };
      this.records.set(i, record);
    }
    return record;
  }
}

function sameTarget(a: PhraseTarget, b: PhraseTarget): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'country' && b.kind === 'country') return a.code === b.code;
  return (a as { key: string }).key === (b as { key: string }).key;
}

export { nameKey };
