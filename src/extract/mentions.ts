/**
 * Finds entity mentions: gazetteer phrases first (countries and their demonyms, capitals and
 * metonyms, places, organisations), then capitalised sequences typed by the NER tagger when one
 * is loaded, and by title, name and context cues otherwise.
 */
import { firstTokenAt, lastTokenBefore, removeFound, spanOf, type Doc, type Found } from './document.ts';
import { isCommonWordName, type Gazetteers } from './gazetteers/index.ts';
import {
  BUILDING_HEADS,
  HONORIFICS,
  NAME_CONNECTORS,
  NATIONAL_BODIES,
  OCCUPATIONS,
  OFFICE_HEADS,
  ORG_HEADS,
  SPEECH_VERBS,
  TITLE_MODIFIERS,
} from './lexicon.ts';
import { fold, isCapitalized, slug } from './text.ts';
import type { NerSpan } from './ner-bridge.ts';
import { classifyRun } from './run-kinds.ts';
import { hasOrgHead, joinBodyHeadBefore, joinHeadlessOverAnd, joinOverPatronymic, mendSpans, splitBodiesAtAnd } from './span-joins.ts';

/** Capitalised words that end a name: "John Tory on Tuesday", "Kamloops This Week". */
const RUN_BREAKERS = new Set(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'This', 'That', 'These', 'Those', 'The', 'A', 'An']);

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

/** Per document, the sentences known to be written in capitals or not. */
const shoutingSentences = new WeakMap<Doc, Map<number, boolean>>();

/** Is the sentence of token t written in capitals (a headline, a letter's shouting)? */
export function shouting(doc: Doc, t: number): boolean {
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

export function isTitleWord(text: string): boolean {
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
export const FEATURE_HEADS = new Set(['sea', 'ocean', 'river', 'lake', 'bay', 'gulf', 'strait', 'mountains', 'island', 'islands', 'desert', 'canyon', 'valley']);

export interface Run {
  t0: number;
  t1: number;
  ner?: NerSpan['type'];
}

/** Step 2: capitalised sequences (and NER spans) not covered by the gazetteers. */
export function findNames(doc: Doc, gaz: Gazetteers, ner: NerSpan[] | null): void {
  const runs: Run[] = [];
  const claimed = new Uint8Array(doc.tokens.length);
  if (ner) {
    ner = mendSpans(doc, gaz, ner.flatMap((span) => splitJoinedSpan(span, gaz)).flatMap(splitBodiesAtAnd));
    absorbDemonymsIntoNames(doc, ner);
    ner = joinBodyHeadBefore(doc, joinOverPatronymic(doc, joinHeadlessOverAnd(doc, extendOverAnd(doc, ner))));
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
 * each; "University of Colorado at Boulder" is one. Titles of works (MISC) are left whole.
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
  // "&" joins two people or places ("Tempe & Mesa") but belongs to a company's name ("Procter & Gamble") and to one opened by a common word ("Rock & Roll Hall of Fame").
  const joiners = span.type === 'ORG' ? /\s+(?:in|at)\s+|['’]s\s+|\s*[()[\]]\s*|\s+[/–—-]\s+/g : /\s+(?:in|at)\s+|['’]s\s+|\s*[()[\]]\s*|\s+[/–—&-]\s+/g;
  for (const m of span.text.matchAll(joiners)) {
    // "Korean People's Army", "Children's Hospital": a common word's possessive is inside the name,
    // unless a given name follows ("New People's Party's Regina Ip": the party's member).
    const after = /^\S+/.exec(span.text.slice(m.index + m[0].length))?.[0] ?? '';
    if (/^['’]/.test(m[0]) && isCommonWordName(gaz, /\S+$/.exec(span.text.slice(0, m.index))?.[0] ?? '') && !gaz.givenNames.has(fold(after))) continue;
    if ((m[0].trim() === '&' && isCommonWordName(gaz, span.text.slice(from, m.index))) || (m[0].trim() === 'at' && /\bUniversity of\b/.test(span.text.slice(from, m.index)))) continue;
    cut(m.index, m.index + m[0].length);
  }
  cut(span.text.length, span.text.length);
  return pieces;
}

/** "North American", "Central Asian": a compass word before a demonym is part of it. */
const COMPASS = /^(?:North|South|East|West|Central|Northern|Southern|Eastern|Western)$/;

/**
 * A place or country the gazetteers found inside a longer name the tagger found is part of that
 * name: "Massachusetts Institute of Technology", "Southern California", "George Washington" are not
 * Massachusetts, California or Washington; "Wikimedia Commons" is not the House of Commons (an alias
 * that counts only in context). Demonyms stay ("Russian Foreign Ministry" is read from them) and so
 * do gazetteer organisations named outright (their keys are better than the tagger's span), except
 * inside a name spelled out before its acronym ("United Nations Educational, Scientific and Cultural
 * Organization (UNESCO)" is not the United Nations).
 */
function absorbPlacesIntoNames(doc: Doc, ner: NerSpan[]): void {
  const gone = new Set<Found>();
  for (const span of ner) {
    const a = firstTokenAt(doc, span.start);
    let b = lastTokenBefore(doc, span.end);
    // "Colorado State University of the US": a country after "of the" at the end says where the name is (not in a name spelled out before its acronym).
    const last = b > a && doc.cover[b - 1] >= 0 ? doc.found[doc.cover[b - 1]] : null;
    if (last?.kind === 'COUNTRY' && !span.spelledOut && last.t1 === b && last.t0 - 2 > a && doc.tokens[last.t0 - 1].text === 'the' && doc.tokens[last.t0 - 2].text === 'of') b = last.t0 - 2;
    const inside: Found[] = [];
    let free = 0;
    for (let i = a; i < b; i++) {
      const f = doc.cover[i] >= 0 ? doc.found[doc.cover[i]] : null;
      if (!f) {
        if (isNameWord(doc.tokens[i].text)) free++;
        continue;
      }
      // A demonym inside a body's or a building's name is part of it ("Royal Institute of British Architects", "Grauman's Egyptian Theatre"); one opening it is left to absorbDemonymsIntoNames.
      if (f.t0 < a || f.t1 > b || (f.kind === 'ORGANIZATION' && !f.pending && !span.spelledOut && !aliasInLongerBody(doc, f, span, a, b)) || f.kind === 'PERSON' || (f.countryForm === 'demonym' && (f.t0 === a || (span.type !== 'ORG' && !BUILDING_HEADS.has(doc.tokens[b - 1].text.toLowerCase())) || (f.t0 === a + 1 && COMPASS.test(doc.tokens[a].text))))) {
        free = 0;
        break;
      }
      if (!inside.includes(f)) inside.push(f);
    }
    // "Texas Supreme Court", "Florida Senate": a state's body, not the nation's nor a place and a body.
    const stateBody = span.type === 'ORG' && inside.length === 2 && inside[0].kind === 'PLACE' && inside[0].t0 === a && inside[1].kind === 'ORGANIZATION' && inside[1].pending === true && inside[1].t1 === b;
    if ((free === 0 && !stateBody) || inside.length === 0) continue;
    // Every span on those tokens goes (a capital is both a place and its country).
    for (const f of doc.found) if (f.t0 < b && f.t1 > a) gone.add(f);
  }
  if (gone.size > 0) removeFound(doc, gone);
}

/**
 * A known body's one-word alias that opens a longer body's name the tagger read, or ends it after
 * words of no known name ("Alliance Party" is no NATO, "Liberal Democrats" no US Democrats): the
 * longer name is another body. Not an acronym ("NATO Council") nor the body's own name.
 */
function aliasInLongerBody(doc: Doc, f: Found, span: NerSpan, a: number, b: number): boolean {
  const word = doc.tokens[f.t0].text;
  if (span.type !== 'ORG' || f.t1 !== f.t0 + 1 || b - a < 2 || word === f.name || /^\p{Lu}{2,}$/u.test(word)) return false;
  return (f.t0 === a && ORG_HEADS.has(doc.tokens[b - 1].text.toLowerCase())) || (f.t1 === b && doc.tokens.slice(a, f.t0).some((t) => !/^(?:the|a|an)$/i.test(t.text)));
}

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
    // Not when a place ends the name ("Bank of England and Barclays"), nor when a person or a body of
    // its own follows ("… and Center for Ecosystem Sentinels"); the tagger's piece without a head
    // ("Society for Biochemistry" + "Molecular Biology") is the rest of this name.
    const lastFound = doc.cover[t - 1] >= 0 ? doc.found[doc.cover[t - 1]] : null;
    const next = ner.find((o) => o.type !== 'MISC' && o.start === tokens[t + 1].start);
    if ((lastFound && lastFound.countryForm !== 'demonym') || (next && (next.type === 'PER' || hasOrgHead(next.text)))) continue;
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

/**
 * A demonym that opens an organisation's name the tagger found is part of the name: "the American
 * Academy of Pediatrics", "the Russian Orthodox Church", "the British Red Cross" are bodies of their
 * own, not the United States, Russia or the United Kingdom beside an "Academy of Pediatrics". A
 * national body ("Russian Foreign Ministry") is left to the national-body rule, an acronym ("German
 * BND") to the acronym rules.
 */
function absorbDemonymsIntoNames(doc: Doc, ner: NerSpan[]): void {
  const gone = new Set<Found>();
  for (let k = 0; k < ner.length; k++) {
    const span = ner[k];
    if (span.type !== 'ORG' && !(span.type === 'LOC' && hasOrgHead(span.text))) continue;
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
    // Free words, or a place inside the name ("American University of Beirut"): it goes with the demonym.
    const places = new Set<Found>();
    let free = true;
    for (let i = f.t1; i < b && free; i++) {
      const p = doc.cover[i] >= 0 ? doc.found[doc.cover[i]] : null;
      if (p && (p.kind === 'PLACE' || (p.kind === 'COUNTRY' && p.countryForm !== 'demonym')) && p.t0 > f.t1 && p.t1 <= b) places.add(p);
      else free = p === null;
    }
    const rest = doc.tokens.slice(f.t1, b).map((t) => t.text);
    const head = rest[rest.length - 1].toLowerCase();
    if (!(free || owned) || !rest.some(isNameWord) || NATIONAL_BODIES[rest.join(' ').toLowerCase()] || (STATE_ORGANS.has(head) && rest.length === 1) || (rest.length === 1 && /^[A-Z]{2,}$/.test(rest[0]))) continue;
    gone.add(f);
    if (owned) gone.add(org);
    for (const p of places) gone.add(p);
    const { start, end, text } = spanOf(doc, f.t0, b);
    ner[k] = { ...span, start, end, text };
  }
  if (gone.size > 0) removeFound(doc, gone);
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

export { isCapitalized };
