/** Building the lexicon at training time from independent sources (never from evaluation data). */
import { existsSync, readFileSync } from 'node:fs';
import { buildClusters } from './clusters.ts';
import { casingBin, type LexiconData } from '../../extract/ner/lexicon.ts';
import { tokenize } from '../../extract/ner/tokenize.ts';
import {
  FALLBACK_COUNTRIES, LOC_WORDS, ORG_NAMES, ORG_SUFFIXES, ORG_WORDS, PLACES, TIME_WORDS, TITLES,
} from './wordlists.ts';

export interface LexiconSources {
  /** people_wikidata.jsonl: office holders with `name` and `aliases`. */
  peoplePath?: string;
  /** countries.json: `{ name, officialName, aliases, demonyms, capital, metonyms }[]`. */
  countriesPath?: string;
  /** Unlabelled running text (one string per document) for casing statistics and clusters. */
  texts: string[];
  /** Derive word clusters from `texts`. */
  clusters?: boolean;
}

interface Country {
  name: string;
  officialName?: string;
  aliases?: string[];
  demonyms?: string[];
  capital?: string;
  metonyms?: string[];
}

/** Gazetteer key of a phrase: its tokens, lowercased, space-joined. */
export function gazetteerKey(phrase: string): string {
  return tokenize(phrase)
    .map((t) => t.text.toLowerCase())
    .join(' ');
}

function readCountries(path: string | undefined): { countries: Country[]; source: string } {
  if (path && existsSync(path)) {
    return { countries: JSON.parse(readFileSync(path, 'utf8')) as Country[], source: path };
  }
  const countries = FALLBACK_COUNTRIES.trim()
    .split('\n')
    .map((line) => {
      const [name, capital, demonyms, aliases] = line.split('|');
      return { name, capital, demonyms: demonyms.split(';').filter(Boolean), aliases: (aliases ?? '').split(';').filter(Boolean) };
    });
  return { countries, source: 'built-in list (wordlists.ts)' };
}

/** Name parts that are particles, not first names or surnames. */
const PARTICLES = new Set(['de', 'da', 'del', 'der', 'den', 'di', 'do', 'dos', 'du', 'la', 'le', 'van', 'von', 'bin', 'ibn', 'al', 'el', 'y', 'e', 'jr.', 'jr', 'sr.', 'ii', 'iii']);

function readPeople(path: string | undefined): { full: Set<string>; first: Set<string>; last: Set<string> } {
  const full = new Set<string>();
  const first = new Set<string>();
  const last = new Set<string>();
  if (!path || !existsSync(path)) return { full, first, last };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const person = JSON.parse(line) as { name?: string; aliases?: string[] };
    const names = [person.name ?? '', ...(person.aliases ?? [])].filter((n) => n && !/[()\d]/.test(n));
    for (const name of names) {
      const parts = tokenize(name).map((t) => t.text.toLowerCase()).filter((p) => p !== ',' && p !== '.');
      if (parts.length === 0) continue;
      if (parts.length === 1) {
        last.add(parts[0]);
        continue;
      }
      full.add(parts.join(' '));
      if (!PARTICLES.has(parts[0]) && parts[0].length > 1) first.add(parts[0]);
      const surname = parts[parts.length - 1];
      if (!PARTICLES.has(surname) && surname.length > 1) last.add(surname);
    }
  }
  return { full, first, last };
}

const SENTENCE_BREAK = new Set(['.', '!', '?', '"', "'", ':', ';', '(', '[', '-', '--', '``', "''"]);

/** Capitalization bins of words in mid-sentence positions of unlabelled text. */
function casingStatistics(texts: string[]): { words: string[]; bins: number[] } {
  const counts = new Map<string, [number, number]>();
  for (const text of texts) {
    for (const line of text.split('\n')) {
      const tokens = tokenize(line);
      for (let i = 1; i < tokens.length; i++) {
        const word = tokens[i].text;
        const c = word[0];
        const upper = c !== c.toLowerCase();
        const lower = c !== c.toUpperCase();
        if (!upper && !lower) continue;
        if (SENTENCE_BREAK.has(tokens[i - 1].text)) continue;
        if (word.length > 1 && word === word.toUpperCase()) continue;
        const key = word.toLowerCase();
        let entry = counts.get(key);
        if (!entry) counts.set(key, (entry = [0, 0]));
        entry[upper ? 0 : 1]++;
      }
    }
  }
  const words: string[] = [];
  const bins: number[] = [];
  for (const key of [...counts.keys()].sort()) {
    const [upper, lower] = counts.get(key)!;
    if (upper + lower < 2) continue;
    words.push(key);
    bins.push(casingBin(upper, upper + lower));
  }
  return { words, bins };
}

export function buildLexicon(sources: LexiconSources, log: (message: string) => void = () => {}): { data: LexiconData; provenance: string[] } {
  const gazetteer: Record<string, Set<string>> = {};
  const add = (category: string, phrase: string) => {
    const key = gazetteerKey(phrase);
    if (key) (gazetteer[category] ??= new Set()).add(key);
  };
  const { countries, source: countrySource } = readCountries(sources.countriesPath);
  for (const c of countries) {
    for (const n of [c.name, c.officialName ?? '', ...(c.aliases ?? [])]) if (n) add('CTRY', n);
    if (c.capital) add('CAP', c.capital);
    for (const d of c.demonyms ?? []) add('DEM', d);
    for (const m of c.metonyms ?? []) add('MET', m);
  }
  const people = readPeople(sources.peoplePath);
  for (const p of people.full) (gazetteer.PER ??= new Set()).add(p);
  for (const p of people.first) (gazetteer.FIRST ??= new Set()).add(p);
  for (const p of people.last) (gazetteer.LAST ??= new Set()).add(p);
  for (const w of ORG_WORDS) add('ORGW', w);
  for (const w of ORG_SUFFIXES) add('ORGS', w);
  for (const w of ORG_NAMES) add('ORGN', w);
  for (const w of LOC_WORDS) add('LOCW', w);
  for (const w of PLACES) add('PLACE', w);
  for (const w of TITLES) add('TITLE', w);
  for (const w of TIME_WORDS) add('TIME', w);
  const casing = casingStatistics(sources.texts);
  const clusters = sources.clusters ? buildClusters(sources.texts) : { words: [], paths: [] };
  log(`lexicon: ${countries.length} countries (${countrySource}), ${people.full.size} full names, ${people.first.size} first names, ${people.last.size} surnames, ${casing.words.length} casing entries, ${clusters.words.length} clustered words`);
  const data: LexiconData = {
    gazetteer: Object.fromEntries(Object.keys(gazetteer).sort().map((k) => [k, [...gazetteer[k]].sort()])),
    casingWords: casing.words,
    casingBins: casing.bins,
    clusterWords: clusters.words,
    clusterPaths: clusters.paths,
  };
  const provenance = [
    `countries, capitals, demonyms: ${countrySource}`,
    `person names: ${sources.peoplePath ?? '(none)'}`,
    'organization, place, title and time words: src/training/ner/wordlists.ts',
    `casing statistics${sources.clusters ? ' and word clusters' : ''}: unlabelled text (wikinews.jsonl and the training files)`,
  ];
  return { data, provenance };
}
