/**
 * Roles from titles written before a name ("Russian Foreign Minister Sergei Lavrov", "former US
 * ambassador to NATO Kurt Volker"), from a preceding appositive ("Tillerson's special envoy for
 * Ukraine, former US ambassador to NATO Kurt Volker") and from one after the name
 * ("Kurt Volker, the US special representative for Ukraine,").
 */
import type { Doc, Found } from './document.ts';
import type { PersonCluster } from './people.ts';
import { HONORIFICS, OFFICE_HEADS, OCCUPATIONS, TITLE_MODIFIERS } from './lexicon.ts';

export interface RoleDraft {
  cluster: PersonCluster;
  title: string;
  countryCode?: string;
  organizationKey?: string;
  /** "Tillerson's special envoy": the role belongs to that person's country. */
  ofPerson?: Found;
  former: boolean;
  sentence: number;
}

function foundAt(doc: Doc, i: number): Found | null {
  return i >= 0 && i < doc.tokens.length && doc.cover[i] >= 0 ? doc.found[doc.cover[i]] : null;
}

function isHead(w: string): boolean {
  return OFFICE_HEADS.has(w.toLowerCase());
}

function isTitleish(text: string): boolean {
  const w = text.toLowerCase();
  return OFFICE_HEADS.has(w) || TITLE_MODIFIERS.has(w) || OCCUPATIONS.has(w);
}

interface TitleSpan {
  t0: number;
  t1: number;
  text: string;
  organizationKey?: string;
  countryCode?: string;
}

/** A title phrase ending right before token `end` (exclusive), read backwards. */
function titleBefore(doc: Doc, end: number, sentence: number): TitleSpan | null {
  const { tokens } = doc;
  const inSentence = (i: number) => i >= 0 && tokens[i].sentence === sentence;
  let j = end - 1;
  let complementStart = end;
  let organizationKey: string | undefined;
  let countryCode: string | undefined;
  // Skip honorifics: "President Mr. X" is rare, "Mr. X" has no role.
  while (inSentence(j) && HONORIFICS.has(tokens[j].text)) j--;
  const titleEnd = j + 1;
  const f = foundAt(doc, j);
  if (f && f.kind !== 'PERSON' && inSentence(f.t0 - 2) && /^(?:to|for|of|at)$/.test(tokens[f.t0 - 1].text) && isTitleish(tokens[f.t0 - 2].text)) {
    complementStart = f.t0 - 1;
    if (tokens[f.t0 - 1].text === 'of') {
      if (f.kind === 'COUNTRY') countryCode = f.countryCode;
      else if (f.kind === 'ORGANIZATION') organizationKey = f.key;
    } else if (f.kind === 'ORGANIZATION') organizationKey = f.key;
    j = f.t0 - 2;
  }
  let hasHead = false;
  let t0 = j + 1;
  while (inSentence(j)) {
    const text = tokens[j].text;
    if (isTitleish(text)) {
      if (isHead(text)) hasHead = true;
      t0 = j;
      j--;
      continue;
    }
    if ((text === 'of' || text === 'for') && inSentence(j - 1) && isHead(tokens[j - 1].text) && t0 === j + 1) {
      j--;
      continue;
    }
    // "Emergency Situations Minister": unknown capitalised words directly before an office.
    if (/^\p{Lu}/u.test(text) && !foundAt(doc, j) && t0 === j + 1 && /^(?:Minister|Secretary|Ministers)$/.test(tokens[t0]?.text ?? '')) {
      t0 = j;
      j--;
      continue;
    }
    break;
  }
  if (!hasHead || t0 >= titleEnd) return null;
  const stop = complementStart < titleEnd ? titleEnd : titleEnd;
  const start = tokens[t0].start;
  const last = tokens[Math.max(t0, stop - 1)];
  let text = doc.text.slice(start, last.end);
  if (tokens[complementStart]?.text === 'of' && (countryCode || organizationKey)) text = doc.text.slice(start, tokens[complementStart - 1].end);
  return { t0, t1: stop, text: text.replace(/^(?:former|ex-|top|then-)\s+/i, ''), organizationKey, countryCode };
}

/** What stands before a title: a country or demonym, a possessive ("Tillerson's"), "former". */
function ownerBefore(doc: Doc, t0: number, sentence: number): { countryCode?: string; organizationKey?: string; ofPerson?: Found; former: boolean; t0: number } {
  const { tokens } = doc;
  let j = t0 - 1;
  let countryCode: string | undefined;
  let organizationKey: string | undefined;
  let ofPerson: Found | undefined;
  let former = /^(?:former|ex-)/i.test(tokens[t0]?.text ?? '');
  const f = foundAt(doc, j);
  if (f && tokens[j].sentence === sentence && f.t1 === j + 1) {
    if (f.kind === 'COUNTRY') countryCode = f.countryCode;
    else if (f.kind === 'ORGANIZATION') organizationKey = f.key;
    j = f.t0 - 1;
  } else if (j >= 1 && /^['’]s$/.test(tokens[j].text)) {
    const owner = foundAt(doc, j - 1);
    if (owner && owner.kind === 'COUNTRY') countryCode = owner.countryCode;
    else if (owner && owner.kind === 'ORGANIZATION') organizationKey = owner.key;
    else if (owner && owner.kind === 'PERSON') ofPerson = owner;
    if (owner) j = owner.t0 - 1;
  }
  if (j >= 0 && tokens[j].sentence === sentence && /^(?:former|ex|then)$/i.test(tokens[j].text)) {
    former = true;
    j--;
  }
  return { countryCode, organizationKey, ofPerson, former, t0: j + 1 };
}

/** A title after the name, between commas: "X, the US special representative for Ukraine, …". */
function titleAfter(doc: Doc, t1: number, sentence: number): { title: TitleSpan; owner: ReturnType<typeof ownerBefore> } | null {
  const { tokens } = doc;
  if (tokens[t1]?.text !== ',' || tokens[t1].sentence !== sentence) return null;
  let k = t1 + 1;
  while (k < tokens.length && /^(?:the|a|an)$/i.test(tokens[k].text)) k++;
  // Find the end of the appositive: the next comma, period, or "who".
  let e = k;
  while (e < tokens.length && tokens[e].sentence === sentence && !/^(?:,|\.|;|who|and|said|says)$/.test(tokens[e].text) && e - k < 12) e++;
  if (e === k) return null;
  const title = titleBefore(doc, e, sentence);
  if (!title || title.t0 < k) return null;
  const owner = ownerBefore(doc, title.t0, sentence);
  if (owner.t0 < k) return null;
  return { title, owner };
}

export function findRoles(doc: Doc, clusters: PersonCluster[]): RoleDraft[] {
  const roles: RoleDraft[] = [];
  const clusterOf = new Map<Found, PersonCluster>();
  for (const c of clusters) for (const m of c.mentions) clusterOf.set(m, c);
  for (const c of clusters) {
    for (const m of c.mentions) {
      const sentence = doc.tokens[m.t0].sentence;
      const add = (title: TitleSpan, owner: ReturnType<typeof ownerBefore>) => {
        const head = title.text.split(/\s+/).some((w) => isHead(w));
        if (!head) return;
        roles.push({
          cluster: c,
          title: title.text,
          countryCode: title.countryCode ?? owner.countryCode,
          organizationKey: title.organizationKey ?? owner.organizationKey,
          ofPerson: owner.ofPerson,
          former: owner.former,
          sentence,
        });
        c.titles.push(title.text);
      };
      const before = titleBefore(doc, m.t0, sentence);
      if (before) {
        const owner = ownerBefore(doc, before.t0, sentence);
        add(before, owner);
        // "Tillerson's special envoy for Ukraine, former US ambassador to NATO Kurt Volker"
        const comma = owner.t0 - 1;
        if (comma > 0 && doc.tokens[comma].text === ',') {
          const chained = titleBefore(doc, comma, sentence);
          if (chained) add(chained, ownerBefore(doc, chained.t0, sentence));
        }
      }
      const after = titleAfter(doc, m.t1, sentence);
      if (after) add(after.title, after.owner);
    }
  }
  void clusterOf;
  return roles;
}
