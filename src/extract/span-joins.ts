/**
 * Tagger spans joined where the tagger cut one name in two, split where it ran two names into one, and
 * cut or dropped where it took a title, a Latin name or an interviewer's mark for a name.
 */
import { firstTokenAt, lastTokenBefore, removeFound, type Doc, type Found } from './document.ts';
import type { Gazetteers } from './gazetteers/index.ts';
import { BUILDING_HEADS, COMMON_CAPITALIZED, EVENT_HEADS, HONORIFICS, OCCUPATIONS, OFFICE_HEADS, ORG_HEADS } from './lexicon.ts';
import type { NerSpan } from './ner-bridge.ts';
import { mendPersonLikeSpans, pressTitles, withoutEnd, withoutStart } from './person-spans.ts';
import { joinCourtDistricts } from './place-cues.ts';
import { nameWordKey } from './text.ts';

const wordsOf = (name: string) => name.toLowerCase().split(/\s+/);

/** The token starting exactly at `pos`, or -1. */
const tokenStartingAt = (doc: Doc, pos: number) => {
  const i = firstTokenAt(doc, pos);
  return doc.tokens[i]?.start === pos ? i : -1;
};

/** Whether a word of the name is a body's head ("Service", "Committee", "University"). */
export const hasOrgHead = (name: string) => wordsOf(name).some((w) => ORG_HEADS.has(w));

/** Two or more words of which the last is a body's head: "London Fire Brigade", "Reform Committee". */
const headedName = (name: string) => {
  const words = wordsOf(name);
  return words.length >= 2 && ORG_HEADS.has(words[words.length - 1]);
};

const LEFT_OUT = /^\p{Lu}[\p{L}'’.]*(?:-\p{L}+)*$/u;
const DESCRIBED = /-(?:based|led|born|backed|owned|run|made|funded|affiliated)$/i;
const CALENDAR_WORDS = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august|september|october|november|december)$/;

/**
 * Capitalised words the tagger left out before a body's name that ends in a body's head are part of
 * it: "New" + "People Party", "Doris Day" (read as a person or a work) + "Animal Foundation". Up to
 * three words, one space apart, none a sentence's first word, a title, a weekday, a word of a known
 * name or, unless the tagger read it as a name, a common word but "New" (a table's "Name" or
 * "Underwriter"); a span before them joins only whole.
 */
function joinWordsBeforeBody(doc: Doc, gaz: Gazetteers, ner: NerSpan[]): NerSpan[] {
  const out = [...ner];
  const { tokens } = doc;
  for (let k = 0; k < out.length; k++) {
    const span = out[k];
    const i = span.type === 'ORG' && headedName(span.text) && !ORG_HEADS.has(wordsOf(span.text)[0]) ? tokenStartingAt(doc, span.start) : -1;
    let j = i;
    while (j > 0 && i - j < 3) {
      const t = tokens[j - 1];
      const word = t.text.toLowerCase();
      if (doc.text.slice(t.end, tokens[j].start) !== ' ' || !LEFT_OUT.test(t.text) || t.sentenceStart || doc.cover[j - 1] >= 0) break;
      const tagged = out.some((o) => o !== span && o.start <= t.start && o.end >= t.end && (o.type === 'PER' || o.type === 'MISC'));
      const common = word !== 'new' && (gaz.commonWords.has(word) || gaz.lowercaseWords.has(word));
      if (DESCRIBED.test(word) || (COMMON_CAPITALIZED.has(word) && word !== 'new') || (common && !tagged) || OFFICE_HEADS.has(word) || HONORIFICS.has(t.text) || CALENDAR_WORDS.test(word)) break;
      j--;
    }
    if (j >= i || j < 0) continue;
    // A person's or a work's span among those words joins only if the walk took all of it.
    const before = out.filter((o) => o !== span && o.end > tokens[j].start && o.start < span.start);
    if (before.some((o) => o.start < tokens[j].start || o.type === 'ORG' || o.type === 'LOC')) continue;
    const start = tokens[j].start;
    const joined = { ...span, start, text: doc.text.slice(start, span.end) };
    out[k] = joined;
    for (const o of before) out.splice(out.indexOf(o), 1);
    k = out.indexOf(joined);
  }
  return out;
}

/**
 * The tagger also cuts a body's name at "and" when the first part has no "of": "North Wales Fire" +
 * "Rescue Service", "House Oversight" + "Reform Committee". Two or more words without a head of their
 * own, then "and" and a body whose head ends it (and does not open it), are one name.
 */
export function joinHeadlessOverAnd(doc: Doc, ner: NerSpan[]): NerSpan[] {
  const out: NerSpan[] = [];
  for (let k = 0; k < ner.length; k++) {
    const a = ner[k];
    const b = ner[k + 1];
    const joins =
      b !== undefined && a.type === 'ORG' && b.type === 'ORG' && /^\s+and\s+$/.test(doc.text.slice(a.end, b.start)) &&
      wordsOf(a.text).length >= 2 && !hasOrgHead(a.text) && !/\s(?:of|for|on)\s/.test(a.text) &&
      headedName(b.text) && !ORG_HEADS.has(wordsOf(b.text)[0]);
    if (!joins) {
      out.push(a);
      continue;
    }
    out.push({ ...a, end: b.end, text: doc.text.slice(a.start, b.end) });
    k++;
  }
  return out;
}

/**
 * Two bodies the tagger ran into one span over "and": "London Ambulance Service and London Fire
 * Brigade". Each side has two or more words and ends with a body's head; a name whose first part has
 * no head ("Department of Health and Human Services", "Pacific Gas and Electric Company") stays whole.
 */
export function splitBodiesAtAnd(span: NerSpan): NerSpan[] {
  if (span.type !== 'ORG') return [span];
  const parts = span.text.split(' and ');
  if (parts.length !== 2) return [span];
  if (!headedName(parts[0]) || !headedName(parts[1]) || !/^\p{Lu}/u.test(parts[1])) return [span];
  const rightStart = span.start + parts[0].length + ' and '.length;
  return [
    { ...span, end: span.start + parts[0].length, text: parts[0] },
    { ...span, start: rightStart, text: parts[1] },
  ];
}

/**
 * An Arabic or Malay name goes on over "bin", "ibn" or "binti" ("Dr Ali bin Tamim", "Mohammed bin
 * Rashid Al Maktoum"), where the tagger ends the person before the particle and calls what follows
 * something else. A person's span, the particle and the capitalised words after it are one name; so
 * are a one-word span of another kind and the person's span after its particle ("Usama bin Ladin").
 */
export function joinOverPatronymic(doc: Doc, ner: NerSpan[]): NerSpan[] {
  const out: NerSpan[] = [];
  for (let k = 0; k < ner.length; k++) {
    const a = ner[k];
    const after = /^\s+(?:bin|ibn|binti|bint)\s+\p{Lu}[\p{L}'’-]*(?:\s+(?:Al\s+)?\p{Lu}[\p{L}'’-]*)*/u.exec(doc.text.slice(a.end, a.end + 60));
    // A one-word given name the tagger called a place is the person's when it calls the rest a person ("Usama" + "Ladin").
    const person = a.type === 'PER' || (!a.text.includes(' ') && ner[k + 1]?.type === 'PER' && Boolean(after) && ner[k + 1].start < a.end + after![0].length);
    if (!after || !person) {
      out.push(a);
      continue;
    }
    const end = a.end + after[0].length;
    out.push({ ...a, type: 'PER', end, text: doc.text.slice(a.start, end) });
    // The spans the name now covers are part of it.
    while (k + 1 < ner.length && ner[k + 1].start < end) k++;
  }
  return out;
}

/**
 * A body named "<head> of <place>" whose head the tagger left out or tagged apart: "University of" +
 * "South Carolina Beaufort", "Center" + "for" + "Food Safety". Capitalised words ending in a body's
 * head, then "of" or "for" (and "the"), right before a span make one body with it; not with a person
 * ("University of Texas Arlington" + "Amneh Jafari" is a student there).
 */
export function joinBodyHeadBefore(doc: Doc, ner: NerSpan[]): NerSpan[] {
  const out: NerSpan[] = [];
  for (const span of ner) {
    const prev = out.at(-1);
    const from = prev ? prev.end : 0;
    const gap = /^\s+(?:of|for)\s+(?:the\s+)?$/.test(doc.text.slice(from, span.start));
    // Not a body's own name after it: "the Wolstein Center for the Cleveland State University" is two.
    // Nor a name that goes on over "and" or "of" ("Institute of History and Philology of …", "Court for the Northern
    // District of California"): the tagger cut it, and a piece is worse than nothing.
    const joinable = span.type !== 'PER' && !hasOrgHead(span.text) && !/^\s+(?:and|of)\s+\p{Lu}/u.test(doc.text.slice(span.end, span.end + 8));
    // A whole body's name before a place keeps it apart ("Foreign Ministry of Iraq" is the ministry and Iraq);
    // a lone head does not ("University of" + "Texas").
    const lone = prev !== undefined && wordsOf(prev.text).length === 1;
    if (prev && gap && joinable && (lone || span.type !== 'LOC') && prev.type !== 'PER' && /^\p{Lu}/u.test(prev.text) && ORG_HEADS.has(wordsOf(prev.text).at(-1)!)) {
      out[out.length - 1] = { ...prev, type: 'ORG', end: span.end, text: doc.text.slice(prev.start, span.end) };
      continue;
    }
    const before = /((?:\p{Lu}[\p{L}.'’-]*\s+)*\p{Lu}\p{Ll}+)\s+(?:of|for)\s+(?:the\s+)?$/u.exec(doc.text.slice(Math.max(from, span.start - 80), span.start));
    if (!before || !joinable || !ORG_HEADS.has(wordsOf(before[1]).at(-1)!)) {
      out.push(span);
      continue;
    }
    const start = span.start - before[0].length;
    out.push({ ...span, type: 'ORG', start, text: doc.text.slice(start, span.end) });
  }
  return out;
}

/** Last words of a place named with a possessive ("Grauman's Egyptian Theatre", "Nando's Restaurant"). */
const POSSESSIVE_PLACE_HEADS = new Set([...BUILDING_HEADS, 'park', 'garden', 'gardens', 'square', 'inn', 'tavern', 'pub', 'restaurant', 'cafe', 'hall']);
/** Last words of a body named with a possessive ("King's College London", "St Thomas' Hospital"). */
const POSSESSIVE_BODY_HEADS = new Set(['college', 'university', 'school', 'hospital', 'church', 'museum', 'library']);
/** A capitalised word (after "St" or "Saint" perhaps), its possessive and up to four capitalised words. */
const POSSESSIVE_NAME = /(?<![\p{L}\p{N}'’.-])((?:(?:St|Saint)\.?\s+)?)(\p{Lu}\p{Ll}+)(?:['’]s|(?<=s)['’])((?:\s+\p{Lu}[\p{L}'’.-]*){1,4})/gu;

/**
 * A name held by a possessive: "Grauman's Egyptian Theatre", "St Paul's Cathedral", "King's College
 * London", "Macy's Thanksgiving Day Parade". The tagger cuts at the possessive and makes a person of
 * the owner ("Grauman", "Macy") and a piece of the rest ("College London"). When a place's, a body's
 * or an event's head follows within four capitalised words, the owner, the possessive and the words up
 * to the head (and on to the end of a tagger span that runs past it) are one name: a place, a body, or
 * an event (MISC, which makes no entity). Not when the owner is a place, country or body the
 * gazetteers know ("Britain's Royal Navy", "London's Natural History Museum") or a known person's
 * surname ("Trump's …"; a saint's name is not), nor when a tagger span starts before the owner.
 */
function joinPossessiveNames(doc: Doc, gaz: Gazetteers, ner: NerSpan[]): NerSpan[] {
  let out = ner;
  for (const m of doc.text.matchAll(POSSESSIVE_NAME)) {
    const start = m.index!;
    const ownerStart = start + m[1].length;
    const saint = m[1] !== '';
    const words = [...m[3].matchAll(/\S+/g)];
    let head = -1;
    let type: NerSpan['type'] = 'LOC';
    words.forEach((w, i) => {
      const lower = w[0].replace(/[.'’]+$/, '').toLowerCase();
      const t = EVENT_HEADS.has(lower) ? 'MISC' : POSSESSIVE_BODY_HEADS.has(lower) ? 'ORG' : POSSESSIVE_PLACE_HEADS.has(lower) ? 'LOC' : null;
      if (t) {
        head = i;
        type = t;
      }
    });
    if (head < 0) continue;
    const ownerToken = tokenStartingAt(doc, ownerStart);
    if (ownerToken < 0 || doc.cover[ownerToken] >= 0) continue;
    if (!saint && !gaz.commonWords.has(m[2].toLowerCase()) && gaz.peopleBySurname.has(nameWordKey(m[2]))) continue;
    let end = start + m[0].length - m[3].length + words[head].index! + words[head][0].length;
    if (out.some((s) => s.start < start && s.end > start)) continue;
    for (const s of out) if (s.start >= start && s.start < end && s.end > end) end = s.end;
    const kept = out.filter((s) => s.end <= start || s.start >= end);
    kept.push({ type, start, end, text: doc.text.slice(start, end) });
    out = kept.sort((a, b) => a.start - b.start);
  }
  return out;
}

/** Small words a name's acronym leaves out ("Transport for London", TfL). */
const ACRONYM_SKIPS = new Set(['of', 'for', 'in', 'on', 'and', '&', 'the', 'at', 'de', 'du', 'des', 'la', 'le', 'del', 'di', 'für', 'und']);

/**
 * Where the name that `acronym` abbreviates starts, when it is spelled out in capitalised words right
 * before `end` (the space before "(ACRONYM)"): walking back over capitalised words, small words,
 * commas and slashes ("OSCE/Office for Democratic Institutions and Human Rights (ODIHR)"), their
 * initials must spell the acronym's capitals exactly. -1 when they do not.
 */
export function spelledOutStart(text: string, end: number, acronym: string): number {
  const letters = acronym.replace(/[^A-Z]/g, '');
  if (letters.length < 2) return -1;
  const before = text.slice(Math.max(0, end - 200), end);
  const words = [...before.matchAll(/[^\s,/]+/g)].reverse();
  let initials = '';
  for (const w of words) {
    if (/[.!?;:"“”()]$/.test(w[0]) && initials !== '') break;
    if (/^\p{Lu}/u.test(w[0])) initials = w[0][0] + initials;
    else if (!ACRONYM_SKIPS.has(w[0])) break;
    if (initials === letters) {
      const start = end - before.length + w.index!;
      return /^\p{Ll}/u.test(text[start]) ? -1 : start;
    }
    if (initials.length > letters.length) break;
  }
  return -1;
}

/**
 * A name spelled out before its acronym in brackets is one name, whatever the tagger cut it into:
 * "Institute of Epidemiology, Disease Control and Research (IEDCR)", "Cooperative Institute for
 * Research in Environmental Sciences (CIRES)", "Catholic Bishops' Conference of the Philippines
 * (CBCP)" (spelledOutStart). The tagger must have seen a name there, so "Gross Domestic Product
 * (GDP)" makes nothing; a span running on before the spelled-out name leaves it as it is.
 */
function joinSpelledOutNames(doc: Doc, ner: NerSpan[]): NerSpan[] {
  let out = ner;
  for (const m of doc.text.matchAll(/\s\(([A-Z][A-Za-z]{1,9})\)/g)) {
    const end = m.index!;
    const start = spelledOutStart(doc.text, end, m[1]);
    if (start < 0) continue;
    const inside = out.filter((s) => s.start < end && s.end > start);
    if (inside.length === 0 || inside.some((s) => s.start < start)) continue;
    // The tagger's type when it saw the whole name, or a work's (MISC) when most of it; a body's otherwise
    // ("Transport for London" of which it saw "London").
    const longest = inside.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
    const type = (longest.start === start && longest.end >= end) || longest.type === 'MISC' ? longest.type : 'ORG';
    out = [...out.filter((s) => !inside.includes(s)), { type, start, end, text: doc.text.slice(start, end), spelledOut: true as const }].sort((a, b) => a.start - b.start);
  }
  return out;
}

/** "and", up to three capitalised words, then a minister's or secretary's title. */
const PORTFOLIO_AFTER = /^\s+and\s+(?:\p{Lu}[\p{L}-]*\s+){1,3}(?:Minister|Secretary)\b/u;

/**
 * A portfolio joined by "and" is part of a title, not a body, on either side of the "and": "Bangladeshi
 * Road Transport" of "Road Transport and Bridges Minister Obaidul Quader", "Health" and "Social Care"
 * of "Health and Social Care Secretary Matt Hancock".
 */
function dropPortfoliosAtAnd(doc: Doc, ner: NerSpan[]): NerSpan[] {
  return ner.filter(
    (s) =>
      s.type === 'PER' ||
      !(PORTFOLIO_AFTER.test(doc.text.slice(s.end, s.end + 80)) || (/^\s+(?:Minister|Secretary)\b/.test(doc.text.slice(s.end, s.end + 12)) && /\p{Lu}[\p{L}-]*\s+and\s+$/u.test(doc.text.slice(Math.max(0, s.start - 40), s.start)))),
  );
}

/**
 * An initial written without its full stop opens the name in Indian and some African news: "P Wilson",
 * "B Shiva Parvathi". A lone capital other than "A" or "I" right before a person's span, not after a
 * capitalised word, is part of it.
 */
function joinBareInitials(doc: Doc, ner: NerSpan[]): NerSpan[] {
  return ner.map((s) => {
    const before = doc.text.slice(Math.max(0, s.start - 20), s.start);
    // Not a letter that ends another name ("Vitamin D", "Plan B").
    if (s.type !== 'PER' || !/(?:^|[^\p{L}\p{N}.'’&-])[B-HJ-Z] $/u.test(before) || /\p{Lu}[\p{L}.]*\s[B-HJ-Z] $/u.test(before)) return s;
    return { ...s, start: s.start - 2, text: doc.text.slice(s.start - 2, s.end) };
  });
}

/**
 * An office's abbreviation in brackets right after the office is no one's name and no body: "Deputy
 * Chief Minister (Dy CM)", "Chief Executive Officer (CEO)".
 */
function dropOfficeAbbreviations(doc: Doc, ner: NerSpan[]): NerSpan[] {
  return ner.filter(
    (s) => !(/\b(?:Minister|Secretary|President|Governor|Officer|Director|Commissioner|Chairman|Chairperson|Chair)\s*\(\s*$/.test(doc.text.slice(Math.max(0, s.start - 16), s.start)) && /^\s*\)/.test(doc.text.slice(s.end, s.end + 3))),
  );
}

/** An office held over a place or body, then "of": "Mayor of New York City", "Prime Minister of India", "President of the European Commission". */
const OFFICE_OF = /^(?:(?:Former|Deputy|Vice|Lord|Acting)\s+)*(?:Mayor|Governor|President|Premier|Chancellor|Prime\s+Minister|Chief\s+Minister)\s+of\s+(?:the\s+)?(?=\p{Lu})/u;
/** Any capitalised title, then "of": cut only before a body's name with its head ("Senior Staff Attorney of the Electronic Frontier Foundation"). */
const TITLE_OF = /^(?:\p{Lu}[\p{L}-]*\s+)*?(\p{Lu}\p{Ll}+)\s+of\s+(?:the\s+)?(?=\p{Lu})/u;

/**
 * The tagger takes an office into the place or body it is held over ("the former Mayor of New York
 * City" as one place): the name is what follows "of". A person's span is left to the title rules; a
 * minister's or secretary's portfolio ("Minister of Information") is not a body. A company's name ends
 * at its legal form ("Kia Motor Corp of South Korea" is Kia Motor Corp, and South Korea).
 */
function cutOfficesBeforeOf(ner: NerSpan[]): NerSpan[] {
  const isTitle = (word: string) => word !== 'minister' && word !== 'secretary' && (OFFICE_HEADS.has(word) || OCCUPATIONS.has(word));
  return ner.flatMap((s) => {
    if (s.type === 'PER') return [s];
    // "Kia Motor Corp of South Korea": a company's legal form ends its name; its country is a place of its own.
    const firm = s.type === 'ORG' ? FIRM_OF.exec(s.text) : null;
    if (firm) {
      const at = s.start + firm[1].length + firm[2].length;
      return [{ ...s, end: s.start + firm[1].length, text: firm[1] }, { type: 'LOC', start: at, end: s.end, text: s.text.slice(at - s.start) }];
    }
    const title = TITLE_OF.exec(s.text);
    const office = OFFICE_OF.exec(s.text)?.[0] ?? (title && isTitle(title[1].toLowerCase()) && headedName(s.text.slice(title[0].length)) ? title[0] : null);
    return [office ? withoutStart(s, office.length) : s];
  });
}

const FIRM_OF = /^(.+?\s(?:Corp|Corporation|Inc|Ltd|Co|Plc|PLC|AG|SA|NV|GmbH|SpA|Bhd)\.?)(\s+of\s+)(?=\p{Lu})/u;

/**
 * A body the gazetteers know by a short name, ending a longer body's name the tagger found, is another
 * body: "United States National Security Council" is not the UN's Security Council, "Christian
 * Democratic Party" not the US Democratic Party, "Ukrainian Ministry of Defence" not Britain's. The
 * gazetteer's match gives way unless a word before it is in lower case, names the body's own country
 * ("US Senate", "British Royal Navy"), or is "The" or a common word opening the name.
 */
function yieldKnownBodiesToLongerNames(doc: Doc, gaz: Gazetteers, ner: NerSpan[]): void {
  const gone = new Set<Found>();
  for (const s of ner) {
    const a = tokenStartingAt(doc, s.start);
    const after = lastTokenBefore(doc, s.end);
    const b = doc.tokens[after - 1]?.end === s.end ? after : 0;
    const f = s.type === 'ORG' && a >= 0 && b > a && doc.cover[b - 1] >= 0 ? doc.found[doc.cover[b - 1]] : null;
    if (!f || f.kind !== 'ORGANIZATION' || f.pending || f.t1 !== b || f.t0 <= a) continue;
    const own = (i: number) => doc.cover[i] >= 0 && doc.found[doc.cover[i]].kind === 'COUNTRY' && doc.found[doc.cover[i]].countryCode === f.countryCode;
    // Not over "The" ("The Washington Post") or a common word opening the sentence ("((RS)) Does YouTube").
    const opener = (i: number) => i === a && (doc.tokens[i].text === 'The' || (doc.tokens[i].sentenceStart || /^[)\]"“”]$/.test(doc.tokens[i - 1]?.text ?? '')) && gaz.commonWords.has(doc.tokens[i].text.toLowerCase()));
    let other = true;
    for (let i = a; i < f.t0 && other; i++) other = /^\p{Lu}/u.test(doc.tokens[i].text) && !own(i) && !opener(i);
    if (other) gone.add(f);
  }
  if (gone.size > 0) removeFound(doc, gone);
}

/** A capitalised genus, then a lower-case species that is no common English word: "Porites cylindrica", "Arion subfuscus". */
const BINOMIAL = /(?<![\p{L}'’-])(\p{Lu}\p{Ll}{3,})\s+(\p{Ll}{4,}(?:us|um|a|is|ae|i|ensis|oides))\b/gu;

/**
 * A living thing's Latin name is no place, body or person: "the dusky Arion slug (Arion subfuscus)",
 * "Acropora millepora, Porites cylindrica". The genus named so anywhere in the article makes no entity
 * wherever it stands ("Arion slug"), nor does a span it opens.
 */
function dropLatinNames(doc: Doc, gaz: Gazetteers, ner: NerSpan[]): NerSpan[] {
  const found = [...doc.text.matchAll(BINOMIAL)].filter((m) => {
    // Not a place, country or body the gazetteers found, nor common words.
    const at = tokenStartingAt(doc, m.index!);
    return !(at >= 0 && doc.cover[at] >= 0) && !gaz.commonWords.has(m[2]) && !gaz.commonWords.has(m[1].toLowerCase());
  });
  // A species in "-a" is often an English word ("Caribbean panorama", "Yucatán peninsula"): only in brackets or beside another Latin name.
  const genera = new Set(found.filter((m) => !m[2].endsWith('a') || found.length > 1 || doc.text[m.index! - 1] === '(').map((m) => m[1]));
  if (genera.size === 0) return ner;
  return ner.filter((s) => !genera.has(s.text.split(/\s+/)[0]));
}

/**
 * Names the tagger cut at "and", "for" or "on" around a common word: "Oslo Fire" + "Rescue", "Disaster" +
 * "Emergency Management Presidency", "Army's Research" + "Referral Hospital", "Ministry of State" +
 * "Antiquity", "International Committee" + "Taxonomy of Viruses". Joined when the word beside the cut is a common word (no name alone) and the other side
 * is a body or place, or a body's head ends the far side; names cut at a Romance particle ("Surigao
 * del Sur"); a flight's number cuts "Flight" off its airline ("Lion Air Flight 610").
 */
const ROMANCE_PARTICLE = /^ (?:del|de la|de los|de las|da|do|dos|das|della|y) $/;

function joinCutNames(doc: Doc, gaz: Gazetteers, ner: NerSpan[]): NerSpan[] {
  const common = (text: string) => gaz.commonWords.has(text.toLowerCase());
  const lastWord = (text: string) => text.slice(text.lastIndexOf(' ') + 1);
  // Turkey's "Presidency" and Egypt's "Directorate" are bodies here, though no head alone ("the Trump presidency").
  const headed = (text: string) => headedName(text) || BUILDING_HEADS.has(lastWord(text).toLowerCase()) || /\s(?:Presidency|Directorate)$/.test(text);
  const body = (x: NerSpan) => x.type === 'ORG' || x.type === 'LOC';
  const out: NerSpan[] = [];
  for (let k = 0; k < ner.length; k++) {
    let a = ner[k];
    const b = ner[k + 1];
    const gap = b ? doc.text.slice(a.end, b.start) : '';
    const overAnd =
      gap === ' and ' && a.type !== 'PER' && b.type !== 'PER' &&
      ((body(a) && a.text.includes(' ') && !b.text.includes(' ') && common(b.text) && !hasOrgHead(b.text)) ||
        (!a.text.includes(' ') && common(a.text) && headed(b.text) && !ORG_HEADS.has(wordsOf(b.text)[0])) ||
        (a.type === 'ORG' && !hasOrgHead(a.text) && common(lastWord(a.text)) && headed(b.text)));
    const overFor = a.type === 'ORG' && hasOrgHead(a.text) && b !== undefined && !hasOrgHead(b.text) && ((gap === ' for ' && b.type !== 'PER' && !b.text.includes(' ')) || (gap === ' on ' && (b.type === 'ORG' || b.type === 'MISC')));
    // "Surigao" + "del" + "Sur", "Coahuila" + "y" + "Texas": a Spanish, Portuguese or Italian particle inside one name.
    const overParticle = b !== undefined && ROMANCE_PARTICLE.test(gap) && a.type !== 'MISC' && b.type !== 'MISC' && (a.type === b.type || (body(a) && body(b)));
    if (overAnd || overFor || overParticle) {
      // A common word after the cut leaves a body ("Oslo Fire and Rescue"); a head after it decides.
      const type = overFor || (overParticle && a.type === b.type) ? a.type : overParticle ? 'LOC' : headed(b.text) ? b.type : 'ORG';
      a = { ...a, type, end: b.end, text: doc.text.slice(a.start, b.end) };
      k++;
    }
    const flight = /\s+Flight$/.exec(a.text);
    if (flight && /^\s+\d/.test(doc.text.slice(a.end, a.end + 3))) a = withoutEnd(a, flight[0].length);
    out.push(a);
  }
  return out;
}

/**
 * Tagger spans mended before names are found: names cut at "and" or "for", courts' districts cut at "of",
 * possessive names, names spelled out before an acronym, offices before "of", portfolios and offices'
 * abbreviations, bare initials, press titles, Latin names, what only looks like a person.
 * A body the gazetteers found at the end of a longer body's name then gives way to it.
 */
export function mendSpans(doc: Doc, gaz: Gazetteers, ner: NerSpan[]): NerSpan[] {
  const spans = cutOfficesBeforeOf(joinSpelledOutNames(doc, joinPossessiveNames(doc, gaz, joinWordsBeforeBody(doc, gaz, joinCourtDistricts(doc, joinCutNames(doc, gaz, ner))))));
  const mended = mendPersonLikeSpans(doc, gaz, dropLatinNames(doc, gaz, pressTitles(doc, joinBareInitials(doc, dropOfficeAbbreviations(doc, dropPortfoliosAtAnd(doc, spans))))));
  yieldKnownBodiesToLongerNames(doc, gaz, mended);
  return mended;
}
