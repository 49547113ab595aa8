/**
 * Precision rules on entity drafts (issue 17, fourth round): names that are works, not entities, and
 * the other names of a place or body (an acronym, a name "known as" or "called"), which are the same
 * entity.
 */
import type { EntityKind, Mention } from './types.ts';
import type { NerSpan } from './ner-bridge.ts';
import type { PersonCluster } from './people.ts';
import { isLowercaseWordName, placeKey, type Gazetteers } from './gazetteers/index.ts';
import { COMMON_CAPITALIZED, HONORIFICS, NATIONAL_BODIES, OFFICE_HEADS, ORG_HEADS, PLANETS } from './lexicon.ts';
import { fold, nameWordKey, slug } from './text.ts';
import { PRODUCT_AFTER } from './person-spans.ts';

/**
 * "CentOS Stream … Stream was announced", "the International Student Olympiad … this Olympiad": one
 * word the tagger read, alone or ending a longer name, at least twice as a body, place or work in the
 * article and never as a person's name. Without a link, a given name or a known surname it is no person
 * (a short form of the longer name, a product, a town).
 */
export function taggedNeverPerson(c: PersonCluster, ner: readonly NerSpan[] | null, text: string, gaz: Gazetteers): boolean {
  if (!ner || c.wikidataId || c.words.length !== 1 || gaz.givenNames.has(fold(c.name)) || gaz.peopleBySurname.has(nameWordKey(c.name))) return false;
  const own = ner.filter((s) => {
    const words = text.slice(s.start, s.end).replace(/['’]s$/, '');
    return words === c.name || words.endsWith(` ${c.name}`);
  });
  // Twice at least: one reading is outweighed by the words around it ("the Muzychuk sisters"), two are not by a cue ("student Olympiad", "Stream was announced").
  return own.length >= 2 && own.every((s) => s.type !== 'PER');
}

/** Nouns that a work's title follows directly: "the film Stoker", "Australian drama Burning Man", 'painting, "Joan of Arc"' (a comma only before a quote mark). */
const WORK_BEFORE = /(?:^|[^\p{L}])(?:film|movie|drama|sitcom|series|miniseries|novel|novella|painting|opera|album|song|documentary|production|prequel|sequel|artwork|sculpture|poem|memoir|exhibition|entitled|titled)(?:[ \t]*[,:]?[ \t]*["“‘]|[ \t]*:)?[ \t]*$/u;
/** Nouns that follow a work's title directly: "Matthew Vaughn's Kingsman prequel". */
const WORK_AFTER = /^[ \t]*["”'’]?[ \t]*(?:prequel|sequel|franchise|trilogy|saga)\b/u;

/**
 * Every mention of the name is a work's title: right after a lower-case work noun ("the BBC
 * production Inspector Lynley Mysteries") or right before a "prequel", "sequel" or "franchise".
 */
export function namesWork(text: string, mentions: readonly Mention[]): boolean {
  if (mentions.length === 0) return false;
  // Within the line: "… from the Harry Potter series\n\nHermione Granger" is a caption's person.
  return mentions.every((m) => WORK_BEFORE.test(text.slice(Math.max(0, m.start - 40), m.start)) || WORK_AFTER.test(text.slice(m.end, m.end + 20)));
}

/** A programming language's cue: "a script written in Python". */
const WRITTEN_IN = /\b(?:written|coded|implemented|programmed)\s+in\s+$/;

/**
 * A place or body the tagger found that the article also names as a product ("the Fedora operating
 * system") or a programming language ("written in Python") is that wherever it is named: no place or
 * body. Not a craft's mission: "the Mars mission" does not make Mars a craft. A one-word person or
 * place the article calls a language ("Hindi language") is none either.
 */
export function namesProduct(text: string, d: AliasDraft): boolean {
  const language = (d.kind === 'PERSON' || d.kind === 'PLACE') && !d.name.includes(' ');
  if (d.kind !== 'PLACE' && d.kind !== 'ORGANIZATION' && !language) return false;
  // The mention before the product's noun has left the entity (mendPersonLikeSpans): look in the text.
  for (let at = text.indexOf(d.name); at >= 0; at = text.indexOf(d.name, at + 1)) {
    const end = at + d.name.length;
    if (/[\p{L}\p{N}]/u.test(text[at - 1] ?? '')) continue;
    if (language && /^\s+language\b/.test(text.slice(end, end + 12))) return true;
    if (d.kind === 'PERSON') continue;
    if (PRODUCT_AFTER.test(text.slice(end, end + 24)) || WRITTEN_IN.test(text.slice(Math.max(0, at - 20), at))) return true;
  }
  return false;
}

/**
 * Words that are no name alone: a degree's or a title's first word ("Master" of "Master of Business
 * Affairs", of "International Master", of a memoir's "The Master of Disguise"), a contraction
 * ("You've" opening an interview's question), and a preposition, article or conjunction capitalised
 * in a title ("Chair In Global Islamic Politics").
 */
export function neverANameAlone(name: string): boolean {
  return /^(?:Master|Bachelor|Doctor|Grandmaster)$/.test(name) || /^\p{L}+(?:['’](?:ve|re|ll|m|d)|n['’]t)$/u.test(name) || FUNCTION_WORDS.has(name.toLowerCase());
}

/** "Members", "Libraries": the plural of a word of common-words.txt. */
function isCommonPlural(gaz: Gazetteers, name: string): boolean {
  if (!/^\p{Lu}\p{Ll}+s$/u.test(name)) return false;
  const lower = name.toLowerCase();
  return [lower.slice(0, -1), lower.endsWith('es') ? lower.slice(0, -2) : '', lower.endsWith('ies') ? `${lower.slice(0, -3)}y` : ''].some((w) => w !== '' && gaz.commonWords.has(w));
}

/**
 * A one-word body or place named once that is a common noun, not a name:
 * - a common word's plural opening a sentence ("Pets are not supported", "Members"); not
 *   mid-sentence, where teams are named so ("the Giants");
 * - a place that the dictionary lists only in lower case ("Heartbroken", "Interstate", "Ciao"), unless
 *   "the" comes before it ("the Gulf", "the Oval");
 * - a family named after a person of the article ("the Bidens", "the Trumps").
 */
export function commonNounOnce(gaz: Gazetteers, d: AliasDraft, text: string, sentenceStarts: readonly number[], surnames: ReadonlySet<string>): boolean {
  if (d.mentions.length !== 1 || (d.kind !== 'ORGANIZATION' && d.kind !== 'PLACE')) return false;
  const m = d.mentions[0];
  if (isCommonPlural(gaz, d.name) && sentenceStarts[m.sentence] === m.start) return true;
  if (d.kind === 'PLACE' && isLowercaseWordName(gaz, d.name) && !PLANETS.test(d.name) && !/\bthe\s+$/i.test(text.slice(Math.max(0, m.start - 4), m.start))) return true;
  return /^\p{Lu}\p{Ll}+s$/u.test(d.name) && surnames.has(d.name.slice(0, -1));
}

const FUNCTION_WORDS = new Set(['in', 'on', 'at', 'of', 'for', 'to', 'by', 'with', 'from', 'into', 'and', 'or', 'but', 'the', 'a', 'an', 'as', 'if', 'nor', 'so', 'yet']);

/**
 * A surname used alone in an article whose title names a person in full ("Yuen Ren Chao" over a
 * biography that says only "Chao") is that person: the cluster takes the full name, so it is named
 * and linked as such, not as another bearer of the surname in the gazetteer ("Elaine Chao").
 */
export function nameFromTitle(clusters: PersonCluster[], title: string, gaz: Gazetteers): void {
  const full = [...title.matchAll(/\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)+/gu)].map((m) => m[0].split(/\s+/));
  for (const words of full) {
    while (words.length > 1 && (COMMON_CAPITALIZED.has(words[0].toLowerCase()) || HONORIFICS.has(words[0]))) words.shift();
    // Name words before the surname: no common word, title or head ("Hurricane Dorian", "Pope Francis",
    // "Male Magellanic penguins"), and a given name first unless the tagger called the surname a person.
    const before = words.slice(0, -1).map((w) => w.toLowerCase());
    if (words.length < 2 || before.some((w) => gaz.commonWords.has(w) || OFFICE_HEADS.has(w) || ORG_HEADS.has(w) || COMMON_CAPITALIZED.has(w))) continue;
    const surname = nameWordKey(words[words.length - 1]);
    // Only when no full name in the text already holds the surname.
    if (clusters.some((c) => c.words.length > 1 && c.surnameKey === surname)) continue;
    const c = clusters.find((o) => o.words.length === 1 && o.surnameKey === surname);
    if (!c || !(gaz.givenNames.has(fold(words[0])) || c.mentions.some((m) => !m.pending))) continue;
    c.words = words;
    c.name = words.join(' ');
  }
}

export interface AliasDraft {
  key: string;
  kind: EntityKind;
  name: string;
  aliases: Set<string>;
  mentions: Mention[];
}

/** `other` is another name of `into`: its mentions go there, its name becomes an alias, and it is no entity of its own. */
function absorb(drafts: Map<string, AliasDraft>, into: AliasDraft, other: AliasDraft, alias: string): void {
  into.mentions.push(...other.mentions);
  into.aliases.add(alias);
  drafts.delete(other.key);
}

/** What may stand between a place and its other name: "(", "(French:" (a language, not "(See:"), "(originally called", ", known as". */
const OTHER_NAME = /^\s*(?:\(\s*(?:(?:the|originally|also|formerly|now|locally)\s+)?(?:(?:called|known\s+as|named)\s+)?(?:\p{Lu}\p{Ll}*(?:ish|ese|ian|an|ch|ic|ek|i)\s*:\s*)?(?:the\s+|l'|la\s+|le\s+)?|,\s*(?:(?:also|locally|often|sometimes)\s+)?(?:known\s+as|called)\s+(?:the\s+)?)$/iu;

/**
 * "Jolfa (originally called New Julfa)", "Butterfly Island (French: Papillon)", "Guadeloupe, known as
 * Gwadloup", "Union of Rationalist Atheists and Agnostics (UAAR)": a place or body named once in
 * brackets or after "known as" right behind another of the same kind is that one's other name, not a
 * second entity. A name the gazetteers know (a country, a state: "Springfield (Illinois)") never is.
 */
export function mergeOtherNames(drafts: Map<string, AliasDraft>, text: string, isKnown: (d: AliasDraft) => boolean): void {
  const ends = new Map<number, AliasDraft>();
  for (const d of drafts.values()) if (d.kind !== 'PERSON') for (const m of d.mentions) ends.set(m.end, d);
  for (const d of [...drafts.values()]) {
    if ((d.kind !== 'PLACE' && d.kind !== 'ORGANIZATION') || d.mentions.length !== 1 || isKnown(d)) continue;
    const m = d.mentions[0];
    const gap = /(?:\(|,)[^(),]*$/.exec(text.slice(Math.max(0, m.start - 40), m.start));
    if (!gap || !OTHER_NAME.test(gap[0])) continue;
    // Brackets only when they close right after the name, and only with a word that says it is a
    // name ("called", "known as", "French:") or around an acronym ("(UAAR)"): "Basse-Terre (Carbet
    // Falls)" is a place in it.
    const bare = /^\(\s*(?:the\s+)?$/i.test(gap[0]);
    if (gap[0].startsWith('(') && (!/^\s*\)/.test(text.slice(m.end, m.end + 3)) || (bare && !/^\p{Lu}{2,}$/u.test(m.text)))) continue;
    let at = m.start - gap[0].length;
    while (at > 0 && /\s/.test(text[at - 1])) at--;
    const owner = ends.get(at);
    // Of the same kind, or a country's other name ("Guadeloupe, known as Gwadloup").
    if (!owner || owner === d || (owner.kind !== d.kind && !(owner.kind === 'COUNTRY' && d.kind === 'PLACE'))) continue;
    absorb(drafts, owner, d, m.text);
  }
}

/**
 * "KPA" beside "Korean People's Army", "CERB" beside "Canada Emergency Response Benefit": one body, named
 * in full. An acronym in mixed case keeps its small words' letters: "TfL" is "Transport for London".
 * An acronym the gazetteers know keeps its identity: "United Nations Educational, Scientific and
 * Cultural Organization (UNESCO)" is UNESCO.
 */
export function mergeAcronyms(drafts: Map<string, AliasDraft>, isKnown: (d: AliasDraft) => boolean): void {
  const initials = (name: string) => (name.match(/(?<![\p{L}'’])\p{Lu}/gu) ?? []).join('');
  const wordInitials = (name: string) => name.split(/\s+/).map((w) => w[0]).join('');
  const full = [...drafts.values()].filter((d) => d.kind !== 'PERSON' && d.kind !== 'COUNTRY' && /\s/.test(d.name));
  for (const d of [...drafts.values()]) {
    const mixed = /^[A-Z][A-Za-z]{1,5}$/.test(d.name) && /[a-z]/.test(d.name) && /^.+[A-Z]/.test(d.name);
    // The tagger often calls a mixed-case acronym a person ("TfL").
    if (!(d.kind === 'ORGANIZATION' && /^[A-Z]{2,6}$/.test(d.name)) && !(mixed && (d.kind === 'ORGANIZATION' || d.kind === 'PERSON'))) continue;
    const expansions = full.filter((o) => (mixed ? wordInitials(o.name) : initials(o.name)) === d.name);
    if (expansions.length !== 1) continue;
    const [o] = expansions;
    if (isKnown(d) && !isKnown(o)) absorb(drafts, d, o, o.name);
    else absorb(drafts, o, d, d.name);
  }
}

/**
 * A name of several words is one entity in an article, whatever kind the tagger gave each of its
 * mentions ("Don Blankenship" a person in one sentence, a place in another; "Gloria La Riva" a body
 * and a place): the kind of the most mentions; on a tie a person's when a given name opens it, else a
 * body's, then a place's ("Magyar Nemzet" a person and a body is the newspaper). Not a name the
 * gazetteers know as a place or a body ("Alice Springs", "Georgia Tech").
 */
export function mergeSameNames(drafts: Map<string, AliasDraft>, gaz: Gazetteers, isKnown: (d: AliasDraft) => boolean): void {
  const byName = new Map<string, AliasDraft[]>();
  for (const d of drafts.values()) if (/\s/.test(d.name) && d.kind !== 'COUNTRY') byName.set(d.name, [...(byName.get(d.name) ?? []), d]);
  for (const group of byName.values()) {
    if (group.length < 2 || group.some(isKnown)) continue;
    const given = gaz.givenNames.has(fold(group[0].name.split(' ')[0]));
    const rank = (d: AliasDraft) => d.mentions.length * 4 + (d.kind === 'PERSON' ? (given ? 3 : 0) : d.kind === 'ORGANIZATION' ? 2 : 1);
    const into = group.reduce((a, b) => (rank(b) > rank(a) ? b : a));
    for (const d of group) if (d !== into) absorb(drafts, into, d, d.name);
  }
}

/**
 * "the National Police", "the Supreme Court" with no country before them are one country's body
 * ("org:ph-police"), not one node shared by every country's: the body of that name the article names
 * with its country ("the United States Navy … the Navy's records"), when it names one; else the body
 * of the country named most often in the article (twice at least), when no other is named as often.
 */
export function ownNationalBodies(drafts: Map<string, AliasDraft & { countryCode?: string }>, gaz: Gazetteers): void {
  const counts = [...drafts.values()].filter((d) => d.kind === 'COUNTRY').map((d) => ({ code: d.key.slice('country:'.length), n: d.mentions.length })).sort((a, b) => b.n - a.n);
  const main = counts.length > 0 && counts[0].n >= 2 && !(counts.length > 1 && counts[1].n === counts[0].n) ? gaz.countries.get(counts[0].code) : undefined;
  for (const d of [...drafts.values()]) {
    const body = d.kind === 'ORGANIZATION' ? NATIONAL_BODIES[d.name.replace(/^the\s+/i, '').toLowerCase()] : undefined;
    if (!body || d.key !== `org:${slug(d.name)}` || gaz.orgsByKey.has(d.key)) continue;
    const named = [...drafts.keys()].filter((k) => /^org:[a-z]{2}-/.test(k) && k.slice('org:xx-'.length) === body);
    const key = named.length === 1 ? named[0] : main ? `org:${main.code.toLowerCase()}-${body}` : null;
    if (!key) continue;
    drafts.delete(d.key);
    const same = drafts.get(key);
    if (same) absorb(drafts, same, d, d.name);
    else if (main) drafts.set(key, { ...d, key, name: gaz.orgsByKey.get(key)?.name ?? `${main.demonyms[0] ?? main.name} ${d.name}`, countryCode: main.code });
  }
}

/**
 * "the Atlantic" beside "the Atlantic Ocean", "the Mediterranean" beside "the Mediterranean Sea": a
 * place named by a sea's or an ocean's name without its head is that sea, not a second place.
 */
export function mergeSeaShortNames(drafts: Map<string, AliasDraft>): void {
  const seas = new Map<string, AliasDraft>();
  for (const d of drafts.values()) {
    const short = d.kind === 'PLACE' ? /^(.+)\s+(?:Ocean|Sea)$/.exec(d.name) : null;
    if (short) seas.set(short[1], d);
  }
  for (const d of [...drafts.values()]) {
    const sea = d.kind === 'PLACE' ? seas.get(d.name) : undefined;
    if (!sea || sea === d) continue;
    absorb(drafts, sea, d, d.name);
  }
}

/**
 * "On the Greek island of Samos … near Samos": a one-word name the document shows to be a place is
 * that place wherever else the tagger took it for a person, unless the person was linked to someone known
 * or is named more often than the place ("a boy in my life, Raju", then once "with Raju" read as a place);
 * and wherever the tagger took it for a body the gazetteers do not know ("the Kurdish town of Arbil …
 * Arbil, the administrative centre").
 */
export function mergePlacesTakenForPeople(drafts: Map<string, AliasDraft & { wikidataId?: string; countryCode?: string }>, isKnown: (d: AliasDraft) => boolean): void {
  const places = new Map<string, AliasDraft & { countryCode?: string }>();
  for (const d of drafts.values()) if (d.kind === 'PLACE' && !/\s/.test(d.name)) places.set(d.name, d);
  for (const d of [...drafts.values()]) {
    const place = (d.kind === 'PERSON' && !d.wikidataId) || (d.kind === 'ORGANIZATION' && !isKnown(d) && !/^[A-Z]{2,}$/.test(d.name)) ? places.get(d.name) : undefined;
    // A place the text puts in its state or country ("in Tyler, Texas") wins however often the person is named.
    if (place && (d.kind === 'ORGANIZATION' || place.mentions.length >= d.mentions.length || place.countryCode)) absorb(drafts, place, d, d.name);
  }
}

/**
 * "supermarket Ocado", "store chains Woolworths … Woolworths also limited": a one-word name the article
 * shows to be a body is that body wherever else the tagger took it for a person, unless the person was
 * linked or the word is a given name, a known surname, or the first or last word of a person's name in
 * the article ("Hamza" of Hamza bin Laden).
 */
export function mergeBodiesTakenForPeople(drafts: Map<string, AliasDraft & { wikidataId?: string }>, gaz: Gazetteers): void {
  const bodies = new Map<string, AliasDraft>();
  const nameEnds = new Set<string>();
  for (const d of drafts.values()) {
    if (d.kind === 'ORGANIZATION' && !/\s/.test(d.name)) bodies.set(d.name, d);
    const words = d.kind === 'PERSON' ? d.name.split(/\s+/) : [];
    if (words.length > 1) nameEnds.add(words[0]).add(words[words.length - 1]);
  }
  for (const d of [...drafts.values()]) {
    const person = d.kind === 'PERSON' && !d.wikidataId && !nameEnds.has(d.name);
    const body = person && !gaz.givenNames.has(fold(d.name)) && !gaz.peopleBySurname.has(nameWordKey(d.name)) ? bodies.get(d.name) : undefined;
    if (body) absorb(drafts, body, d, d.name);
  }
}

/**
 * "Amazon Web services" beside "Amazon Web Services": a name of several words cut before its last word,
 * written right before that word in lower case, is that body or place ("Manhattan district attorney"
 * keeps Manhattan).
 */
export function mergeCutBodies(drafts: Map<string, AliasDraft>, text: string): void {
  const bodies = new Map<string, AliasDraft>();
  for (const d of drafts.values()) if (d.kind === 'ORGANIZATION' || d.kind === 'PLACE') bodies.set(d.name.toLowerCase(), d);
  for (const d of [...drafts.values()]) {
    if ((d.kind !== 'ORGANIZATION' && d.kind !== 'PLACE') || !/\s/.test(d.name)) continue;
    const whole = d.mentions.map((m) => /^\s+(\p{Ll}+)/u.exec(text.slice(m.end, m.end + 30))?.[1]).map((w) => (w ? bodies.get(`${d.name.toLowerCase()} ${w}`) : undefined));
    const into = whole[0];
    if (into && into !== d && into.kind === d.kind && whole.every((o) => o === into)) absorb(drafts, into, d, d.name);
  }
}

/**
 * "Deutsche Bahn, Deutsche Telekom, Daimler, and Siemens": a one-word name the tagger took for a person,
 * listed between bodies (or places) and beside no person, is one of them. Not a person linked to someone
 * known, nor a given name; a name of several words beside places is most often a person's ("Hage
 * Geingob, Namibia's president").
 */
export function retypeListedPeople(drafts: Map<string, AliasDraft & { wikidataId?: string }>, text: string, gaz: Gazetteers): void {
  const at = new Map<number, AliasDraft>();
  const ending = new Map<number, AliasDraft>();
  for (const d of drafts.values()) for (const m of d.mentions) (at.set(m.start, d), ending.set(m.end, d));
  // A list's separator: ", ", ", and ", " and ", ", or ", " or ".
  const SEP = String.raw`(?:,\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+)`;
  const sepBefore = new RegExp(`${SEP}$`);
  const sepAfter = new RegExp(`^${SEP}`);
  for (const d of [...drafts.values()]) {
    if (d.kind !== 'PERSON' || d.wikidataId || /\s/.test(d.name) || gaz.givenNames.has(fold(d.name))) continue;
    const kinds = new Set<EntityKind>();
    const beside = new Set<AliasDraft>();
    for (const m of d.mentions) {
      const before = sepBefore.exec(text.slice(Math.max(0, m.start - 8), m.start));
      const after = sepAfter.exec(text.slice(m.end, m.end + 8));
      const prev = before ? ending.get(m.start - before[0].length) : undefined;
      const next = after ? at.get(m.end + after[0].length) : undefined;
      for (const n of [prev, next]) if (n && n !== d) (kinds.add(n.kind === 'COUNTRY' ? 'PLACE' : n.kind), beside.add(n));
    }
    const [kind] = kinds;
    if (kinds.size !== 1 || beside.size < 2 || (kind !== 'ORGANIZATION' && kind !== 'PLACE')) continue;
    const key = kind === 'PLACE' ? placeKey(d.name) : `org:${slug(d.name)}`;
    drafts.delete(d.key);
    const same = drafts.get(key);
    if (same) absorb(drafts, same, d, d.name);
    else drafts.set(key, { ...d, key, kind });
  }
}

/**
 * "the President of the Iranian Chess Federation Mehrdad Pahlavanzadeh": a body's name (ending in its
 * head) run into two or three more words with no title between is the body and then a person, when a
 * known given name opens those words ("Washington State University Simon Ličen"), the article names
 * that person alone, or it names both the body and those words alone (then the words, whatever the
 * tagger made of them elsewhere, are the person). Each mention is cut in two.
 */
export function splitBodiesFromPeople(drafts: Map<string, AliasDraft>, gaz: Gazetteers): void {
  const byName = new Map([...drafts.values()].map((d) => [d.name, d]));
  for (const d of [...drafts.values()]) {
    if (d.kind !== 'ORGANIZATION' || !d.mentions.every((m) => m.text === d.name)) continue;
    const words = d.name.split(' ');
    const n = [2, 3].find((n) => words.length > n && ORG_HEADS.has(words[words.length - n - 1].toLowerCase()));
    const k = words.length - (n ?? words.length);
    if (n === undefined || words.slice(k).some((w) => ORG_HEADS.has(w.toLowerCase()) || !/^\p{Lu}/u.test(w))) continue;
    const body = words.slice(0, k).join(' ');
    const name = words.slice(k).join(' ');
    let person = byName.get(name);
    const given = gaz.givenNames.has(fold(words[k]));
    if (person ? person.kind !== 'PERSON' && !byName.has(body) && !given : !given) continue;
    if (!person) {
      person = { key: `person:${slug(name)}`, kind: 'PERSON', name, aliases: new Set<string>(), mentions: [] };
      drafts.set(person.key, person);
      byName.set(name, person);
    } else if (person.kind !== 'PERSON') {
      drafts.delete(person.key);
      person = { ...person, kind: 'PERSON', key: `person:${slug(name)}` };
      drafts.set(person.key, person);
      byName.set(name, person);
    }
    drafts.delete(d.key);
    const key = `org:${slug(body)}`;
    const into = drafts.get(key) ?? byName.get(body) ?? { key, kind: 'ORGANIZATION' as const, name: body, aliases: new Set<string>(), mentions: [] };
    drafts.set(into.key, into);
    for (const m of d.mentions) {
      into.mentions.push({ ...m, end: m.start + body.length, text: body });
      person.mentions.push({ ...m, start: m.end - name.length, text: name });
    }
  }
}
