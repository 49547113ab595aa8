/**
 * Tagger spans that only look like a person's name, or hold more than one: crafts and products named
 * after people, operating systems, prizes, licences, movements, party members, barristers' and
 * honours' marks, plural titles, common nouns and gerunds opening a sentence, greetings, holidays, words
 * cut by an editor's brackets, degrees' subjects, interviewers' initials, stars, words of an office's
 * title, works' authors, newspapers' titles (run by mendSpans in span-joins.ts, before names are found).
 */
import { firstTokenAt, type Doc } from './document.ts';
import { isLowercaseWordName, type Gazetteers } from './gazetteers/index.ts';
import { OCCUPATIONS, OFFICE_HEADS, ORG_HEADS } from './lexicon.ts';
import type { NerSpan } from './ner-bridge.ts';
import { fold, nameWordKey } from './text.ts';

/** Lower-case nouns of instruments and craft named after a person or a place: "the Kepler space telescope", "the Juno probe". */
const CRAFT_AFTER = /^\s+(?:space\s+)?(?:telescope|spacecraft|probe|rover|lander|orbiter|satellite|mission)\b/;

/** Lower-case nouns of products a person's or place's name is given to: "the Crew Dragon capsule", "a Humvee military car". */
export const PRODUCT_AFTER = /^\s+(?:(?:military|armou?red|electric|sports)\s+)?(?:cars?|trucks?|capsules?|rifles?|bitters|liqueur|whiske?y|vodka|apps?|browser|software|smartphones?|consoles?|distribution|operating\s+systems?|video\s+games?)\b/;

/**
 * An operating system's name ("Red Hat Enterprise Linux", "CAOS Linux"), an honour's ("Leroy P. Steele Prize",
 * "National Medal of Science") or a craft's named after a person ("James Webb Telescope").
 */
const SYSTEM_NAME = /\s(?:Linux|OS|Telescope|Spacecraft|Probe|Rover|Lander|Orbiter|Satellite|(?:Prize|Award|Medal|Trophy|Lecture|Fellowship)(?:\s+(?:of|for)(?:\s+\p{Lu}\p{L}*)+)?)$/u;

/** A star named in its constellation's Latin genitive ("AB Aurigae", "[Alpha] Centauri", "61 Cygni"): no person, place or body. */
export const STAR_NAME = /(?:^|\s)(?:Andromedae|Aquarii|Aquilae|Arietis|Aurigae|Bootis|Cancri|Canis\s+Majoris|Canum\s+Venaticorum|Capricorni|Carinae|Cassiopeiae|Centauri|Cephei|Ceti|Columbae|Coronae\s+Borealis|Corvi|Crucis|Cygni|Delphini|Doradus|Draconis|Eridani|Geminorum|Herculis|Hydrae|Leonis|Leporis|Librae|Lyrae|Ophiuchi|Orionis|Pegasi|Persei|Phoenicis|Piscium|Puppis|Sagittarii|Scorpii|Serpentis|Tauri|Trianguli|Ursae\s+(?:Majoris|Minoris)|Velorum|Virginis|Vulpeculae)$/;

/** "a Creative Commons Attribution license": a licence's name. */
const LICENCE_AFTER = /^\s+licen[cs]es?\b/;

/** A party's member before a name: "Democrat Walter Mondale", "Republican Susan Collins", "Democrat Spearman". */
const PARTY_MEMBER = /^(?:Democrat|Republican|Tory|Labourite|Socialist|Communist)\s+(?=\p{Lu}\p{Ll}+(\s+\p{Lu})?)/u;

/** "a Master of Business Affairs at Bond University": what follows names a degree's subject, not a body. */
export const DEGREE_BEFORE = /\b(?:Master|Bachelor|Doctor)(?:s|'s|’s)?\s+(?:of|in)\s+$/;

/** An ordinal number before a name's words: "seventh Congressional District", "14th Amendment". */
export const ORDINAL_BEFORE = /\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d+(?:st|nd|rd|th))\s+$/;

const MOVEMENT_AFTER = /^\s+(?:movement|rebels|militia|militants|fighters)\b/;

/** The span without its first `n` characters. */
export const withoutStart = (s: NerSpan, n: number): NerSpan => ({ ...s, start: s.start + n, text: s.text.slice(n) });

/** The span without its last `n` characters. */
export const withoutEnd = (s: NerSpan, n: number): NerSpan => ({ ...s, end: s.end - n, text: s.text.slice(0, -n) });

/** India's civilian honours, written before their holders' names: "Bharat Ratna Pranab Mukherjee". */
const HONOURS = /^(?:Bharat\s+Ratna|Padma\s+(?:Shri|Shree|Bhushan|Vibhushan))(?:\s+|$)/;

/**
 * What the tagger takes for a person but is not one, or takes wrongly: a barrister's "QC" after a name
 * ("Judge Durham Hall QC" is Durham Hall), a product's name, an honour before a name ("Bharat Ratna Pranab
 * Mukherjee" is Pranab Mukherjee), a plural title opening the span ("Senators Kamala
 * Harris" is Kamala Harris), a holiday named after a person ("Martin Luther King Jr. Day"), a
 * telescope or probe named after one ("the Kepler space telescope", "NASA's James Webb space telescope"), and an interviewer's initials in
 * Wikinews' double brackets ("((WSS))").
 */
export function mendPersonLikeSpans(doc: Doc, gaz: Gazetteers, ner: NerSpan[]): NerSpan[] {
  const out: NerSpan[] = [];
  // A place or country the gazetteers know by this one word ("Alaska", "Koszalin").
  const place = (w: string) => (gaz.phrases.get(fold(w)) ?? []).some((p) => p.words.length === 1 && p.targets.some((t) => t.kind === 'place' || (t.kind === 'country' && t.form === 'name')));
  for (let s of ner) {
    const author = s.type === 'MISC' ? authorOfWork(doc, gaz, s) : null;
    if (author) {
      out.push(...author);
      continue;
    }
    if ((doc.text.slice(Math.max(0, s.start - 2), s.start) === '((' && doc.text.slice(s.end, s.end + 2) === '))') || STAR_NAME.test(s.text)) continue;
    // "Mak[ing] a location a capital", "Count[ies]": a common word an editor's brackets cut, no name (but "Pittsburg[h]" is one).
    const completed = /^\[(\p{Ll}+)\]/u.exec(doc.text.slice(s.end, s.end + 12));
    if (completed && gaz.commonWords.has(`${/\S+$/.exec(s.text)![0]}${completed[1]}`.toLowerCase())) continue;
    // "DAB In the Kowloon West constituency": a capitalised preposition (a caption's, a heading's) ends no name.
    const preposition = / (?:In|On|At|For|From|By|With)$/.exec(s.text);
    if (preposition && /^\s+(?:the\s|\p{Ll})/u.test(doc.text.slice(s.end, s.end + 6))) s = withoutEnd(s, preposition[0].length);
    // "Taliban spokesperson Zabiullah Mujahid": a body, a lower-case office and a name in one span are the body and a person.
    const holder = s.type === 'ORG' ? /^(\S.*?) (\p{Ll}+) (?=\p{Lu}\p{Ll}+ \p{Lu})/u.exec(s.text) : null;
    if (holder && (OFFICE_HEADS.has(holder[2]) || OCCUPATIONS.has(holder[2]))) {
      out.push(withoutEnd(s, s.text.length - holder[1].length), { ...withoutStart(s, holder[0].length), type: 'PER' });
      continue;
    }
    if (DEGREE_BEFORE.test(doc.text.slice(Math.max(0, s.start - 24), s.start))) {
      // Only the body where it was earned stays: "… at Bond University".
      const where = / (?:at|from) /.exec(s.text);
      if (where) out.push(withoutStart(s, where.index + where[0].length));
      continue;
    }
    const after = doc.text.slice(s.end, s.end + 24);
    // "United States District Judge Clark Waddoups", "the Divisional Railway Manager": words of an office's title.
    const lastWord = s.text.slice(s.text.lastIndexOf(' ') + 1).toLowerCase();
    if ((/\bDistrict$/.test(s.text) && /^\s+(?:Judge|Attorney)\b/.test(after)) || (s.type === 'ORG' && /^\s+Manager\b/.test(after) && gaz.commonWords.has(lastWord))) continue;
    // A craft's or product's name of several words stays a work's, so that its words make no person of their own.
    if (s.text.split(' ').length <= 3 && (CRAFT_AFTER.test(after) || (s.type !== 'ORG' && PRODUCT_AFTER.test(after)))) {
      if (s.text.includes(' ')) out.push({ ...s, type: 'MISC' });
      continue;
    }
    if ((s.type === 'PER' && /\b(?:Jr|Sr)\.?\s+Day$/.test(s.text)) || SYSTEM_NAME.test(s.text) || LICENCE_AFTER.test(after)) {
      out.push({ ...s, type: 'MISC' });
      continue;
    }
    // "Sharia law": a legal system; "a Streisand effect", "the Saffir–Simpson scale": a phenomenon or a measure named after someone.
    if (s.type !== 'ORG' && !s.text.includes(' ') && /^(?:[–-]\p{Lu}\p{L}+)?\s+(?:law|effect|syndrome|paradox|scale|theorem|equation)\b/u.test(doc.text.slice(s.end, s.end + 30))) continue;
    // "The Senate Minority Leader, Chuck Schumer": the office's words leave the body.
    const office = s.type === 'ORG' ? / (?:Minority|Majority)$/.exec(s.text) : null;
    if (office && /^\s+(?:Leader|Whip)\b/.test(doc.text.slice(s.end, s.end + 8))) {
      out.push(withoutEnd(s, office[0].length));
      continue;
    }
    // "the Yemen-based Houthi movement", "Taliban fighters": a movement's name, not a person's.
    if (s.type === 'PER' && !s.text.includes(' ') && MOVEMENT_AFTER.test(doc.text.slice(s.end, s.end + 14))) {
      out.push({ ...s, type: 'ORG' });
      continue;
    }
    // "Countryman Lawrence Cherono won": a common noun opening a sentence before a given name is no part of the name; nor is
    // an occupation in a caption ("Violinist Anna Rees performs") or a known place after "of" ("governor of Alaska Sarah Palin").
    const noun = s.type === 'PER' ? /^(\p{Lu}\p{Ll}+)\s+(?=(\p{Lu}\S*)\s+\p{Lu})/u.exec(s.text) : null;
    const opener = (w: string) =>
      (doc.tokens[firstTokenAt(doc, s.start)]?.sentenceStart && isLowercaseWordName(gaz, w)) || OCCUPATIONS.has(w.toLowerCase()) || (place(w) && /\bof\s+$/.test(doc.text.slice(Math.max(0, s.start - 4), s.start)));
    if (noun && gaz.givenNames.has(fold(noun[2])) && !gaz.givenNames.has(fold(noun[1])) && opener(noun[1])) {
      out.push(withoutStart(s, noun[0].length));
      continue;
    }
    // "Enrolling Minetest into GSoC …": a gerund opening a sentence opens no person's name, nor a body's of two words with no body's head.
    const named = s.type === 'PER' || (!/\s\S+\s/.test(s.text) && !ORG_HEADS.has(s.text.slice(s.text.lastIndexOf(' ') + 1).toLowerCase()));
    const gerund = named && doc.tokens[firstTokenAt(doc, s.start)]?.sentenceStart ? /^(\p{Lu}\p{Ll}+ing)\s+(?=\p{Lu})/u.exec(s.text) : null;
    if (gerund && verbIng(gaz, gerund[1]) && !gaz.givenNames.has(fold(gerund[1])) && !gaz.peopleBySurname.has(nameWordKey(gerund[1]))) {
      out.push(withoutStart(s, gerund[0].length));
      continue;
    }
    const party = s.type === 'PER' ? PARTY_MEMBER.exec(s.text) : null;
    // A surname alone after the party must be no common word: "Republican Guard" is no Guard.
    if (party && (party[1] || !gaz.lowercaseWords.has(s.text.slice(party[0].length).toLowerCase()))) {
      out.push(withoutStart(s, party[0].length));
      continue;
    }
    // "Hi Agastya. Nice to meet you.", "Dear Marcie,": a greeting before a name called out opens no name ("Hello Kitty sold" is no call).
    const greeting = s.type === 'PER' && /^\s*(?:[,.!:;]|$)/m.test(doc.text.slice(s.end, s.end + 2)) ? /^(?:Hi|Hello|Hey|Dear)\s+(?=\p{Lu})/u.exec(s.text) : null;
    if (greeting) {
      out.push(withoutStart(s, greeting[0].length));
      continue;
    }
    // "Member of Parliament (MP) Yvette Cooper": the office's words leave the body.
    const member = s.type === 'ORG' ? /^Members? of (?:the )?(?=\p{Lu})/u.exec(s.text) : null;
    if (member) {
      out.push(withoutStart(s, member[0].length));
      continue;
    }
    const counsel = / (?:QC|KC)$/.exec(s.text);
    if (counsel) {
      out.push({ ...withoutEnd(s, counsel[0].length), type: 'PER' });
      continue;
    }
    const honour = s.type === 'PER' ? HONOURS.exec(s.text) : null;
    if (honour) {
      if (honour[0].length < s.text.length) out.push(withoutStart(s, honour[0].length));
      continue;
    }
    const plural = s.type === 'PER' ? /^(\p{Lu}\p{Ll}+)s\s+(?=\p{Lu})/u.exec(s.text) : null;
    if (plural && OFFICE_HEADS.has(plural[1].toLowerCase())) out.push(withoutStart(s, plural[0].length));
    else out.push(s);
  }
  return out;
}

/** A verb's "-ing" form: its stem is a lower-case word ("enroll", "make", "stop"; not "Sterling"). */
function verbIng(gaz: Gazetteers, w: string): boolean {
  return [w.slice(0, -3), `${w.slice(0, -3)}e`, w.slice(0, -4)].some((v) => v.length > 2 && (gaz.commonWords.has(v.toLowerCase()) || isLowercaseWordName(gaz, v)));
}

/**
 * "Woody Allen's Match Point", "Isaac Newton's Philosophiae Naturalis Principia Mathematica": the
 * tagger reads a work's author into its title. When a given name opens the owner (the tagger may have
 * left given names out: "Joseph [Conrad's Secret Agent]"), the author is a person and the rest the work.
 */
function authorOfWork(doc: Doc, gaz: Gazetteers, s: NerSpan): NerSpan[] | null {
  const owner = /^(\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*){0,2})['’]s\s+(?=\S)/u.exec(s.text);
  if (!owner) return null;
  let start = s.start;
  for (let k = 0; k < 2; k++) {
    const given = /(\p{Lu}[\p{L}-]*)\s$/u.exec(doc.text.slice(Math.max(0, start - 30), start));
    if (!given || !gaz.givenNames.has(fold(given[1]))) break;
    start -= given[0].length;
  }
  const end = s.start + owner[1].length;
  const name = doc.text.slice(start, end);
  if (!name.includes(' ') || !gaz.givenNames.has(fold(name.slice(0, name.indexOf(' '))))) return null;
  return [{ type: 'PER', start, end, text: name }, withoutStart(s, owner[0].length)];
}

/** A capital "The" inside a sentence after a word that names or addresses the press: "told The …", "newspaper The …". */
export const PRESS_THE = /\b(?:told|to|newspaper|daily|weekly|magazine|paper|tabloid|broadsheet|outlet|website)\s+The\s+$/;

/**
 * A newspaper's title the tagger calls a work: "told The EastAfrican", "newspaper The Hindu". After a
 * capital "The" that follows a word naming or addressing the press, or before "reported", it is a body
 * (and so is a one-word title the tagger took for a surname: "newspaper The Hill").
 */
export function pressTitles(doc: Doc, ner: NerSpan[]): NerSpan[] {
  return ner.map((s) => {
    const before = doc.text.slice(Math.max(0, s.start - 20), s.start);
    const press = PRESS_THE.test(before) || (/(?:^|[^.!?"“]\s+)The\s+$/.test(before) && /^\s+(?:reported|reports)\b/.test(doc.text.slice(s.end, s.end + 10)));
    return press && (s.type === 'MISC' || (s.type === 'PER' && !s.text.includes(' '))) ? { ...s, type: 'ORG' } : s;
  });
}
