/**
 * What says that a name the tagger called a place is a person's: its shape (a hyphenated name) or
 * the words around it (what happens only to people).
 */
import type { Doc } from './document.ts';
import type { Gazetteers } from './gazetteers/index.ts';
import { PLACE_HEADS } from './lexicon.ts';
import { FEATURE_HEADS } from './mentions.ts';
import { fold } from './text.ts';

/**
 * The tagger reads hyphenated personal names as places ("Sam Bankman-Fried", "Pierre-Simon Laplace",
 * "Jamal al-Harbi", "Park Won-soon"). Two or three words are a person's name when a given name opens
 * them (or its first half: "Pierre-Simon") and a hyphenated surname or an "al-" name closes them, or
 * when a short surname comes before a hyphenated East Asian given name in lower case after the hyphen.
 * Hyphenated places keep a head or are one word ("Seongbuk-gu", "Winston-Salem"), and an Arabic place
 * opens with a word no one is named ("Ras al-Khaimah", "Sharm el-Sheikh").
 */
export function hyphenatedPersonName(gaz: Gazetteers, words: string[]): boolean {
  if (words.length < 2 || words.length > 3) return false;
  const [first] = words;
  const last = words[words.length - 1];
  if (PLACE_HEADS.has(last.toLowerCase()) || FEATURE_HEADS.has(last.toLowerCase())) return false;
  const givenFirst = gaz.givenNames.has(fold(first.split('-')[0]));
  const hyphenatedGiven = /^\p{Lu}\p{Ll}+-\p{Lu}\p{Ll}+$/u.test(first) && first.split('-').every((w) => gaz.givenNames.has(fold(w)));
  const hyphenatedSurname = /^\p{Lu}\p{Ll}+-\p{Lu}\p{Ll}+$/u.test(last) || /^(?:al|el|bin|ibn)-\p{Lu}\p{Ll}+$/u.test(last);
  const eastAsian = words.length === 2 && /^\p{Lu}\p{Ll}{1,4}$/u.test(first) && /^\p{Lu}\p{Ll}+-\p{Ll}+$/u.test(last);
  return (givenFirst && (hyphenatedSurname || hyphenatedGiven)) || eastAsian;
}

/** "the killing of Qasem Soleimani", "the widow of …": what only a person has, right before "of". */
const PERSON_OF = /^(?:killing|death|murder|assassination|funeral|burial|arrest|detention|execution|release|widow|widower|wife|husband|son|daughter|mother|father|nephew|niece)$/;

/** "Tynice Nichole Hall was convicted", "… was born in": what only happens to a person, after "was" or "has been". */
const PERSON_PASSIVE = /^(?:convicted|sentenced|arrested|born|killed|murdered|married|charged|indicted|hospitali[sz]ed|detained|jailed|imprisoned|pardoned|nominated|elected|sworn)$/;

/** What only a person does, right after the name: "… died", "… testified". */
const PERSON_VERB = /^(?:died|resigned|testified|pleaded|pled|married|retired)$/;

/**
 * The words around tokens [n0, t1) say a person: "the late Shyamala Gopalan", "the killing of Qasem
 * Soleimani", "Tynice Nichole Hall was convicted", "the Muzychuk sisters", "… died on Monday".
 */
export function personAround(doc: Doc, n0: number, t1: number): boolean {
  const s = doc.tokens[n0].sentence;
  const at = (i: number) => (i >= 0 && i < doc.tokens.length && doc.tokens[i].sentence === s ? doc.tokens[i].text : '');
  if (at(n0 - 1) === 'late' && /^(?:the|her|his|their)$/i.test(at(n0 - 2))) return true;
  if (at(n0 - 1) === 'of' && PERSON_OF.test(at(n0 - 2))) return true;
  if (/^(?:was|had been|has been)$/.test(at(t1)) && PERSON_PASSIVE.test(at(t1 + 1))) return true;
  if (/^(?:has|had)$/.test(at(t1)) && at(t1 + 1) === 'been' && PERSON_PASSIVE.test(at(t1 + 2))) return true;
  return PERSON_VERB.test(at(t1)) || (/^(?:sisters|brothers|siblings)$/.test(at(t1)) && at(n0 - 1).toLowerCase() === 'the');
}

/** An author cited with a year after the name: "Cruse and Croft (2004)", "(Boot, Kramer, & Gratton, 2008)", "Polio and Gass 1997". */
const CITATION_AFTER = /^(?:\s*(?:,|&|and|et al\.?)\s*[^.;!?()]{0,60}?)?[\s,]*\(?(?:1[5-9]|20)\d\d\b/u;

/** A name followed by a citation: a surname, whatever word it is. */
export function citedAuthor(text: string, end: number): boolean {
  return CITATION_AFTER.test(text.slice(end, end + 80));
}
