/**
 * Mentions from the gazetteers: countries and their demonyms, capitals and metonyms, places and
 * organisations found as phrases, each accepted or not by its context (an ambiguous country name,
 * a weak capital, a city before its state).
 */
import { addFound, spanOf, type Doc, type Found } from './document.ts';
import type { Gazetteers, Phrase, PhraseTarget } from './gazetteers/index.ts';
import { placeKey } from './gazetteers/index.ts';
import { COMMON_CAPITALIZED, CONTINENT_PEOPLE, ORG_HEADS } from './lexicon.ts';
import { fold, slug } from './text.ts';
import { isNameWord, isTitleWord, shouting } from './mentions.ts';


/** Country names that are also given names or US states: a country only when the context says so. */
const AMBIGUOUS_COUNTRY_NAMES = new Set(['Georgia', 'Jordan', 'Chad', 'Niger', 'Guinea', 'Israel', 'Victoria', 'Hamilton', 'Douglas', 'Stanley', 'Kingston', 'Male', 'Plymouth', 'Jamestown', 'Georgetown', 'Sofia', 'Lima', 'Santiago', 'Victoria']);

/** Capitals that are only taken with a country context (they are ordinary names too). */
const WEAK_CAPITALS = new Set(['Hamilton', 'Victoria', 'Douglas', 'Stanley', 'Kingston', 'Male', 'Plymouth', 'Jamestown', 'Georgetown', 'The Valley', 'Road Town', 'West Island', 'Saint-Denis', 'Castries', 'Praia', 'Victoria', 'Sucre', 'Apia', 'Alofi', 'Avarua', 'Dili', 'Juba', 'Kotte']);

const GEORGIA_COUNTRY_CUES = /\b(?:Tbilisi|Georgian|Caucasus|Abkhazia|South Ossetia|Saakashvili|Ivanishvili|Zourabichvili)\b/;

const US_CONTEXT = /\b(?:United States|U\.S\.|US|American|Atlanta|Savannah)\b/;

/**
 * A dateline in capitals opening the text ("NEW YORK 1996-08-29", "NEW DELHI — …", "SEOUL (Reuters) -"):
 * `end` is the token after its place (whose words are looked up as if written in title case), 0 when the
 * text opens with none; `marked` whether a date, a dash, a bracket or a comma follows it.
 */
function datelineEnd(doc: Doc): { end: number; marked: boolean } {
  const { tokens } = doc;
  let k = 0;
  while (k < tokens.length && k < 4 && tokens[k].sentence === 0 && /^\p{Lu}[\p{Lu}.'-]*$/u.test(tokens[k].text) && /\p{Lu}{2}/u.test(tokens[k].text + (tokens[k + 1]?.text ?? ''))) k++;
  const next = tokens[k];
  if (k === 0) return { end: 0, marked: false };
  const marked = Boolean(next) && /^(?:\d{4}|[—–-]|\(|,)$/.test(next.text);
  const lineEnds = !next || next.sentence !== 0 || doc.text.slice(tokens[k - 1].end, next.start).includes('\n');
  return marked || lineEnds ? { end: k, marked } : { end: 0, marked: false };
}

/** Step 1: gazetteer phrases, longest match first, case-sensitive on folded text. */
export function matchGazetteers(doc: Doc, gaz: Gazetteers): void {
  const { tokens } = doc;
  const { end: dateline, marked } = datelineEnd(doc);
  const folded = dateline === 0 ? doc.folded : doc.folded.map((w, i) => (i < dateline ? w[0] + w.slice(1).toLowerCase() : w));
  const georgiaIsCountry = GEORGIA_COUNTRY_CUES.test(doc.text);
  for (let i = 0; i < tokens.length; i++) {
    if (doc.cover[i] >= 0) continue;
    const list = gaz.phrases.get(folded[i]);
    if (!list) continue;
    let hit: Phrase | null = null;
    for (const phrase of list) {
      const n = phrase.words.length;
      if (i + n > tokens.length) continue;
      let ok = true;
      for (let k = 0; k < n && ok; k++) ok = folded[i + k] === phrase.words[k] && tokens[i + k].sentence === tokens[i].sentence;
      if (ok) {
        hit = phrase;
        break;
      }
    }
    if (!hit) continue;
    const t1 = i + hit.words.length;
    if (!acceptHit(doc, gaz, hit, i, t1, georgiaIsCountry)) continue;
    const { start, end } = spanOf(doc, i, t1);
    let placed = false;
    // A country's name is the country, not also its capital of that name ("Luxembourg", "Singapore").
    const country = hit.targets.find((t) => t.kind === 'country' && t.form === 'name');
    for (const target of hit.targets) {
      if (country?.kind === 'country' && target.kind === 'place' && target.capitalOf === country.code) continue;
      const f = foundFor(target, i, t1, start, end);
      if (f) {
        addFound(doc, f);
        placed = true;
      }
    }
    if (placed) i = t1 - 1;
  }
  // A dateline's place the gazetteers do not know is still a place ("IRVINE, Calif."), when a date or a
  // dash marks it as one (a line in capitals alone may be a letterhead's name: "JAMES ABOUREZK"), unless
  // it ends in a common word ("BREAKING -", "UPDATE -").
  if (marked && doc.cover[0] < 0 && doc.cover[dateline - 1] < 0 && !gaz.commonWords.has(tokens[dateline - 1].text.toLowerCase())) {
    const { start, end } = spanOf(doc, 0, dateline);
    const name = doc.text.slice(start, end).toLowerCase().replace(/(^|[\s.'-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
    addFound(doc, { kind: 'PLACE', t0: 0, t1: dateline, start, end, key: placeKey(name), name });
  }
}

function foundFor(target: PhraseTarget, t0: number, t1: number, start: number, end: number): Found | null {
  if (target.kind === 'country') return { kind: 'COUNTRY', t0, t1, start, end, key: `country:${target.code}`, countryCode: target.code, countryForm: target.form };
  if (target.kind === 'place') return { kind: 'PLACE', t0, t1, start, end, key: target.key, name: target.name, countryCode: target.countryCode };
  if (target.contextOnly) return { kind: 'ORGANIZATION', t0, t1, start, end, key: target.key, name: target.name, countryCode: target.countryCode, pending: true };
  return { kind: 'ORGANIZATION', t0, t1, start, end, key: target.key, name: target.name, countryCode: target.countryCode };
}

function acceptHit(doc: Doc, gaz: Gazetteers, hit: Phrase, t0: number, t1: number, georgiaIsCountry: boolean): boolean {
  const { tokens } = doc;
  const text = hit.words.join(' ');
  const prev = t0 > 0 && tokens[t0 - 1].sentence === tokens[t0].sentence ? tokens[t0 - 1] : null;
  const next = t1 < tokens.length && tokens[t1].sentence === tokens[t0].sentence ? tokens[t1] : null;
  const onlyDemonym = hit.targets.every((t) => t.kind === 'country' && t.form === 'demonym');
  // Short all-capital aliases ("US", "UN") inside an all-capitals headline may be ordinary words.
  if (/^[A-Z]{2,3}$/.test(text) && shouting(doc, t0)) return false;
  // Part of a longer name: "Paris Hilton", "Denzel Washington", "Jordan Peterson".
  if (!onlyDemonym && hit.words.length === 1) {
    if (prev && isNameWord(prev.text) && gaz.givenNames.has(fold(prev.text)) && doc.cover[t0 - 1] < 0 && !tokens[t0 - 1].sentenceStart) return false;
    if (prev && isNameWord(prev.text) && gaz.givenNames.has(fold(prev.text)) && doc.cover[t0 - 1] < 0 && !COMMON_CAPITALIZED.has(prev.text.toLowerCase())) return false;
    // A capitalised small word goes on no name: "Preston, Victoria, Australia On Saturday, …" (a dateline).
    if (next && isNameWord(next.text) && !isTitleWord(next.text) && !ORG_HEADS.has(next.text.toLowerCase()) && !gaz.phrases.has(fold(next.text)) && !gaz.givenNames.has(fold(next.text)) && !COMMON_CAPITALIZED.has(next.text.toLowerCase())) {
      if (hit.targets.some((t) => t.kind === 'place' || (t.kind === 'country' && t.form !== 'alias'))) return false;
    }
  }
  if (stateAfterCity(doc, gaz, hit, t0, t1, prev)) return false;
  // "a Latin American country", "South American nations": a continent's people, not the United States'.
  if (text === 'American' && prev && CONTINENT_PEOPLE.test(`${prev.text} American`)) return false;
  // "US$ 20,000", "HK$500": a currency, not a mention of the country.
  if (hit.targets.every((t) => t.kind === 'country') && doc.text[spanOf(doc, t0, t1).end] === '$') return false;
  if (text === 'Georgia' && !georgiaIsCountry) {
    if (US_CONTEXT.test(doc.text)) {
      const { start, end } = spanOf(doc, t0, t1);
      addFound(doc, { kind: 'PLACE', t0, t1, start, end, key: 'place:georgia-us-state', name: 'Georgia', countryCode: 'US' });
    }
    return false;
  }
  if (AMBIGUOUS_COUNTRY_NAMES.has(text) && next && isNameWord(next.text) && !gaz.phrases.has(fold(next.text))) return false;
  if (WEAK_CAPITALS.has(text)) {
    const capitalOf = hit.targets.find((t) => t.kind === 'place' && t.capitalOf);
    const code = capitalOf && capitalOf.kind === 'place' ? capitalOf.capitalOf : undefined;
    const country = code ? gaz.countries.get(code) : undefined;
    if (!country || !doc.text.includes(country.name)) return false;
  }
  return true;
}

/** Offices held for a US state: "Senator Kirsten Gillibrand of New York", "the Governor of New York". */
const STATE_OFFICES = /^(?:senators?|sen\.|governor|gov\.|representatives?|rep\.|congress(?:wo)?man|assembly(?:wo)?man|legislators?|delegation)$/i;

/**
 * "Vancouver, Washington", "Albany, New York": a city's name after "<place>," is the state of that name
 * when there is one, and it places the city before the comma (not Vancouver in Canada, not the
 * capital); so is one after "of" or "from" that follows a state's office in the sentence ("Senator
 * Kirsten Gillibrand of New York", "the junior Senator from New York"), but not a mayor's.
 */
function stateAfterCity(doc: Doc, gaz: Gazetteers, hit: Phrase, t0: number, t1: number, prev: Doc['tokens'][number] | null): boolean {
  if (t0 < 2 || !hit.targets.some((t) => t.kind === 'place')) return false;
  const state = gaz.placesByKey.get(placeKey(`${hit.words.join(' ')} State`));
  if (!state) return false;
  const city = doc.cover[t0 - 2] >= 0 ? doc.found[doc.cover[t0 - 2]] : null;
  const before = doc.tokens.slice(Math.max(0, t0 - 8), t0 - 1).filter((t) => t.sentence === doc.tokens[t0].sentence).map((t) => t.text);
  const byOffice = /^(?:of|from)$/.test(prev?.text ?? '') && before.some((w) => STATE_OFFICES.test(w)) && !before.some((w) => /^(?:mayor|city)$/i.test(w));
  if (!byOffice && (prev?.text !== ',' || (city ? city.kind !== 'PLACE' : !isNameWord(doc.tokens[t0 - 2].text)))) return false;
  const { start, end } = spanOf(doc, t0, t1);
  addFound(doc, { kind: 'PLACE', t0, t1, start, end, key: state.key, name: state.name, countryCode: state.countryCode });
  if (!byOffice && city && city.countryCode !== state.countryCode) {
    city.key = placeKey(`${city.name} ${state.name}`);
    city.countryCode = state.countryCode;
  }
  return true;
}

/**
 * "Congress" is the US Congress only in an article about the US, and "House of Representatives"
 * only when nothing before it says whose: "the Libyan House of Representatives" is Libya's, "the
 * commonwealth's House of Representatives" a territory's. In an article about a country whose own body
 * the gazetteers know by a longer name ending in it, that body ("Congress" in an Indian article is the
 * Indian National Congress). Otherwise a generic body.
 */
export function resolveContextOrgs(doc: Doc, countries: Set<string>, gaz: Gazetteers): void {
  for (const f of doc.found) {
    if (f.kind !== 'ORGANIZATION' || !f.pending) continue;
    f.pending = false;
    const before = f.t0 > 0 && doc.tokens[f.t0 - 1].sentence === doc.tokens[f.t0].sentence ? f.t0 - 1 : -1;
    const owner = before >= 0 && doc.cover[before] >= 0 ? doc.found[doc.cover[before]] : null;
    const otherCountry = owner?.kind === 'COUNTRY' && owner.t1 === f.t0 && owner.countryCode !== f.countryCode ? owner.countryCode : undefined;
    // "the commonwealth's House of Representatives" is another's; "Hillary Clinton's Senate seat" is not.
    const possessor = before > 0 && doc.cover[before - 1] >= 0 ? doc.found[doc.cover[before - 1]] : null;
    const possessed = before >= 0 && /^['’]s$/.test(doc.tokens[before].text) && possessor?.kind !== 'PERSON';
    if (f.countryCode && countries.has(f.countryCode) && !otherCountry && !possessed) continue;
    const text = doc.text.slice(f.start, f.end);
    if (otherCountry) {
      const country = gaz.countries.get(otherCountry)!;
      f.key = `org:${otherCountry.toLowerCase()}-${slug(text)}`;
      f.name = `${country.demonyms[0] ?? country.name} ${text}`;
      f.countryCode = otherCountry;
      continue;
    }
    const lower = ` ${text.toLowerCase()}`;
    const own = [...gaz.orgsByKey.values()].filter((o) => o.countryCode && o.countryCode !== f.countryCode && countries.has(o.countryCode) && o.name.toLowerCase().endsWith(lower));
    if (own.length === 1 && !possessed) {
      f.key = own[0].key;
      f.name = own[0].name;
      f.countryCode = own[0].countryCode;
    } else {
      f.key = `org:${slug(text)}`;
      f.name = text;
      f.countryCode = undefined;
    }
  }
}
