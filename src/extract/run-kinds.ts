/**
 * What kind a capitalised run the tagger did not type is: person, organisation or place, from its
 * title, name and context cues (classifyRun), and how organisations and places are added.
 */
import { addFound, spanOf, type Doc, type Found } from './document.ts';
import type { Gazetteers } from './gazetteers/index.ts';
import { placeKey } from './gazetteers/index.ts';
import {
  BUILDING_HEADS,
  COMMON_CAPITALIZED,
  CONTINENT_PEOPLE,
  HONORIFICS,
  NAME_CONNECTORS,
  NATIONAL_BODIES,
  NEVER_PERSON,
  NOT_NAME_WORDS,
  OFFICE_HEADS,
  ORG_HEADS,
  PAPER_TITLE,
  PLACE_HEADS,
  PLANETS,
  RELIGION_ADJECTIVES,
  SPEECH_VERBS,
  TITLE_MODIFIERS,
} from './lexicon.ts';
import { fold, nameKey, nameWordKey, slug } from './text.ts';
import { FEATURE_HEADS, isNameWord, isTitleHead, isTitleWord, shouting, titlePrefix, type Run } from './mentions.ts';
import { hyphenatedPersonName, personAround } from './person-cues.ts';
import { followedByCountry, followedByState } from './place-cues.ts';
import { DEGREE_BEFORE, ORDINAL_BEFORE, PRESS_THE, STAR_NAME } from './person-spans.ts';

const PLACE_PREPOSITIONS = new Set(['in', 'near', 'outside', 'across', 'throughout', 'around']);

/** "the Greek island of Samos", "the city of Izmir": a place, whatever the tagger says. */
const PLACE_NOUN_OF = new Set(['island', 'city', 'town', 'village', 'province', 'region', 'district', 'county', 'port', 'capital', 'municipality', 'suburb', 'suburbs', 'outskirts', 'streets', 'hamlet', 'diocese', 'archdiocese', 'parish']);

/** Nouns after "the <name>" that make it a place: "the Karol Bagh area", "the Salaheddin district", "the Kīlauea volcano". */
const AREA_AFTER = new Set(['area', 'neighbourhood', 'neighborhood', 'locality', 'suburb', 'district', 'quarter', 'volcano', 'river', 'glacier', 'peninsula', 'desert', 'valley', 'canyon', 'lake']);

/** "her husband Siarhei", "his daughter Malia": a relative's name is a person's, whatever the tagger says. */
const KIN = new Set(['husband', 'wife', 'son', 'daughter', 'brother', 'sister', 'mother', 'father', 'uncle', 'aunt', 'nephew', 'niece', 'cousin', 'grandson', 'granddaughter', 'grandmother', 'grandfather', 'fiancé', 'fiancée', 'widow', 'partner']);
const KIN_OWNERS = /^(?:his|her|their|my|our|your|'s|’s)$/i;

/** Heads that close a body's name and are no one's surname: "Rajya Sabha" is a house, "Mahan Air" an airline, "Tesco Polska" a company, not a person. */
const BODY_HEADS_NOT_SURNAMES = new Set(['air', 'polska', 'deutschland', 'españa', 'nederland', 'sverige', 'norge', 'suomi', 'danmark', 'schweiz', 'österreich', 'sabha', 'mahasabha', 'samiti', 'samithi', 'parishad', 'hospital', 'clinic', 'ministry', 'department', 'agency', 'committee', 'commission', 'council', 'university', 'institute', 'association', 'federation', 'organization', 'organisation', 'corporation', 'foundation', 'authority', 'parliament', 'tribunal']);

/** Nouns an apposition names a body with: "Vyasna, an independent Belarusian human rights center". */
const BODY_NOUNS = new Set(['center', 'centre', 'group', 'charity', 'nonprofit', 'non-profit', 'firm', 'ngo', 'organisation', 'organization', 'company', 'watchdog', 'broadcaster', 'newspaper', 'outlet', 'publisher', 'startup', 'manufacturer', 'airline', 'carrier', 'retailer']);

/** Besides BODY_NOUNS, nouns right before a name that make it a body: "supermarket Ocado", "platform Weibo". */
const BODY_NOUNS_BEFORE = /^(?:chains?|supermarkets?|platform|network|brand|app|website|bank|studio)$/;

/** The head noun of "a/an/the …" right after the name and a comma, up to a preposition, a clause word or punctuation. */
function appositionHead(doc: Doc, t1: number): string {
  const { tokens } = doc;
  if (t1 + 2 >= tokens.length || tokens[t1].text !== ',' || !/^(?:a|an|the)$/.test(tokens[t1 + 1].text)) return '';
  let k = t1 + 2;
  // Capitalised words may qualify the noun ("an independent Belarusian human rights center").
  while (k < tokens.length && k < t1 + 10 && tokens[k].sentence === tokens[t1].sentence && /^[\p{L}-]+$/u.test(tokens[k].text) && !NOT_NOUNS.has(tokens[k].text) && !/^(?:from|by|based|founded|run|led|whose|into|over|near)$/.test(tokens[k].text)) k++;
  return k > t1 + 2 ? tokens[k - 1].text : '';
}

/** "French", "Danish": a word the gazetteers know only as a country's demonym. */
function demonymWord(gaz: Gazetteers, word: string): boolean {
  return (gaz.phrases.get(fold(word)) ?? []).some((p) => p.words.length === 1 && p.targets.some((t) => t.kind === 'country' && t.form === 'demonym'));
}

/** "the Quds Force, a U.S.-designated Foreign Terrorist Organization.": common words after "a" that end the clause name a category, not a body. */
function aCategory(doc: Doc, gaz: Gazetteers, n0: number, t1: number): boolean {
  const { start, end } = spanOf(doc, n0, t1);
  if (!/\b(?:a|an)\s+(?:[\p{L}.]+-\p{Ll}+\s+)?$/u.test(doc.text.slice(Math.max(0, start - 30), start)) || !/^\s*(?:[.,;:)]|$)/.test(doc.text.slice(end, end + 2))) return false;
  return doc.tokens.slice(n0, t1).every((t) => gaz.commonWords.has(t.text.toLowerCase()));
}

function commonWordsOnly(gaz: Gazetteers, words: string[]): boolean {
  return !gaz.givenNames.has(fold(words[0])) && !gaz.peopleBySurname.has(nameWordKey(words[words.length - 1])) && words.every((w) => gaz.commonWords.has(w.toLowerCase()) || gaz.lowercaseWords.has(w.toLowerCase()));
}

/** "Winchester, Hampshire, England": a name between a place and a comma before a country or place is a place too. */
function placeInAddress(doc: Doc, n0: number, t1: number): boolean {
  const placeAt = (i: number) => i >= 0 && i < doc.tokens.length && doc.cover[i] >= 0 && /^(?:PLACE|COUNTRY)$/.test(doc.found[doc.cover[i]].kind) && doc.found[doc.cover[i]].countryForm !== 'demonym';
  return n0 >= 2 && doc.tokens[n0 - 1].text === ',' && placeAt(n0 - 2) && doc.tokens[t1]?.text === ',' && placeAt(t1 + 1);
}

function relativeBefore(doc: Doc, n0: number): boolean {
  return n0 >= 2 && KIN.has(doc.tokens[n0 - 1].text) && KIN_OWNERS.test(doc.tokens[n0 - 2].text) && doc.tokens[n0 - 2].sentence === doc.tokens[n0].sentence;
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
  if (DEGREE_BEFORE.test(doc.text.slice(Math.max(0, doc.tokens[t0].start - 24), doc.tokens[t0].start))) return true; // "a Masters in International Relations"
  if (t0 === 0 || doc.tokens[t0 - 1].text !== 'in' || t1 - t0 > 3) return false;
  const words = doc.tokens.slice(t0, t1).map((t) => t.text.toLowerCase());
  return FIELDS.test(words[words.length - 1]) && !words.some((w) => ORG_HEADS.has(w) || w === 'of');
}

/** "the Epis. church", "a test Tues. nite": a word cut short by a period that the sentence goes on after, in lower case. */
function abbreviatedWord(doc: Doc, t1: number): boolean {
  return t1 + 1 < doc.tokens.length && doc.tokens[t1].text === '.' && doc.tokens[t1].end === doc.tokens[t1].start + 1 && doc.tokens[t1].start === doc.tokens[t1 - 1].end && /^\p{Ll}/u.test(doc.tokens[t1 + 1].text);
}

/** Planets are places, whatever the tagger says (it often calls Earth a body); Venus and Mercury are also people and firms. */

/** Bodies named in Spanish, Portuguese, Italian, French or German put their head first: "Instituto Gonzaga", "Théâtre National Populaire". */
const FOREIGN_ORG_OPENERS = /^(?:instituto|istituto|institut|universidad|universidade|università|université|universität|colegio|colégio|escuela|école|banco|banca|banque|museo|musée|partido|partito|ministerio|ministère|ministero|fundación|fundação|fondazione|stiftung|société|sociedad|asociación|associação|teatro|théâtre)$/;

/** A school or water district is a body, though "district" alone ends a place's name. */
const bodyOfDistrict = (lower: string[]) => lower.length >= 2 && lower[lower.length - 1] === 'district' && /^(?:school|water|fire|library|park|sanitation|transit|utility|hospital)$/.test(lower[lower.length - 2]);

/** Building heads that are never a surname (unlike "Temple", "Castle" or "Palace"). */
const NEVER_SURNAMES = /^(?:facility|prison|stadium|arena|mosque|cathedral|synagogue|basilica|auditorium|building|mall|base|island|islands|avenue|county|province|district|region|river|airport|street|road|peninsula|strait|canyon|harbou?r|valley|mountains|desert|square|mine)$/;

const SHIP_PREFIXES = /^(?:USS|USNS|HMS|HMAS|HMCS|HMNZS|RMS|INS|MV|RV)$/;

/** Whether a ship's prefix opens the capitalised words right before `t0` ("HMS Queen" before "Elizabeth"). */
function shipNameBefore(doc: Doc, t0: number): boolean {
  for (let k = t0 - 1; k >= 0 && k >= t0 - 3 && doc.tokens[k].sentence === doc.tokens[t0].sentence && /^\p{Lu}/u.test(doc.tokens[k].text); k--) {
    if (SHIP_PREFIXES.test(doc.tokens[k].text)) return true;
  }
  return false;
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

export function classifyRun(doc: Doc, gaz: Gazetteers, run: Run): void {
  const { tokens } = doc;
  let { t0, t1 } = run;
  if (t1 - t0 >= 2 && optionLabel(doc, t0)) t0++;
  // A ship ("the USS Ronald Reagan", "HMS Queen Elizabeth") is no person, place or body, nor is whoever it is named after;
  // "Maryland's seventh Congressional District", "the 14th Amendment" are numbered, not named.
  if ((t1 - t0 >= 2 && SHIP_PREFIXES.test(tokens[t0].text)) || shipNameBefore(doc, t0)) return;
  if (ORDINAL_BEFORE.test(doc.text.slice(Math.max(0, tokens[t0].start - 12), tokens[t0].start)) && /^(?:District|Circuit|Ward|Precinct|Division|Amendment)$/.test(tokens[t1 - 1].text)) return;
  // "Minister of Health Ahmed Ali", "Minister of Information Moammar al-Eryani": after an office and
  // "of" or "for", the portfolio's words belong to the title, not to the name that follows.
  if (t0 >= 2 && /^(?:of|for)$/.test(tokens[t0 - 1].text) && isTitleHead(tokens[t0 - 2].text)) {
    let k = t0;
    while (k < t1 - 1 && (TITLE_MODIFIERS.has(tokens[k].text.toLowerCase()) || tokens[k].text === 'and')) k++;
    // What follows is the office's holder, whatever the tagger called it, unless a body or place is named.
    const rest = tokens.slice(k, t1).map((t) => t.text.toLowerCase());
    if (k > t0 && !NAME_CONNECTORS.has(tokens[k].text) && !rest.some((w) => ORG_HEADS.has(w) || PLACE_HEADS.has(w))) {
      t0 = k;
      run = { ...run, ner: 'PER' };
    }
  }
  // Drop opening words capitalised only because they start the sentence ("Following", "Despite").
  while (t0 < t1) {
    const text = tokens[t0].text;
    const w = text.toLowerCase();
    if (HONORIFICS.has(text) || isTitleHead(text)) break;
    // A quote mark after an article opens a name, not a quoted sentence: the "Will Rogers Turnpike".
    const opener = tokens[t0].sentenceStart || (t0 > 0 && /^["“‘'(]$/.test(tokens[t0 - 1].text) && !(t0 > 1 && /^(?:the|a|an)$/i.test(tokens[t0 - 2].text)));
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
  if (t1 <= t0 || (run.ner !== 'PER' && aCategory(doc, gaz, t0, t1))) return;

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
  if ((t1 - t0 >= 2 && BUILDING_HEADS.has(last)) || (t1 - t0 === 1 && PLANETS.test(words[0]))) {
    // No one's surname is "Facility" or "Stadium", no one is "Mars" alone: those make a place whatever the tagger says.
    if (run.ner !== 'PER' || NEVER_SURNAMES.test(last) || t1 - t0 === 1) return addPlace(doc, t0, t1);
  }
  // Venus and Mercury are planets, the Sun and the Moon bodies of the sky, in an article about the sky.
  if (t1 - t0 === 1 && /^(?:Venus|Mercury|Sun|Moon)$/.test(words[0]) && /\b(?:planets?|Earth|Mars|Jupiter|Saturn|orbits?|stars?|solar|galaxy|astronom\w*)\b/.test(doc.text)) return addPlace(doc, t0, t1);
  const orgLike = (t1 - t0 >= 2 || run.ner === 'ORG') && run.ner !== 'PER' && (ORG_HEADS.has(last) || (t1 - t0 >= 2 && (FOREIGN_ORG_OPENERS.test(lower[0]) || bodyOfDistrict(lower))) || (ORG_HEADS.has(lower[0]) && lower.some((w) => w === 'of' || w === 'on' || w === 'for')));
  if (orgLike) return addOrg(doc, gaz, t0, t1, demonym?.countryCode);
  // A place's head ends a place's name, unless the tagger's person may bear it as a surname (Hall,
  // Castle; not Island, Avenue) or the words around say it is a person's ("Tynice Nichole Hall was convicted").
  if (t1 - t0 >= 2 && PLACE_HEADS.has(last) && (run.ner !== 'PER' || NEVER_SURNAMES.test(last)) && !(run.ner === 'LOC' && personAround(doc, t0, t1))) return addPlace(doc, t0, t1);

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

  // "Chess Federation President", "Coast Guard Commandant": the office is no body; the body or place
  // before it is, when a head ends it (not "United States" of "United States Senator", a country's).
  if (OFFICE_HEADS.has(tokens[t1 - 1].text.toLowerCase()) && run.ner !== 'PER') {
    let end = t1 - 1;
    while (end > t0 && isTitleWord(tokens[end - 1].text)) end--;
    const head = end > t0 ? tokens[end - 1].text.toLowerCase() : '';
    if (ORG_HEADS.has(head) || PLACE_HEADS.has(head)) classifyRun(doc, gaz, { t0, t1: end, ner: run.ner });
    return;
  }
  let n0 = title.end;
  if (n0 >= t1) return; // a title without a name ("the President said")
  // "Doug Collins of Georgia", "Eugene Volokh of UCLA School of Law": the person ends at "of".
  // A body's name the tagger ran a person's into ("Nils-Erik Haagenrud of Rogaland Fire and Rescue"): the
  // words before "of" are that person's when a given name opens them and no common word closes them.
  let ownName = false;
  const given = (w: string) => gaz.givenNames.has(fold(w)) || (w.includes('-') && w.split('-').every((x) => gaz.givenNames.has(fold(x))));
  for (let k = n0 + 1; k < t1 - 1; k++) {
    if (tokens[k].text !== 'of') continue;
    // Not in a body's name the tagger found: "Royal Swedish Academy of Sciences" ("Royal" is also a given name).
    if ((title.end > t0 || given(tokens[n0].text)) && !(run.ner === 'ORG' && ORG_HEADS.has(tokens[k - 1].text.toLowerCase()))) {
      const own = tokens.slice(n0, k).map((t) => t.text);
      ownName = run.ner === 'ORG' && own.length >= 2 && own.length <= 3 && given(own[0]) && !demonymWord(gaz, own[0]) && own.every(isNameWord) && !gaz.commonWords.has(own[own.length - 1].toLowerCase());
      classifyRun(doc, gaz, { t0: k + 1, t1, ner: ownName ? 'ORG' : undefined });
      t1 = k;
    }
    break;
  }
  if (NAME_CONNECTORS.has(tokens[n0].text)) return; // "Speaker of the House", "CEO of Massey Energy"
  const nameWords = tokens.slice(n0, t1).map((t) => t.text);
  const single = nameWords.length === 1;
  const personKnown = !single && gaz.peopleByName.has(nameKey(nameWords.join(' ')));
  const joined = nameWords.join(' ');
  // An acronym the tagger calls an organisation ("KPA", "HBO") is one, unless the sentence shouts or it is a time zone ("UTC").
  if (run.ner === 'ORG' && single && /^[A-Z]{2,6}$/.test(joined) && !shouting(doc, n0) && !NEVER_PERSON.has(joined.toLowerCase())) return addOrg(doc, gaz, n0, t1, demonym?.countryCode);
  // "Hindu" is a faith's word, but "newspaper The Hindu" a title.
  const pressTitle = run.ner === 'ORG' && single && PRESS_THE.test(doc.text.slice(Math.max(0, tokens[n0].start - 20), tokens[n0].start));
  // "published Wednesday in Nature Astronomy", "in PLoS Computational Biology": a journal, though the
  // tagger calls it a work or a place (and "Biology" after "in" reads as a field of study).
  const opening = tokens[n0].start;
  if (run.ner !== undefined && run.ner !== 'PER' && /\bpublished\s+(?:[\p{L}\d,]+\s+){0,3}in\s+(?:the\s+)?$/u.test(doc.text.slice(Math.max(0, opening - 50), opening))) return addOrg(doc, gaz, n0, t1);
  const never =
    !pressTitle &&
    (NEVER_PERSON.has(joined.toLowerCase()) ||
    /^[A-Z]{1,2}$/.test(nameWords.join('')) ||
    STAR_NAME.test(joined) ||
    // "the Lord Mayor", "the Lord President of the court": a word of the office's title.
    (joined === 'Lord' && OFFICE_HEADS.has(lowerAt(doc, t1))) ||
    // Initials alone ("Duckworth, A. L.", "H. R. 1280") are no one's name.
    nameWords.every((w) => /^\p{Lu}\.?$/u.test(w)) ||
    // "Hindu", and its faithful: "Muslims", "Sunnis".
    (nameWords.length === 1 && RELIGION_ADJECTIVES.has(joined.toLowerCase().replace(/(?<=[^s])s$/, ''))) ||
    // "Sunni Members of Parliament": a faith's word opens no one's name (unless a given name: "Christian Bale"), though it opens bodies' names.
    (run.ner === 'PER' && RELIGION_ADJECTIVES.has(lower[n0 - t0]) && !gaz.givenNames.has(fold(nameWords[0]))) ||
    // "the two Post-Soviet states", "Anti-American", "North American trade blocs": an adjective.
    (nameWords.length === 1 && /^(?:Post|Pre|Anti|Pro|Non|Neo)-\p{Lu}/u.test(joined)) ||
    CONTINENT_PEOPLE.test(joined) ||
    (run.ner !== 'PER' &&
      nameWords.length === 1 &&
      (/^[A-Z]{2,}$/.test(joined) || NOT_NAME_WORDS.has(joined.toLowerCase()) || ORG_HEADS.has(joined.toLowerCase()) || /(?:ific|ical|tive|ous|ary|ism)$/.test(joined))));
  if (never || properAdjective(doc, n0, t1) || fieldOfStudy(doc, n0, t1) || (single && abbreviatedWord(doc, t1))) return;
  const cue = title.end > t0 || cueBefore(doc, n0) || speechAround(doc, n0, t1);
  const { start, end } = spanOf(doc, n0, t1);
  // `named`: the words are a person's name by their shape, whatever the tagger said ("Park Won-soon").
  const person = (pending = false, named = run.ner === 'PER'): void => {
    // Whatever the cue, "… School of Law said" is not a person.
    if (!named && lower.slice(n0 - t0).some((w) => ORG_HEADS.has(w) || NOT_NAME_WORDS.has(w))) {
      // A title word the tagger put inside the name is part of it: "Major League Baseball".
      if (lower.slice(n0 - t0).some((w) => ORG_HEADS.has(w))) addOrg(doc, gaz, run.ner && !title.honorific ? t0 : n0, t1, demonym?.countryCode);
      return;
    }
    addFound(doc, { kind: 'PERSON', t0: n0, t1, start, end, titleT0: title.end > t0 ? t0 : undefined, cue, pending });
  };

  const before = (i: number) => (n0 - i >= 0 && tokens[n0 - i].sentence === tokens[n0].sentence ? tokens[n0 - i].text : '');
  const small = nameWords.length <= 3 && !nameWords.some((w) => ORG_HEADS.has(w.toLowerCase()));
  if (before(1) === 'of' && PLACE_NOUN_OF.has(before(2)) && small) return addPlace(doc, n0, t1);
  // "in the Karol Bagh area of the Indian capital", "the Kīlauea volcano": a name between "the" and such a noun is a place's.
  if (before(1) === 'the' && title.end === t0 && AREA_AFTER.has(tokens[t1]?.text ?? '') && small) return addPlace(doc, n0, t1);
  if (run.ner !== 'PER' && nameWords.length <= 2 && !nameWords.some((w) => ORG_HEADS.has(w.toLowerCase())) && placeInAddress(doc, n0, t1)) return addPlace(doc, n0, t1);
  if (nameWords.length <= 3 && relativeBefore(doc, n0)) return person(false, true);
  if (run.ner === 'PER' && !single && BODY_HEADS_NOT_SURNAMES.has(nameWords[nameWords.length - 1].toLowerCase())) return addOrg(doc, gaz, n0, t1, demonym?.countryCode);
  // "supermarket Ocado", "store chains Woolworths", "law firm Sidley Austin", "the town Makilala": the noun before says what it is (no given name opening the name).
  const bodyNoun = BODY_NOUNS.has(before(1)) || BODY_NOUNS_BEFORE.test(before(1));
  if (run.ner !== 'ORG' && !single && bodyNoun && !gaz.givenNames.has(fold(nameWords[0]))) return addOrg(doc, gaz, n0, t1, demonym?.countryCode);
  if (run.ner !== 'ORG' && single && !gaz.givenNames.has(fold(joined))) {
    if (!gaz.peopleBySurname.has(nameWordKey(joined)) && bodyNoun) return addOrg(doc, gaz, n0, t1, demonym?.countryCode);
    if (/^(?:towns|cities|villages|town|city|village)$/.test(before(1)) && !gaz.peopleBySurname.has(nameWordKey(joined))) return addPlace(doc, n0, t1);
    const head = appositionHead(doc, t1);
    // After "the", a centre is a town's as often as a body's ("Arbil, the administrative centre of").
    const definite = tokens[t1 + 1]?.text === 'the';
    if (ORG_HEADS.has(head) || (BODY_NOUNS.has(head) && !(definite && /^cent(?:er|re)$/.test(head)))) return addOrg(doc, gaz, n0, t1, demonym?.countryCode);
  }
  // "Blind Faith recorded", "the People Party": common words only, no given name, no title, no known
  // surname: a body's name the tagger took for a person's.
  if (run.ner === 'PER' && !cue && !single && commonWordsOnly(gaz, nameWords)) return addOrg(doc, gaz, n0, t1, demonym?.countryCode);
  // "visiting Kenosha, Wisconsin", "arrested in Norfolk at 2am": one word before a state or after "in" that no one bears as a name is a place, and a
  // known name before a state after "of" or "in" ("Crusius of Allen, Texas"); no title ("in Batman: The …"), no authors ("in Carrano and Biewener's").
  const stateAfterName = run.ner === 'PER' && single && !cue ? followedByState(doc, gaz, t1) : undefined;
  const known = gaz.peopleBySurname.has(nameWordKey(joined)) || gaz.givenNames.has(fold(joined));
  const townWord = stateAfterName ? !known || /^(?:in|of|from|near)$/.test(before(1)) : PLACE_PREPOSITIONS.has(before(1)) && !known;
  if (run.ner === 'PER' && single && !cue && townWord && !/^(?:['’]s?|:|and|&)$/.test(tokens[t1]?.text ?? '')) return addPlace(doc, n0, t1, stateAfterName);
  if (run.ner === 'PER' || ownName) return person(false, true);
  // A paper's title the tagger calls a place is a body's ("The Nevada Independent", "Manila Bulletin"); a work's ("Nuremberg Chronicle") stays a work's.
  if (run.ner === 'LOC' && !single && PAPER_TITLE.test(joined)) return addOrg(doc, gaz, n0, t1);
  if (cue && (run.ner === undefined || run.ner === 'MISC')) return person();
  if (personKnown) return person();
  // "Vinita, OK", "Paramus, NJ", "Nacogdoches, Texas": a name before a comma and a state is a town, whatever the tagger says.
  const stateAfter = run.ner !== 'LOC' && title.end === t0 ? followedByState(doc, gaz, t1) : undefined;
  if (stateAfter) return addPlace(doc, n0, t1, stateAfter);
  if (run.ner === 'ORG') return addOrg(doc, gaz, title.honorific ? n0 : t0, t1, demonym?.countryCode);
  // "presidential nominee Gloria La Riva": a given name opening a place's name after a title or an occupation is a person's.
  const titledGiven = cue && !single && gaz.givenNames.has(fold(nameWords[0])) && !PLACE_HEADS.has(lower[lower.length - 1]);
  if (run.ner === 'LOC' && (hyphenatedPersonName(gaz, nameWords) || personAround(doc, n0, t1) || titledGiven)) return person(false, true);
  // A title word opening what the tagger calls a place is part of its name: "Queen Creek", "Prince George".
  if (run.ner === 'LOC') return addPlace(doc, title.honorific ? n0 : t0, t1);
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

function demonymBefore(doc: Doc, t0: number): Found | null {
  if (t0 === 0) return null;
  const f = doc.cover[t0 - 1] >= 0 ? doc.found[doc.cover[t0 - 1]] : null;
  return f && f.kind === 'COUNTRY' && f.t1 === t0 && doc.tokens[t0 - 1].sentence === doc.tokens[t0].sentence ? f : null;
}

function addOrg(doc: Doc, gaz: Gazetteers, t0: number, t1: number, countryCode?: string): void {
  const { start, end, text } = spanOf(doc, t0, t1);
  const name = text.replace(/^the\s+/i, '');
  // "Supreme Court" cut from "Supreme Court Justice": a name the gazetteers know only in context is
  // left pending, for the article's countries to say whose (resolveContextOrgs).
  const words = doc.tokens.slice(t0, t1).map((t) => fold(t.text)).filter((w, i) => i > 0 || w.toLowerCase() !== 'the');
  const phrase = countryCode ? undefined : gaz.phrases.get(words[0])?.find((p) => p.words.join(' ') === words.join(' '));
  const known = phrase?.targets.find((t) => t.kind === 'org' && t.contextOnly);
  if (known?.kind === 'org') addFound(doc, { kind: 'ORGANIZATION', t0, t1, start, end, key: known.key, name: known.name, countryCode: known.countryCode, pending: true });
  else addFound(doc, { kind: 'ORGANIZATION', t0, t1, start, end, key: `org:${slug(name)}`, name, countryCode });
}

function addPlace(doc: Doc, t0: number, t1: number, countryCode?: string): void {
  const { start, end, text } = spanOf(doc, t0, t1);
  // "Bohai sea" is named "Bohai Sea".
  const name = FEATURE_HEADS.has(doc.tokens[t1 - 1].text) ? text.replace(/\p{Ll}+$/u, (w) => w[0].toUpperCase() + w.slice(1)) : text;
  addFound(doc, { kind: 'PLACE', t0, t1, start, end, key: placeKey(name), name, countryCode: countryCode ?? followedByCountry(doc, t1) });
}
