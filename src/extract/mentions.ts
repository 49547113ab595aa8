/**
 * Finds entity mentions: gazetteer phrases first (countries and their demonyms, capitals and
 * metonyms, places, organisations), then capitalised sequences typed by the NER tagger when one
 * is loaded, and by title, name and context cues otherwise.
 */
import { addFound, removeFound, spanOf, type Doc, type Found } from './document.ts';
import type { Gazetteers, Phrase, PhraseTarget } from './gazetteers/index.ts';
import { isCommonWordName, placeKey } from './gazetteers/index.ts';
import {
  COMMON_CAPITALIZED,
  HONORIFICS,
  NAME_CONNECTORS,
  NATIONAL_BODIES,
  NEVER_PERSON,
  OCCUPATIONS,
  NOT_NAME_WORDS,
  OFFICE_HEADS,
  ORG_HEADS,
  PLACE_HEADS,
  RELIGION_ADJECTIVES,
  SPEECH_VERBS,
  TITLE_MODIFIERS,
} from './lexicon.ts';
import { fold, isCapitalized, nameKey, nameWordKey, slug } from './text.ts';
import type { NerSpan } from './ner-bridge.ts';

/** Country names that are also given names or US states: a country only when the context says so. */
const AMBIGUOUS_COUNTRY_NAMES = new Set(['Georgia', 'Jordan', 'Chad', 'Niger', 'Guinea', 'Israel', 'Victoria', 'Hamilton', 'Douglas', 'Stanley', 'Kingston', 'Male', 'Plymouth', 'Jamestown', 'Georgetown', 'Sofia', 'Lima', 'Santiago', 'Victoria']);
/** Capitals that are only taken with a country context (they are ordinary names too). */
const WEAK_CAPITALS = new Set(['Hamilton', 'Victoria', 'Douglas', 'Stanley', 'Kingston', 'Male', 'Plymouth', 'Jamestown', 'Georgetown', 'The Valley', 'Road Town', 'West Island', 'Saint-Denis', 'Castries', 'Praia', 'Victoria', 'Sucre', 'Apia', 'Alofi', 'Avarua', 'Dili', 'Juba', 'Kotte']);
const GEORGIA_COUNTRY_CUES = /\b(?:Tbilisi|Georgian|Caucasus|Abkhazia|South Ossetia|Saakashvili|Ivanishvili|Zourabichvili)\b/;
/** Capitalised words that end a name: "John Tory on Tuesday", "Kamloops This Week". */
const RUN_BREAKERS = new Set(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'This', 'That', 'These', 'Those', 'The', 'A', 'An']);
const US_CONTEXT = /\b(?:United States|U\.S\.|US|American|Atlanta|Savannah)\b/;
const PLACE_PREPOSITIONS = new Set(['in', 'near', 'outside', 'across', 'throughout', 'around']);

/** ASCII letters that can open a lower-case name particle ("al-", "van", "d'"): see isNameWord. */
const PARTICLE_INITIALS = new Set([...'abdeilv'].map((c) => c.charCodeAt(0)));

/** Answers of isNameWord for the words that need its regular expressions (bounded). */
const nameWordCache = new Map<string, boolean>();

export function isNameWord(text: string): boolean {
  // Quick no: an ASCII first character that is neither a capital nor the start of a particle
  // (digits, punctuation, most lower-case words) matches neither pattern below.
  const c = text.charCodeAt(0);
  if (c < 128 && !(c >= 65 && c <= 90) && !PARTICLE_INITIALS.has(c)) return false;
  let answer = nameWordCache.get(text);
  if (answer === undefined) {
    answer = nameWordShape(text);
    if (nameWordCache.size >= 100_000) nameWordCache.clear();
    nameWordCache.set(text, answer);
  }
  return answer;
}

function nameWordShape(text: string): boolean {
  if (/^I['’]/.test(text)) return false; // I'd, I've
  if (/-(?:based|backed|led|born|owned|linked|style|era|funded|made|run|controlled|affiliated|aligned)$/i.test(text)) return false;
  if (text === 'Image') return false; // Wikinews caption marker
  return /^\p{Lu}[\p{L}\p{M}'’.-]*$/u.test(text) || /^(?:al|el|bin|ibn|de|van|von|da|di|du|del|la|le|d|O)[-'’]\p{Lu}/u.test(text);
}

function isWordToken(text: string): boolean {
  return /^[\p{L}\p{N}]/u.test(text);
}

/** Step 1: gazetteer phrases, longest match first, case-sensitive on folded text. */
export function matchGazetteers(doc: Doc, gaz: Gazetteers): void {
  const { tokens, folded } = doc;
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
    for (const target of hit.targets) {
      const f = foundFor(target, i, t1, start, end);
      if (f) {
        addFound(doc, f);
        placed = true;
      }
    }
    if (placed) i = t1 - 1;
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
    if (next && isNameWord(next.text) && !isTitleWord(next.text) && !ORG_HEADS.has(next.text.toLowerCase()) && !gaz.phrases.has(fold(next.text)) && !gaz.givenNames.has(fold(next.text))) {
      if (hit.targets.some((t) => t.kind === 'place' || (t.kind === 'country' && t.form !== 'alias'))) return false;
    }
  }
  if (stateAfterCity(doc, gaz, hit, t0, t1, prev)) return false;
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

/**
 * "Vancouver, Washington", "Spokane, Washington": a capital's name after "<place>," is the state of
 * that name, and it places the city before the comma (not Vancouver in Canada, not the capital).
 */
function stateAfterCity(doc: Doc, gaz: Gazetteers, hit: Phrase, t0: number, t1: number, prev: Doc['tokens'][number] | null): boolean {
  if (prev?.text !== ',' || t0 < 2 || !hit.targets.some((t) => t.kind === 'place' && t.capitalOf)) return false;
  const state = gaz.placesByKey.get(placeKey(`${hit.words.join(' ')} State`));
  const city = doc.cover[t0 - 2] >= 0 ? doc.found[doc.cover[t0 - 2]] : null;
  if (!state || (city ? city.kind !== 'PLACE' : !isNameWord(doc.tokens[t0 - 2].text))) return false;
  const { start, end } = spanOf(doc, t0, t1);
  addFound(doc, { kind: 'PLACE', t0, t1, start, end, key: state.key, name: state.name, countryCode: state.countryCode });
  if (city && city.countryCode !== state.countryCode) {
    city.key = placeKey(`${city.name} ${state.name}`);
    city.countryCode = state.countryCode;
  }
  return true;
}

/** Per document, the sentences known to be written in capitals or not. */
const shoutingSentences = new WeakMap<Doc, Map<number, boolean>>();

/** Is the sentence of token t written in capitals (a headline, a letter's shouting)? */
function shouting(doc: Doc, t: number): boolean {
  const s = doc.tokens[t].sentence;
  let known = shoutingSentences.get(doc);
  if (!known) shoutingSentences.set(doc, (known = new Map()));
  let answer = known.get(s);
  if (answer === undefined) {
    const letters = doc.sentences[s].text.replace(/[^A-Za-z]/g, '');
    answer = letters.length > 12 && letters === letters.toUpperCase();
    known.set(s, answer);
  }
  return answer;
}

function isTitleWord(text: string): boolean {
  const w = text.toLowerCase();
  return OFFICE_HEADS.has(w) || TITLE_MODIFIERS.has(w) || HONORIFICS.has(text);
}

/** Is the token a title head (office, occupation or honorific)? */
export function isTitleHead(text: string): boolean {
  const w = text.toLowerCase();
  return OFFICE_HEADS.has(w) || OCCUPATIONS.has(w) || HONORIFICS.has(text) || /^\p{Lu}?\p{Ll}{3,}(?:ologist|ician)$/u.test(text);
}

/** British motorway and A/B road numbers: M1, M62, A1M, A64, A1237, B1224. */
const ROAD_NUMBER = /^(?:M\d{1,3}|A\d{1,4}M?|B\d{3,4})$/;

/** Heads of natural features that a place's name may end in, written in lower case ("Bohai sea"). */
const FEATURE_HEADS = new Set(['sea', 'ocean', 'river', 'lake', 'bay', 'gulf', 'strait', 'mountains', 'island', 'islands', 'desert', 'canyon', 'valley']);

interface Run {
  t0: number;
  t1: number;
  ner?: NerSpan['type'];
}

/** Step 2: capitalised sequences (and NER spans) not covered by the gazetteers. */
export function findNames(doc: Doc, gaz: Gazetteers, ner: NerSpan[] | null): void {
  const runs: Run[] = [];
  const claimed = new Uint8Array(doc.tokens.length);
  if (ner) {
    ner = ner.flatMap((span) => splitJoinedSpan(span, gaz));
    absorbDemonymsIntoNames(doc, ner);
    ner = extendOverAnd(doc, ner);
    absorbPlacesIntoNames(doc, ner);
    // A tagger span is trimmed to its capitalised words; a tagger whose spans mostly need
    // trimming is not trusted for this document (a model in training can be far off).
    let misshapen = 0;
    const kept: Run[] = [];
    for (const span of ner) {
      const a = firstTokenAt(doc, span.start);
      const b = lastTokenBefore(doc, span.end);
      let t0 = a;
      let t1 = b;
      let reshaped = false;
      // Words a gazetteer already took ("Russian" before "Foreign Ministry") are trimmed without
      // counting against the tagger: only words that are not name-shaped do.
      // A road's number the tagger calls a place is its name ("the M1", "the A64", "A1237").
      // So is a natural feature's head written in lower case at its end ("the Bohai sea", "East China sea").
      const shaped = (i: number) =>
        isNameWord(doc.tokens[i].text) || (span.type === 'LOC' && (ROAD_NUMBER.test(doc.tokens[i].text) || (i === b - 1 && i > a && FEATURE_HEADS.has(doc.tokens[i].text) && isNameWord(doc.tokens[i - 1].text))));
      while (t0 < t1 && (doc.cover[t0] >= 0 || !shaped(t0))) reshaped = doc.cover[t0++] < 0 || reshaped;
      while (t1 > t0 && (doc.cover[t1 - 1] >= 0 || !shaped(t1 - 1))) reshaped = doc.cover[--t1] < 0 || reshaped;
      if (reshaped) misshapen++;
      if (t1 <= t0) continue;
      let inside = false;
      for (let i = t0; i < t1; i++) if (doc.cover[i] >= 0) inside = true;
      if (inside) continue;
      kept.push({ t0, t1, ner: span.type });
    }
    if (ner.length === 0 || misshapen / ner.length <= 0.4) {
      for (const run of kept) {
        for (let i = run.t0; i < run.t1; i++) claimed[i] = 1;
        runs.push(run);
      }
    }
  }
  const { tokens } = doc;
  for (let i = 0; i < tokens.length; i++) {
    if (claimed[i] || doc.cover[i] >= 0 || !isNameWord(tokens[i].text)) continue;
    let j = i + 1;
    while (j < tokens.length && tokens[j].sentence === tokens[i].sentence && !claimed[j] && doc.cover[j] < 0) {
      const t = tokens[j].text;
      // A short all-capitals word after a name is an acronym or shouting ("Volker IS heading").
      if (isNameWord(t) && !(/^[A-Z]{2,3}$/.test(t) && /\p{Ll}/u.test(tokens[j - 1].text)) && !RUN_BREAKERS.has(t)) {
        j++;
        continue;
      }
      // "and"/"on" join organisation names ("Department of Health and Human Services"), not two people.
      const joins = NAME_CONNECTORS.has(t) && ((t !== 'and' && t !== '&' && t !== 'on') || tokens.slice(i, j).some((x) => x.text === 'of' || ORG_HEADS.has(x.text.toLowerCase())));
      if (joins && j + 1 < tokens.length && isNameWord(tokens[j + 1].text) && doc.cover[j + 1] < 0 && !claimed[j + 1] && tokens[j + 1].sentence === tokens[i].sentence) {
        j += 2;
        continue;
      }
      break;
    }
    runs.push({ t0: i, t1: j });
    i = j - 1;
  }
  runs.sort((a, b) => a.t0 - b.t0);
  for (const run of runs) classifyRun(doc, gaz, run);
}

/**
 * The tagger runs names together across "in", "at", a possessive, brackets, a spaced dash or slash:
 * "Vvedenskoye Cemetery in Moscow", "Charles Ryder in Julian Jarrold", "Michigan State University's
 * Broad Art Museum", "CERB (Canada Emergency Response Benefit", "East / West Avenue" are two names
 * each. Titles of works (MISC) are left whole ("A Month in the Country").
 */
function splitJoinedSpan(span: NerSpan, gaz: Gazetteers): NerSpan[] {
  if (span.type === 'MISC') return [span];
  const pieces: NerSpan[] = [];
  let from = 0;
  const cut = (to: number, next: number) => {
    const text = span.text.slice(from, to);
    if (text.trim()) pieces.push({ type: span.type, start: span.start + from, end: span.start + to, text });
    from = next;
  };
  // "&" joins two people or places ("Tempe & Mesa") but belongs to a company's name ("Procter & Gamble").
  const joiners = span.type === 'ORG' ? /\s+(?:in|at)\s+|['’]s\s+|\s*[()[\]]\s*|\s+[/–—-]\s+/g : /\s+(?:in|at)\s+|['’]s\s+|\s*[()[\]]\s*|\s+[/–—&-]\s+/g;
  for (const m of span.text.matchAll(joiners)) {
    // "Korean People's Army", "Children's Hospital": a common word's possessive is inside the name,
    // unless a given name follows ("New People's Party's Regina Ip": the party's member).
    const after = /^\S+/.exec(span.text.slice(m.index + m[0].length))?.[0] ?? '';
    if (/^['’]/.test(m[0]) && isCommonWordName(gaz, /\S+$/.exec(span.text.slice(0, m.index))?.[0] ?? '') && !gaz.givenNames.has(fold(after))) continue;
    cut(m.index, m.index + m[0].length);
  }
  cut(span.text.length, span.text.length);
  return pieces;
}

/**
 * A place or country the gazetteers found inside a longer name the tagger found is part of that
 * name: "Massachusetts Institute of Technology", "Southern California", "George Washington" are not
 * Massachusetts, California or Washington; "Wikimedia Commons" is not the House of Commons (an alias
 * that counts only in context). Demonyms stay ("Russian Foreign Ministry" is read from them) and so
 * do gazetteer organisations named outright (their keys are better than the tagger's span).
 */
function absorbPlacesIntoNames(doc: Doc, ner: NerSpan[]): void {
  const gone = new Set<Found>();
  for (const span of ner) {
    const a = firstTokenAt(doc, span.start);
    let b = lastTokenBefore(doc, span.end);
    // "Colorado State University of the US": a country after "of the" at the end says where the name is.
    const last = b > a && doc.cover[b - 1] >= 0 ? doc.found[doc.cover[b - 1]] : null;
    if (last?.kind === 'COUNTRY' && last.t1 === b && last.t0 - 2 > a && doc.tokens[last.t0 - 1].text === 'the' && doc.tokens[last.t0 - 2].text === 'of') b = last.t0 - 2;
    const inside: Found[] = [];
    let free = 0;
    for (let i = a; i < b; i++) {
      const f = doc.cover[i] >= 0 ? doc.found[doc.cover[i]] : null;
      if (!f) {
        if (isNameWord(doc.tokens[i].text)) free++;
        continue;
      }
      if (f.t0 < a || f.t1 > b || (f.kind === 'ORGANIZATION' && !f.pending) || f.kind === 'PERSON' || f.countryForm === 'demonym') {
        free = 0;
        break;
      }
      if (!inside.includes(f)) inside.push(f);
    }
    if (free === 0 || inside.length === 0) continue;
    // Every span on those tokens goes (a capital is both a place and its country).
    for (const f of doc.found) if (f.t0 < b && f.t1 > a) gone.add(f);
  }
  if (gone.size > 0) removeFound(doc, gone);
}

/**
 * A demonym that opens an organisation's name the tagger found is part of the name: "the American
 * Academy of Pediatrics", "the Russian Orthodox Church", "the British Red Cross" are bodies of their
 * own, not the United States, Russia or the United Kingdom beside an "Academy of Pediatrics". A
 * national body ("Russian Foreign Ministry") is left to the national-body rule, an acronym ("German
 * BND") to the acronym rules.
 */
/**
 * The tagger cuts a body's name at "and": "Office of Science" + "and Technology Policy", "Centre for
 * Irish" + "and Scottish Studies", "Union of Rationalist Atheists" + "and Agnostics". A name with
 * "of", "for" or "on" goes on over "and" and the capitalised words after it (up to a title: "…
 * Policy Acting Director"); demonyms inside it are part of the name.
 */
const TITLE_OPENERS = /^(?:Acting|Deputy|Former|Interim|Chief|Senior)$/;

function extendOverAnd(doc: Doc, ner: NerSpan[]): NerSpan[] {
  const { tokens } = doc;
  const out: NerSpan[] = [];
  const gone = new Set<Found>();
  for (let k = 0; k < ner.length; k++) {
    let span = ner[k];
    out.push(span);
    if (span.type !== 'ORG' || !/\s(?:of|for|on)\s/.test(span.text)) continue;
    const a = firstTokenAt(doc, span.start);
    const t = lastTokenBefore(doc, span.end);
    if (t + 1 >= tokens.length || tokens[t].text !== 'and' || tokens[t].sentence !== tokens[a].sentence) continue;
    // Not when a place ends the name ("Bank of England and Barclays") or a name of another kind follows.
    const lastFound = doc.cover[t - 1] >= 0 ? doc.found[doc.cover[t - 1]] : null;
    if ((lastFound && lastFound.countryForm !== 'demonym') || ner.some((o) => o.type !== 'MISC' && o.start === tokens[t + 1].start)) continue;
    const demonymAt = (i: number) => doc.cover[i] >= 0 && doc.found[doc.cover[i]].countryForm === 'demonym';
    let e = t + 1;
    while (e < tokens.length && tokens[e].sentence === tokens[t].sentence && isNameWord(tokens[e].text) && !isTitleHead(tokens[e].text) && !TITLE_OPENERS.test(tokens[e].text) && (doc.cover[e] < 0 || demonymAt(e))) e++;
    if (e === t + 1) continue;
    const end = tokens[e - 1].end;
    span = { ...span, end, text: doc.text.slice(span.start, end) };
    out[out.length - 1] = span;
    for (let i = a; i < e; i++) if (demonymAt(i)) gone.add(doc.found[doc.cover[i]]);
    // Spans the longer name now covers go; one that runs past it keeps its rest.
    while (k + 1 < ner.length && ner[k + 1].start < end) {
      const next = ner[++k];
      if (next.end > end && e < tokens.length) out.push({ ...next, start: tokens[e].start, text: doc.text.slice(tokens[e].start, next.end) });
    }
  }
  if (gone.size > 0) removeFound(doc, gone);
  return out;
}

/** A demonym before these is whose the organ is ("the Cuban Consulate", "the Argentine State"), not part of a name. */
const STATE_ORGANS = new Set(['state', 'government', 'embassy', 'consulate', 'army', 'navy', 'military', 'police', 'ministry', 'parliament', 'administration']);

function absorbDemonymsIntoNames(doc: Doc, ner: NerSpan[]): void {
  const gone = new Set<Found>();
  for (let k = 0; k < ner.length; k++) {
    const span = ner[k];
    if (span.type !== 'ORG') continue;
    let a = firstTokenAt(doc, span.start);
    const b = lastTokenBefore(doc, span.end);
    // The tagger often leaves the demonym out on its own ("Italian" + "Episcopal Conference").
    const before = a > 0 && doc.cover[a - 1] >= 0 ? doc.found[doc.cover[a - 1]] : null;
    if (doc.cover[a] < 0 && before && before.t1 === a && before.countryForm === 'demonym' && doc.tokens[before.t0].sentence === doc.tokens[a].sentence) a = before.t0;
    const f = a < b && doc.cover[a] >= 0 ? doc.found[doc.cover[a]] : null;
    if (!f || f.kind !== 'COUNTRY' || f.countryForm !== 'demonym' || f.t0 !== a || f.t1 >= b) continue;
    // The rest is the tagger's alone, or one international body a gazetteer knows ("British Red Cross").
    const org = doc.cover[f.t1] >= 0 ? doc.found[doc.cover[f.t1]] : null;
    const owned = org !== null && org.kind === 'ORGANIZATION' && !org.pending && org.t0 === f.t1 && org.t1 === b && org.countryCode === undefined;
    let free = true;
    for (let i = f.t1; i < b && free; i++) free = doc.cover[i] < 0;
    const rest = doc.tokens.slice(f.t1, b).map((t) => t.text);
    const head = rest[rest.length - 1].toLowerCase();
    if (!(free || owned) || !rest.some(isNameWord) || NATIONAL_BODIES[rest.join(' ').toLowerCase()] || STATE_ORGANS.has(head) || (rest.length === 1 && /^[A-Z]{2,}$/.test(rest[0]))) continue;
    gone.add(f);
    if (owned) gone.add(org);
    const { start, end, text } = spanOf(doc, f.t0, b);
    ner[k] = { ...span, start, end, text };
  }
  if (gone.size > 0) removeFound(doc, gone);
}

function firstTokenAt(doc: Doc, pos: number): number {
  let lo = 0;
  let hi = doc.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.tokens[mid].end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function lastTokenBefore(doc: Doc, pos: number): number {
  let i = firstTokenAt(doc, pos);
  while (i < doc.tokens.length && doc.tokens[i].start < pos) i++;
  return i;
}

/** Where a title written before a name begins and ends: "Deputy Emergency Situations Minister", "Secretary of State". */
export function titlePrefix(doc: Doc, t0: number, t1: number): { end: number; honorific: boolean; office: boolean } {
  const { tokens } = doc;
  let k = t0;
  let end = t0;
  let honorific = false;
  let office = false;
  while (k < t1) {
    const text = tokens[k].text;
    const w = text.toLowerCase();
    if (HONORIFICS.has(text)) {
      honorific = true;
      end = ++k;
      continue;
    }
    if (isTitleHead(text) && !HONORIFICS.has(text)) {
      office = office || OFFICE_HEADS.has(w);
      end = ++k;
      continue;
    }
    if (TITLE_MODIFIERS.has(w)) {
      k++;
      continue;
    }
    if ((w === 'of' || w === 'for') && k > t0 && k + 1 < t1 && TITLE_MODIFIERS.has(tokens[k + 1].text.toLowerCase()) && end === k) {
      // "Secretary of State", "Minister for Foreign Affairs": the complement belongs to the title.
      let m = k + 1;
      while (m < t1 && (TITLE_MODIFIERS.has(tokens[m].text.toLowerCase()) || tokens[m].text === 'and')) m++;
      end = k = m;
      continue;
    }
    // An unknown capitalised word directly before an office: "Brexit Secretary".
    if (k + 1 < t1 && OFFICE_HEADS.has(tokens[k + 1].text.toLowerCase()) && /^(?:minister|secretary)$/i.test(tokens[k + 1].text)) {
      k++;
      continue;
    }
    break;
  }
  return { end, honorific, office };
}

function lowerAt(doc: Doc, i: number): string {
  return i >= 0 && i < doc.tokens.length ? doc.tokens[i].text.toLowerCase() : '';
}

/** A lower-case title or occupation right before position t0: "biologist X", "ambassador to NATO X". */
function cueBefore(doc: Doc, t0: number): boolean {
  const s = doc.tokens[t0].sentence;
  const at = (i: number) => (i >= 0 && doc.tokens[i].sentence === s ? doc.tokens[i].text : '');
  if (isTitleHead(at(t0 - 1))) return true;
  // "ambassador to NATO Kurt Volker": the complement is a name, not "the".
  if (/^(?:to|for|of|at)$/.test(at(t0 - 2)) && isTitleHead(at(t0 - 3)) && /^\p{Lu}/u.test(at(t0 - 1))) return true;
  return false;
}

function speechAround(doc: Doc, t0: number, t1: number): boolean {
  const s = doc.tokens[t0].sentence;
  const after = t1 < doc.tokens.length && doc.tokens[t1].sentence === s ? lowerAt(doc, t1) : '';
  const after2 = t1 + 1 < doc.tokens.length && doc.tokens[t1 + 1].sentence === s ? lowerAt(doc, t1 + 1) : '';
  const before = t0 > 0 && doc.tokens[t0 - 1].sentence === s ? lowerAt(doc, t0 - 1) : '';
  if (SPEECH_VERBS.has(after) && after !== 'calls' && after !== 'claims') return true;
  if ((after === 'has' || after === 'had' || after === 'also' || after === 'then' || after === 'later') && SPEECH_VERBS.has(after2)) return true;
  return before === 'said' || before === 'says' || before === 'according';
}

const NAME_PARTICLES = new Set(['de', 'du', 'da', 'das', 'dos', 'del', 'della', 'di', 'van', 'von', 'der', 'den', 'la', 'le', 'les', 'el', 'al', 'los', 'las']);

/** "A. Inca" opening a line of a multiple-choice list (at least two lines open with such a letter): the letter labels the option. */
function optionLabel(doc: Doc, t: number): boolean {
  const { text, start } = doc.tokens[t];
  if (!/^[A-F]\.$/.test(text) || (start > 0 && doc.text[start - 1] !== '\n')) return false;
  return (doc.text.match(/(?:^|\n)[A-F]\. \S/g) ?? []).length >= 2;
}

/** "the Korean peninsula", "Mayan history", "the Hegelian definition": a proper adjective, not a name. */
const PROPER_ADJECTIVE = /^\p{Lu}\p{Ll}+(?:ian|ean|an)$/u;

const FIELDS = /(?:ology|ologies|^linguistics|^physics|^mathematics|^maths?|^economics|^statistics|^genetics|^politics|^ethics|^philosophy|^sciences?|^counsel+ing|^engineering|^medicine|^education|^literature)$/;

/** "a Ph.D. in Linguistics", "a Master of Education in Sport Psychology", "So far in Math": a field of study, not a place. */
function fieldOfStudy(doc: Doc, t0: number, t1: number): boolean {
  if (t0 === 0 || doc.tokens[t0 - 1].text !== 'in' || t1 - t0 > 3) return false;
  const words = doc.tokens.slice(t0, t1).map((t) => t.text.toLowerCase());
  return FIELDS.test(words[words.length - 1]) && !words.some((w) => ORG_HEADS.has(w) || w === 'of');
}

/** "the Epis. church", "a test Tues. nite": a word cut short by a period that the sentence goes on after, in lower case. */
function abbreviatedWord(doc: Doc, t1: number): boolean {
  return t1 + 1 < doc.tokens.length && doc.tokens[t1].text === '.' && doc.tokens[t1].end === doc.tokens[t1].start + 1 && doc.tokens[t1].start === doc.tokens[t1 - 1].end && /^\p{Ll}/u.test(doc.tokens[t1 + 1].text);
}

const NOT_NOUNS = new Set(['is', 'was', 'are', 'were', 'has', 'had', 'have', 'will', 'would', 'can', 'could', 'and', 'or', 'et', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'who', 'which', 'that', 'also']);

/** One word seen once, shaped like a proper adjective and followed by a lower-case noun. */
function properAdjective(doc: Doc, t0: number, t1: number): boolean {
  if (t1 - t0 !== 1 || t1 >= doc.tokens.length || doc.tokens[t1].sentence !== doc.tokens[t0].sentence) return false;
  const word = doc.tokens[t0].text;
  const next = doc.tokens[t1].text;
  if (!PROPER_ADJECTIVE.test(word) || /man$/.test(word) || !/^\p{Ll}+$/u.test(next) || NOT_NOUNS.has(next) || SPEECH_VERBS.has(next) || /ed$/.test(next)) return false;
  return doc.text.indexOf(word) === doc.text.lastIndexOf(word);
}

function classifyRun(doc: Doc, gaz: Gazetteers, run: Run): void {
  const { tokens } = doc;
  let { t0, t1 } = run;
  if (t1 - t0 >= 2 && optionLabel(doc, t0)) t0++;
  // Drop opening words capitalised only because they start the sentence ("Following", "Despite").
  while (t0 < t1) {
    const text = tokens[t0].text;
    const w = text.toLowerCase();
    if (HONORIFICS.has(text) || isTitleHead(text)) break;
    const opener = tokens[t0].sentenceStart || (t0 > 0 && /^["“‘'(]$/.test(tokens[t0 - 1].text));
    // A name of several words the tagger found keeps its first word ("Team Estonia", "Rock and Roll
    // Hall of Fame"), and mid-sentence even a common one ("the New Zealand Herald").
    const taggedName = run.ner !== undefined && t1 - t0 > 1;
    const common = COMMON_CAPITALIZED.has(w) && !(taggedName && !opener);
    // An article or particle opening a name the tagger found is part of it: "La Désirade", "El Castillo", "Al Wakrah Stadium", "De Certeau".
    if (taggedName && NAME_PARTICLES.has(w) && isNameWord(tokens[t0 + 1].text)) break;
    if (common || NAME_CONNECTORS.has(w) || (opener && !taggedName && doc.lowerWords.has(w) && !gaz.givenNames.has(text))) t0++;
    else break;
  }
  while (t1 > t0 && NAME_CONNECTORS.has(tokens[t1 - 1].text.toLowerCase())) t1--;
  // Words written in capitals for emphasis or in a letterhead ("FROM Schenectady N.Y.", "RUTH AGAIN",
  // "ROOMATES RUTH RASER"): a common word in capitals at either end is not part of the name.
  const shoutedCommon = (i: number) => /^[A-Z]{2,}$/.test(tokens[i].text) && !/^(?:NORTH|SOUTH|EAST|WEST|NEW|SAINT|ST|UPPER|LOWER|GREAT)$/.test(tokens[i].text) && gaz.commonWords.has(tokens[i].text.toLowerCase()) && !gaz.givenNames.has(fold(tokens[i].text));
  while (t1 - t0 > 1 && shoutedCommon(t0)) t0++;
  while (t1 - t0 > 1 && shoutedCommon(t1 - 1)) t1--;
  if (t1 <= t0) return;

  const demonym = demonymBefore(doc, t0);
  const words = tokens.slice(t0, t1).map((t) => t.text);
  const lower = words.map((w) => w.toLowerCase());
  const last = lower[lower.length - 1];

  // Organisations: "Foreign Ministry" after a demonym, "Ministry of Foreign Affairs", "... Agency".
  const bodyName = lower.join(' ');
  if (demonym && NATIONAL_BODIES[bodyName]) {
    const code = demonym.countryCode!;
    const country = gaz.countries.get(code)!;
    const startTok = demonym.t0;
    const { start, end } = spanOf(doc, startTok, t1);
    addFound(doc, {
      kind: 'ORGANIZATION',
      t0: startTok,
      t1,
      start,
      end,
      key: `org:${code.toLowerCase()}-${NATIONAL_BODIES[bodyName]}`,
      name: `${country.demonyms[0] ?? country.name} ${words.join(' ')}`,
      countryCode: code,
    });
    return;
  }
  // "University of California", "Bank of England": an organisation named after a place.
  if (ORG_HEADS.has(lower[0]) && run.ner !== 'PER' && t1 + 1 < tokens.length && /^(?:of|for|on)$/.test(tokens[t1].text) && doc.cover[t1 + 1] >= 0) {
    const place = doc.found[doc.cover[t1 + 1]];
    if (place.kind === 'PLACE' || place.kind === 'COUNTRY') return addOrg(doc, gaz, t0, place.t1, place.countryCode);
  }
  const orgLike = (t1 - t0 >= 2 || run.ner === 'ORG') && run.ner !== 'PER' && (ORG_HEADS.has(last) || (ORG_HEADS.has(lower[0]) && lower.some((w) => w === 'of' || w === 'on' || w === 'for')));
  if (orgLike) return addOrg(doc, gaz, t0, t1, demonym?.countryCode);
  if (t1 - t0 >= 2 && PLACE_HEADS.has(last) && run.ner !== 'PER') return addPlace(doc, t0, t1);

  let title = titlePrefix(doc, t0, t1);
  // "Dean Kamen", "Earl Warren": to the tagger a given name that is also a title is the given name.
  if (run.ner === 'PER' && title.end > t0 && title.end === t1 - 1 && !title.honorific && gaz.givenNames.has(fold(tokens[title.end - 1].text))) title = { end: title.end - 1, honorific: false, office: false };
  if (title.end === t0) {
    // A title inside the sequence: "ABS-CBN CEO Carlo Katigbak" → an organisation, then a person.
    for (let k = t0 + 1; k < t1 - 1; k++) {
      if (!isTitleHead(tokens[k].text) || !/^\p{Lu}/u.test(tokens[k].text)) continue;
      let m = k;
      while (m > t0 && TITLE_MODIFIERS.has(tokens[m - 1].text.toLowerCase())) m--;
      const inner = titlePrefix(doc, m, t1);
      // "… of Major League Baseball": a title word before an organisation's head is part of its name.
      let orgAfter = false;
      for (let i = inner.end; i < t1 && !orgAfter; i++) orgAfter = ORG_HEADS.has(tokens[i].text.toLowerCase());
      if (inner.end > m && inner.end < t1 && m > t0 && !orgAfter) {
        classifyRun(doc, gaz, { t0, t1: m, ner: run.ner });
        t0 = m;
        title = inner;
      }
      break;
    }
  }

  if (OFFICE_HEADS.has(tokens[t1 - 1].text.toLowerCase()) && run.ner !== 'PER') return; // "Chess Federation President"
  let n0 = title.end;
  if (n0 >= t1) return; // a title without a name ("the President said")
  // "Doug Collins of Georgia", "Eugene Volokh of UCLA School of Law": the person ends at "of".
  for (let k = n0 + 1; k < t1 - 1; k++) {
    if (tokens[k].text !== 'of') continue;
    if (title.end > t0 || gaz.givenNames.has(fold(tokens[n0].text))) {
      classifyRun(doc, gaz, { t0: k + 1, t1 });
      t1 = k;
    }
    break;
  }
  if (NAME_CONNECTORS.has(tokens[n0].text)) return; // "Speaker of the House", "CEO of Massey Energy"
  const nameWords = tokens.slice(n0, t1).map((t) => t.text);
  const single = nameWords.length === 1;
  const personKnown = !single && gaz.peopleByName.has(nameKey(nameWords.join(' ')));
  const joined = nameWords.join(' ');
  // An acronym the tagger calls an organisation ("KPA", "HBO") is one, unless the sentence shouts.
  if (run.ner === 'ORG' && single && /^[A-Z]{2,6}$/.test(joined) && !shouting(doc, n0)) return addOrg(doc, gaz, n0, t1, demonym?.countryCode);
  const never =
    NEVER_PERSON.has(joined.toLowerCase()) ||
    /^[A-Z]{1,2}$/.test(nameWords.join('')) ||
    // Initials alone ("Duckworth, A. L.", "H. R. 1280") are no one's name.
    nameWords.every((w) => /^\p{Lu}\.?$/u.test(w)) ||
    (nameWords.length === 1 && RELIGION_ADJECTIVES.has(joined.toLowerCase())) ||
    (run.ner !== 'PER' &&
      nameWords.length === 1 &&
      (/^[A-Z]{2,}$/.test(joined) || NOT_NAME_WORDS.has(joined.toLowerCase()) || ORG_HEADS.has(joined.toLowerCase()) || /(?:ific|ical|tive|ous|ary|ism)$/.test(joined)));
  if (never || properAdjective(doc, n0, t1) || fieldOfStudy(doc, n0, t1) || (single && abbreviatedWord(doc, t1))) return;
  const cue = title.end > t0 || cueBefore(doc, n0) || speechAround(doc, n0, t1);
  const { start, end } = spanOf(doc, n0, t1);
  const person = (pending = false): void => {
    // Whatever the cue, "… School of Law said" is not a person.
    if (run.ner !== 'PER' && lower.slice(n0 - t0).some((w) => ORG_HEADS.has(w) || NOT_NAME_WORDS.has(w))) {
      // A title word the tagger put inside the name is part of it: "Major League Baseball".
      if (lower.slice(n0 - t0).some((w) => ORG_HEADS.has(w))) addOrg(doc, gaz, run.ner && !title.honorific ? t0 : n0, t1, demonym?.countryCode);
      return;
    }
    addFound(doc, { kind: 'PERSON', t0: n0, t1, start, end, titleT0: title.end > t0 ? t0 : undefined, cue, pending });
  };

  if (run.ner === 'PER') return person();
  if (cue && (run.ner === undefined || run.ner === 'MISC')) return person();
  if (personKnown) return person();
  // "Vinita, OK", "Paramus, NJ", "Nacogdoches, Texas": a name before a comma and a state is a town, whatever the tagger says.
  const stateAfter = run.ner !== 'LOC' && title.end === t0 ? followedByState(doc, gaz, t1) : undefined;
  if (stateAfter) return addPlace(doc, n0, t1, stateAfter);
  if (run.ner === 'ORG') return addOrg(doc, gaz, title.honorific ? n0 : t0, t1, demonym?.countryCode);
  if (run.ner === 'LOC') return addPlace(doc, n0, t1);
  if (run.ner === 'MISC') return;
  // Without a tagger: names by their shape.
  const lowerName = nameWords.map((w) => w.toLowerCase());
  const nameShaped =
    gaz.givenNames.has(fold(nameWords[0])) &&
    nameWords.every((w) => isNameWord(w)) &&
    !lowerName.some((w) => ORG_HEADS.has(w) || NOT_NAME_WORDS.has(w) || COMMON_CAPITALIZED.has(w)) &&
    !lowerName.slice(1).some((w) => doc.lowerWords.has(w) && w.length > 3 && !gaz.peopleBySurname.has(nameWordKey(w)));
  if (!single && nameShaped) return person();
  const prev = n0 > 0 && tokens[n0 - 1].sentence === tokens[n0].sentence ? tokens[n0 - 1].text : '';
  const placeAfter = followedByCountry(doc, t1) ?? followedByState(doc, gaz, t1);
  if (PLACE_PREPOSITIONS.has(prev) || placeAfter) return addPlace(doc, n0, t1, placeAfter);
  if (single && !COMMON_CAPITALIZED.has(lower[0]) && /^\p{Lu}\p{Ll}/u.test(words[0]) && !NOT_NAME_WORDS.has(lower[0]) && !ORG_HEADS.has(lower[0])) {
    // Maybe a known person's surname, or a surname of someone named in full elsewhere: decided later.
    person(true);
  }
}

/**
 * A university's campus after a comma or "at" is part of its name: "University of California,
 * Berkeley", "University of North Carolina at Greensboro" (not the state's university and a town, nor
 * a person "Fayetteville"). A country after the comma is where it is ("University of Portsmouth, United Kingdom").
 */
export function joinCampuses(doc: Doc, gaz: Gazetteers): void {
  const { tokens } = doc;
  const gone = new Set<Found>();
  let changed = false;
  for (const f of doc.found) {
    if (f.kind !== 'ORGANIZATION' || gone.has(f) || f.t1 + 1 >= tokens.length) continue;
    if (!/^University of \p{Lu}/u.test(doc.text.slice(f.start, f.end))) continue;
    const s = tokens[f.t0].sentence;
    if (tokens[f.t1].sentence !== s || (tokens[f.t1].text !== ',' && tokens[f.t1].text !== 'at')) continue;
    const parts: Found[] = [];
    let k = f.t1 + 1;
    let ok = true;
    while (ok && k < tokens.length && k - f.t1 <= 3 && tokens[k].sentence === s && isNameWord(tokens[k].text)) {
      const g = doc.cover[k] >= 0 ? doc.found[doc.cover[k]] : null;
      if (!g) k++;
      else if (g.t0 === k && (g.kind === 'PLACE' || (g.kind !== 'COUNTRY' && g.t1 === k + 1 && !gaz.givenNames.has(fold(tokens[k].text)) && !gaz.orgsByKey.has(g.key ?? '')))) {
        parts.push(g);
        k = g.t1;
      } else ok = false;
    }
    const after = k < tokens.length && tokens[k].sentence === s ? tokens[k].text : '';
    if (!ok || k === f.t1 + 1 || !(after === '' || /^[,.;:)]$/.test(after) || /^\p{Ll}/u.test(after))) continue;
    for (const g of parts) gone.add(g);
    f.t1 = k;
    f.end = tokens[k - 1].end;
    f.name = doc.text.slice(f.start, f.end).replace(/\s+/g, ' ');
    f.key = `org:${slug(f.name)}`;
    changed = true;
  }
  if (changed) removeFound(doc, gone);
}

/** Verbs after a capital that make it the government acting ("Beijing agreed", "Moscow will respond"). */
const ACTING_VERBS = new Set([...SPEECH_VERBS, 'agreed', 'agrees', 'expelled', 'expels', 'rejected', 'rejects', 'condemned', 'condemns', 'demanded', 'demands', 'imposed', 'imposes', 'retaliated', 'threatened', 'threatens', 'wants', 'will', 'would', 'has', 'have', 'had', 'is', 'was', 'must', 'should', 'can', 'could']);
const ACTING_GROUPS = /^(?:officials|authorities|government|governments|diplomats|leaders|negotiators|sources)$/i;
/** A visit to a capital is a visit to its country ("Xi Jinping visited Madrid", "a trip to Moscow"). */
const VISITED = /^(?:visited|visit|visits|visiting)$/i;
const VISIT_TO = /^(?:trip|visit|visits|travelled|traveled|travels|flew|flies|delegation)$/i;

/**
 * A capital stands for its country's government when the article names that country (an article
 * about Russia reads "Moscow" as Russia), when the capital acts ("Beijing agreed", "officials in
 * Washington") or is visited ("visited Madrid"); "born in London" or "London's theatres" in a
 * biography is the city only.
 */
export function dropCapitalsNotActing(doc: Doc): void {
  const named = new Set(doc.found.filter((f) => f.kind === 'COUNTRY' && f.countryForm !== 'capital' && f.countryForm !== 'demonym').map((f) => f.countryCode));
  const gone = new Set<Found>();
  for (const f of doc.found) {
    if (f.kind !== 'COUNTRY' || f.countryForm !== 'capital' || named.has(f.countryCode)) continue;
    const s = doc.tokens[f.t0].sentence;
    const at = (i: number) => (i >= 0 && i < doc.tokens.length && doc.tokens[i].sentence === s ? doc.tokens[i].text : '');
    const next = at(f.t1);
    // "Washington and Beijing agreed": the verb may follow a second capital.
    const verb = next === 'and' && doc.cover[f.t1 + 1] >= 0 ? at(f.t1 + 2) : next;
    const before = at(f.t0 - 1);
    const acting =
      ACTING_VERBS.has(verb) ||
      (before === 'in' && ACTING_GROUPS.test(at(f.t0 - 2))) ||
      VISITED.test(before) ||
      (before === 'to' && VISIT_TO.test(at(f.t0 - 2)));
    if (!acting) gone.add(f);
  }
  if (gone.size > 0) removeFound(doc, gone);
}

function demonymBefore(doc: Doc, t0: number): Found | null {
  if (t0 === 0) return null;
  const f = doc.cover[t0 - 1] >= 0 ? doc.found[doc.cover[t0 - 1]] : null;
  return f && f.kind === 'COUNTRY' && f.t1 === t0 && doc.tokens[t0 - 1].sentence === doc.tokens[t0].sentence ? f : null;
}

function followedByCountry(doc: Doc, t1: number): string | undefined {
  // "Manila, Philippines"
  if (t1 + 1 >= doc.tokens.length || doc.tokens[t1].text !== ',') return undefined;
  const f = doc.cover[t1 + 1] >= 0 ? doc.found[doc.cover[t1 + 1]] : null;
  return f && f.kind === 'COUNTRY' && (f.countryForm === 'name' || f.countryForm === 'alias') ? f.countryCode : undefined;
}

/** The postal codes of the US states and DC ("Coffeyville, KS"). */
const US_STATE_CODES = new Set('AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC'.split(' '));

/**
 * "Vinita, OK", "Schenectady, N.Y.", "Stephenville, Texas": after the comma a state's postal code, or a
 * state or province the gazetteer knows, and then the clause goes on or ends. Answers the country.
 */
function followedByState(doc: Doc, gaz: Gazetteers, t1: number): string | undefined {
  const { tokens } = doc;
  if (t1 + 1 >= tokens.length || tokens[t1].text !== ',' || tokens[t1 + 1].sentence !== tokens[t1 - 1].sentence || shouting(doc, t1)) return undefined;
  const f = doc.cover[t1 + 1] >= 0 ? doc.found[doc.cover[t1 + 1]] : null;
  let after: number;
  let country: string;
  if (f && f.t0 === t1 + 1 && f.kind === 'PLACE' && f.key && /^(?:state|province)$/.test(gaz.placesByKey.get(f.key)?.kind ?? '')) {
    after = f.t1;
    country = f.countryCode ?? 'US';
  } else if (US_STATE_CODES.has(tokens[t1 + 1].text.replace(/\./g, '')) && /^(?:[A-Z]{2}|[A-Z]\.[A-Z]\.?)$/.test(tokens[t1 + 1].text)) {
    after = t1 + 2;
    country = 'US';
  } else return undefined;
  const next = after < tokens.length && tokens[after].sentence === tokens[t1].sentence ? tokens[after].text : '';
  return next === '' || /^[,.;:)]$/.test(next) || /^\p{Ll}/u.test(next) ? country : undefined;
}

function addOrg(doc: Doc, gaz: Gazetteers, t0: number, t1: number, countryCode?: string): void {
  const { start, end, text } = spanOf(doc, t0, t1);
  const name = text.replace(/^the\s+/i, '');
  addFound(doc, { kind: 'ORGANIZATION', t0, t1, start, end, key: `org:${slug(name)}`, name, countryCode });
  void gaz;
}

function addPlace(doc: Doc, t0: number, t1: number, countryCode?: string): void {
  const { start, end, text } = spanOf(doc, t0, t1);
  // "Bohai sea" is named "Bohai Sea".
  const name = FEATURE_HEADS.has(doc.tokens[t1 - 1].text) ? text.replace(/\p{Ll}+$/u, (w) => w[0].toUpperCase() + w.slice(1)) : text;
  addFound(doc, { kind: 'PLACE', t0, t1, start, end, key: placeKey(name), name, countryCode: countryCode ?? followedByCountry(doc, t1) });
}

export { isCapitalized };
