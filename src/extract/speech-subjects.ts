/**
 * Who a speech verb's subject is, for the attribution of quotes (quote-speakers.ts).
 *
 * A subject "he"/"she" is the person named last before the pronoun who is not the object of a
 * preposition ("Speaking to Martin Smith of PBS, he said" is not Smith) and whose gender, when known
 * (honorific, given name, a pronoun after the first mention), agrees. A writing ("the letter reads", "a
 * statement which read", "according to a statement released by X") or an office that is not an entity
 * ("the ministry said") speaks for its author
 * if that is an entity, else for no one; "the archbishop said" is the person last named with that title;
 * "X, 24, who cited …:" is X; "X of the University of Y" is X.
 *
 * Every function takes the SpeakerContext of one document: its tokens, the entity at each token, the
 * quote spans, and the gender evidence gathered for its people.
 */
import type { Doc } from './document.ts';
import { OCCUPATIONS, OFFICE_HEADS, SPEECH_VERBS, TITLE_MODIFIERS } from './lexicon.ts';
import { givenNameGender, type Gender } from './gender.ts';

/** Entity keys by token: the resolved entity covering each token (people after clustering). */
export type KeyAt = (token: number) => { key: string; kind: string } | null;

export interface SpeakerContext {
  doc: Doc;
  tokens: Doc['tokens'];
  keyAt: KeyAt;
  /** The quote spans of the document (character offsets). */
  spans: readonly { start: number; end: number }[];
  /** Tokens of each person's mentions, in text order, for gender evidence. */
  personMentions: Map<string, [number, number][]>;
  /** Genders found so far, by person key (undefined: looked for, not known). */
  genders: Map<string, Gender | undefined>;
}

export const PRONOUN = /^(?:he|she|He|She)$/;
/** Pronouns and honorifics that tell a person's gender. */
const PRONOUN_GENDER: Record<string, Gender> = { he: 'male', him: 'male', his: 'male', himself: 'male', she: 'female', her: 'female', hers: 'female', herself: 'female' };
const HONORIFIC_GENDER: Record<string, Gender> = { mr: 'male', sir: 'male', lord: 'male', mrs: 'female', ms: 'female', miss: 'female', lady: 'female', dame: 'female' };
/** Writings that "read" or "say" something: their author, not a person named nearby, is the speaker. */
const DOCUMENT = /^(?:letter|statement|report|document|memo|memorandum|release|notice|filing|email|e-mail|ruling|judgment|judgement|communiqué|communique|declaration|tweet|post|website|note|bill|resolution|guidance|questionnaire)s?$/i;
/** Heads of an institution's name: "the Home Office said" speaks for an office, not for a person named nearby. */
const OFFICE_NOUN = /^(?:office|ministry|department|council|commission|agency|embassy|court|government|committee|secretariat|bureau|authority|cabinet|parliament|senate|administration|kremlin|pentagon)$/i;
/** Words inside a document's noun phrase before its owner: "the ministry's official statement". */
const DOCUMENT_PHRASE = /^(?:the|a|an|its|their|['’]s|official|written|joint|new|latest|final|brief|short|press|public|open)$/i;
const SPEAKER_KINDS = ['PERSON', 'ORGANIZATION'];
/** Verbs that introduce a quote besides the speech verbs: "Khan thanked "…"", "he continued by noting". */
export const INTRODUCING = new Set([
  ...SPEECH_VERBS,
  ...'saying telling noting adding calling asking urging warning writing tweeting thanked thanks spoke speaks posted posts continued defended criticized criticised cautioned concluded agreed appreciated replied recalled announced described deemed labelled labeled promised vowed pledged admitted alleged directing ordering instructing stating recommending recommended characterized characterised informed read reads cited citing elaborated'.split(' '),
]);
const PREPOSITION = /^(?:to|with|within|inside|among|under|by|of|from|for|at|on|about|against|asking|told|met|meeting)$/i;
/** Words between a subject and its verb: "Hotak also alleged", "Trump has repeatedly said". */
const ADVERB = /^(?:\p{L}+ly|also|later|further|then|again|has|had|have|was|were|once|himself|herself|first|earlier)$/iu;

function isTitleWord(word: string): boolean {
  const w = word.toLowerCase();
  return OFFICE_HEADS.has(w) || OCCUPATIONS.has(w) || TITLE_MODIFIERS.has(w);
}

export function createSpeakerContext(doc: Doc, spans: readonly { start: number; end: number }[], keyAt: KeyAt): SpeakerContext {
  const { tokens } = doc;
  const personMentions = new Map<string, [number, number][]>();
  for (let k = 0; k < tokens.length; k++) {
    const e = keyAt(k);
    if (!e || e.kind !== 'PERSON' || (k > 0 && keyAt(k - 1)?.key === e.key)) continue;
    let end = k + 1;
    while (end < tokens.length && keyAt(end)?.key === e.key) end++;
    const list = personMentions.get(e.key) ?? [];
    list.push([k, end]);
    personMentions.set(e.key, list);
  }
  return { doc, tokens, keyAt, spans, personMentions, genders: new Map() };
}

/** The first token that starts at or after character offset pos. */
export function firstTok({ tokens }: SpeakerContext, pos: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function isQuoteMark({ tokens }: SpeakerContext, i: number): boolean {
  return /^["“”]$/.test(tokens[i]?.text ?? '');
}

/** Whether token i is inside a quote. */
export function inSpan({ tokens, spans }: SpeakerContext, i: number): boolean {
  return spans.some((q) => tokens[i].start > q.start && tokens[i].start < q.end);
}

function entityAt({ keyAt }: SpeakerContext, i: number): string | undefined {
  const k = keyAt(i);
  return k && SPEAKER_KINDS.includes(k.kind) ? k.key : undefined;
}

/** First token of the entity mention covering token k. */
function mentionStart({ keyAt }: SpeakerContext, k: number): number {
  const key = keyAt(k)?.key;
  let s = k;
  while (s > 0 && key && keyAt(s - 1)?.key === key) s--;
  return s;
}

/** Whether the mention starting at token s is the object of a preposition ("to Secretary of State Mike Pompeo", "of journalist Jamal Khashoggi"). */
function afterPreposition({ tokens, keyAt }: SpeakerContext, s: number): boolean {
  let b = s - 1;
  while (b >= 0 && s - b < 6 && !keyAt(b) && (/^\p{Lu}/u.test(tokens[b].text) || isTitleWord(tokens[b].text) || /^(?:the|a|an|central|local|provincial|municipal)$/.test(tokens[b].text))) b--;
  return b >= 0 && PREPOSITION.test(tokens[b].text);
}

/** Whether the mention covering token k is followed by "'s" ("Labour's Shadow Home Secretary"). */
function possessive({ tokens, keyAt }: SpeakerContext, k: number): boolean {
  const key = keyAt(k)?.key;
  let e = k;
  while (e + 1 < tokens.length && key && keyAt(e + 1)?.key === key) e++;
  return /^['’]s$/.test(tokens[e + 1]?.text ?? '');
}

/**
 * A person's gender, from (in this order) an honorific before a mention ("Mrs Sacoolas"), the given
 * name of a mention of two words or more (office holders' names, seed/given-names), or the first
 * he/she/his/her after the first mention before another person is named (within two sentences).
 */
function genderOf(ctx: SpeakerContext, key: string): Gender | undefined {
  const { tokens, keyAt, genders } = ctx;
  if (genders.has(key)) return genders.get(key);
  const mentions = ctx.personMentions.get(key) ?? [];
  let g: Gender | undefined;
  for (const [s] of mentions) g ??= HONORIFIC_GENDER[(tokens[s - 1]?.text ?? '').replace(/\.$/, '').toLowerCase()];
  for (const [s, e] of mentions) if (!g && e - s >= 2) g = givenNameGender(tokens[s].text);
  if (!g && mentions.length > 0) {
    const [, end] = mentions[0];
    const lastSentence = tokens[end - 1].sentence + 1;
    for (let k = end; k < tokens.length && tokens[k].sentence <= lastSentence && !g; k++) {
      const other = keyAt(k);
      if (other?.kind === 'PERSON' && other.key !== key) break;
      if (!inSpan(ctx, k)) g = PRONOUN_GENDER[tokens[k].text.toLowerCase()];
    }
  }
  genders.set(key, g);
  return g;
}

/**
 * "he"/"she" at token i: the last person named before it in its sentence, else the first person named
 * in the nearest earlier sentence that names one (its subject: "Pelosi called Trump's conduct …
 * "…," she announced" is Pelosi); outside quotes, never the object of a preposition. People whose
 * gender is known and differs from the pronoun's are passed over ("She informed police" is not the
 * man named last); when the person found has no known gender, a nearer object of a preposition in an
 * earlier sentence whose gender is known to agree is preferred ("Police spoke with Mrs Sacoolas. She said").
 */
function resolvePronoun(ctx: SpeakerContext, i: number): string | undefined {
  const { tokens, keyAt } = ctx;
  const sentence = tokens[i].sentence;
  const want = PRONOUN_GENDER[tokens[i].text.toLowerCase()];
  const first = firstTok(ctx, ctx.doc.sentences[sentence].start);
  if (first < i && PRONOUN.test(tokens[first].text) && PRONOUN_GENDER[tokens[first].text.toLowerCase()] === want) return resolvePronoun(ctx, first);
  let found: string | undefined;
  let foundSentence = -1;
  let object: string | undefined;
  for (let k = i - 1; k >= 0; k--) {
    if (foundSentence >= 0 && tokens[k].sentence !== foundSentence) break;
    const e = keyAt(k);
    if (!e || e.kind !== 'PERSON' || inSpan(ctx, k)) continue;
    const s = mentionStart(ctx, k);
    k = s;
    const g = genderOf(ctx, e.key);
    if (g && g !== want) continue;
    if (afterPreposition(ctx, s)) {
      if (g && foundSentence < 0 && tokens[s].sentence !== sentence) object ??= e.key;
      continue;
    }
    if (tokens[s].sentence === sentence) return e.key;
    found = e.key;
    foundSentence = tokens[s].sentence;
  }
  return found && (genderOf(ctx, found) || !object) ? found : (object ?? found);
}

/** The speaker named at token i: a person or organisation, or the person a pronoun there refers to. */
export function speakerAt(ctx: SpeakerContext, i: number): string | undefined {
  if (i < 0 || i >= ctx.tokens.length) return undefined;
  if (PRONOUN.test(ctx.tokens[i].text)) return resolvePronoun(ctx, i);
  return entityAt(ctx, i);
}

/** A speaker whose mention is not the object of a preposition ("A source within the Interior Ministry said" has none). */
function subjectAt(ctx: SpeakerContext, i: number): string | undefined {
  const s = speakerAt(ctx, i);
  return s && (PRONOUN.test(ctx.tokens[i].text) || !afterPreposition(ctx, mentionStart(ctx, i))) ? s : undefined;
}

/**
 * Whether token k, right before a speech verb, ends a subject that is a writing ("The Home Office letter
 * reads", "released a statement which read") or an office that is not an entity ("the Home Office said"):
 * the author when it is an entity (the owner in the writing's noun phrase, or the subject of the clause
 * that issued it), null when there is none — never a person merely named nearby; undefined when k is
 * neither.
 */
export function writtenSource(ctx: SpeakerContext, k: number, sentence: number): string | null | undefined {
  const { tokens, keyAt } = ctx;
  if (k < 1 || keyAt(k)) return undefined;
  if (/^(?:which|that)$/i.test(tokens[k].text) && DOCUMENT.test(tokens[k - 1].text) && !keyAt(k - 1)) return sentenceSubject(ctx, sentence, k - 1) ?? null;
  if (DOCUMENT.test(tokens[k].text)) {
    for (let j = k - 1; j >= 0 && k - j <= 6 && tokens[j].sentence === sentence; j--) {
      const owner = entityAt(ctx, j);
      if (owner) return owner;
      if (/^(?:his|her)$/i.test(tokens[j].text)) return resolvePronoun(ctx, j) ?? null;
      if (!/^\p{Lu}/u.test(tokens[j].text) && !DOCUMENT_PHRASE.test(tokens[j].text)) break;
    }
    return null;
  }
  return OFFICE_NOUN.test(tokens[k].text) ? null : undefined;
}

/**
 * The person a place or an organisation at token k is attached to: "Doug Collins of Georgia" (a place
 * says where the speaker is from), "Steve Peers of the University of Essex" (an organisation whose
 * member is named just before it).
 */
function memberOf(ctx: SpeakerContext, k: number): string | undefined {
  const { tokens, keyAt } = ctx;
  const kind = keyAt(k)?.kind;
  if (kind !== 'PLACE' && kind !== 'COUNTRY' && kind !== 'ORGANIZATION') return undefined;
  const s = mentionStart(ctx, k);
  const of = kind === 'ORGANIZATION' && tokens[s - 1]?.text === 'the' ? s - 2 : s - 1;
  return tokens[of]?.text === 'of' && keyAt(of - 1)?.kind === 'PERSON' ? speakerAt(ctx, of - 1) : undefined;
}

/** The last person before token k (outside quotes) with the title word at k among the three words before or in a mention. */
function titledPerson(ctx: SpeakerContext, k: number): string | undefined {
  const { tokens, keyAt } = ctx;
  const title = tokens[k].text.toLowerCase();
  for (let m = k - 1; m >= 0; m--) {
    const e = keyAt(m);
    if (!e || e.kind !== 'PERSON' || inSpan(ctx, m)) continue;
    const s = mentionStart(ctx, m);
    for (let t = Math.max(0, s - 3); t <= m; t++) if (tokens[t].text.toLowerCase() === title) return e.key;
    m = s;
  }
  return undefined;
}

/** The subject of the verb at token v: the entity (or pronoun) right before it, past adverbs and an appositive. */
export function subjectOf(ctx: SpeakerContext, v: number, sentence: number): string | null | undefined {
  const { tokens, keyAt } = ctx;
  let k = v - 1;
  while (k >= 0 && tokens[k].sentence === sentence && ADVERB.test(tokens[k].text)) k--;
  if (k < 0 || tokens[k].sentence !== sentence) return undefined;
  const written = writtenSource(ctx, k, sentence);
  if (written !== undefined) return written;
  // "the archbishop said": the person last named with that title ("archbishop Jorge Eduardo Scheinig").
  if (tokens[k - 1]?.text.toLowerCase() === 'the' && !keyAt(k) && isTitleWord(tokens[k].text)) return titledPerson(ctx, k);
  // "Thomas Gray, 24, who cited …": the relative pronoun's antecedent.
  if (tokens[k].text === 'who') {
    let j = k - 1;
    while (j > 0 && /^(?:,|\d+)$/.test(tokens[j].text)) j--;
    return tokens[j].sentence === sentence ? subjectAt(ctx, j) : undefined;
  }
  const member = memberOf(ctx, k);
  if (member) return member;
  if (tokens[k].text === 'and') {
    // "the Syrian Democratic Forces (SDF), opposed the withdrawal and said": the first verb's subject.
    for (let j = k - 1; j >= 0 && tokens[j].sentence === sentence; j--) {
      if (isQuoteMark(ctx, j) || inSpan(ctx, j)) continue; // "said her party has supported the idea "for months", and said"
      const s = subjectAt(ctx, j);
      if (s && !possessive(ctx, j)) return s;
    }
    return undefined;
  }
  if (tokens[k].text === ',' || tokens[k].text === ')') return subjectBeforeAside(ctx, k, sentence);
  return subjectAt(ctx, k);
}

/** The subject of a verb right after the comma or parenthesis at token k, which may close an aside. */
function subjectBeforeAside(ctx: SpeakerContext, k: number, sentence: number): string | null | undefined {
  const { tokens } = ctx;
  // "The mayor of London, Sadiq Khan, thanked": the name is the aside.
  if (tokens[k].text === ',') {
    const named = subjectAt(ctx, k - 1);
    if (named) return named;
  }
  // "Cruz, in remarks to ABC, said" / "Trump, also on Twitter, defended": the subject is before the aside.
  const close = tokens[k].text === ')' ? '(' : ',';
  let j = k - 1;
  while (j >= 0 && k - j < 25 && tokens[j].sentence === sentence && tokens[j].text !== close) j--;
  if (j >= 0 && tokens[j].text === close && tokens[j].sentence === sentence) {
    const s = memberOf(ctx, j - 1) ?? speakerAt(ctx, j - 1);
    if (s) return s;
    // "Anna Franowska of "Have no fear", an abuse victim support charity, told": the first name of the stretch before the aside.
    if (close === ',') {
      let from = j - 1;
      while (from > 0 && tokens[from - 1].sentence === sentence && tokens[from - 1].text !== ',' && j - from < 12) from--;
      for (let t = from; t < j; t++) {
        if (isQuoteMark(ctx, t) || inSpan(ctx, t)) continue;
        const named = subjectAt(ctx, t);
        if (named) return named;
      }
    }
    // "… the Syrian Democratic Forces (SDF), opposed": one more aside.
    if (close === ',' && tokens[j - 1]?.text === ')') return subjectOf(ctx, j, sentence);
  }
  return undefined;
}

/** The subject of a sentence (or of its main clause after an opening "In a statement, …"), up to token `limit`. */
export function sentenceSubject(ctx: SpeakerContext, sentence: number, limit: number): string | undefined {
  const { tokens, keyAt } = ctx;
  let k = firstTok(ctx, ctx.doc.sentences[sentence].start);
  // A clause after a semicolon has its own subject ("…, said Lorenzana; he described …").
  for (let j = limit - 1; j > k; j--) {
    if (tokens[j].text === ';') {
      k = j + 1;
      break;
    }
  }
  if (/^(?:In|On|At|After|Following|During|While|Speaking|Regarding|According|Since|Late|Earlier|Later|Addressing|Calling|Describing|Responding|Referring|Asked)$/.test(tokens[k]?.text ?? '')) {
    let j = k;
    while (j < limit && tokens[j].text !== ',') j++;
    if (tokens[j]?.text === ',') k = j + 1;
  }
  for (; k < limit && tokens[k].sentence === sentence; k++) {
    if (isQuoteMark(ctx, k)) return undefined;
    const s = speakerAt(ctx, k);
    if (s && possessive(ctx, k)) {
      // "Labour's Shadow Home Secretary Yvette Cooper said": the owner names the speaker's office.
      while (k + 1 < limit && keyAt(k + 1)?.key === s) k++;
      continue;
    }
    if (s) return s;
    // A verb before any name: the subject is unnamed ("Some of the protesters … said").
    if (/^\p{Ll}/u.test(tokens[k].text) && !/^(?:the|a|an|of|and|for|to)$/.test(tokens[k].text) && !isTitleWord(tokens[k].text)) return undefined;
  }
  return undefined;
}

/**
 * "a statement released by Erdogan's office" / "the letter from the ministry" at token i: the author
 * named after "by", "from" or "of"; null for a writing with no author named; undefined when no writing
 * starts at i.
 */
export function writingAuthor(ctx: SpeakerContext, i: number): string | null | undefined {
  const { tokens, keyAt } = ctx;
  if (!/^(?:a|an|the)$/i.test(tokens[i]?.text ?? '') || !DOCUMENT.test(tokens[i + 1]?.text ?? '') || keyAt(i + 1)) return undefined;
  let j = i + 2;
  if (/^(?:released|issued|published|posted|sent|signed)$/.test(tokens[j]?.text ?? '')) j++;
  return /^(?:by|from|of)$/.test(tokens[j]?.text ?? '') ? (speakerAfter(ctx, j + 1) ?? null) : null;
}

export function speakerAfter(ctx: SpeakerContext, i: number): string | undefined {
  const { tokens } = ctx;
  // '", said the Russian Foreign Ministry' / 'according to Lavrov' / 'tweeted former thinktank executive Ken Gude':
  // the first name after the verb, past words that describe the speaker; a verb, preposition or punctuation ends the search.
  for (let k = i; k < Math.min(tokens.length, i + 8); k++) {
    const s = speakerAt(ctx, k);
    if (s) return s;
    // Lower-case words may describe the speaker ("former thinktank executive"), but a verb or preposition ends the search.
    const w = tokens[k].text;
    const titleOf = w === 'of' && /^\p{Lu}/u.test(tokens[k + 1]?.text ?? ''); // "Mayor of London Sadiq Khan"
    if (!titleOf && (!/^[\p{L}-]+$/u.test(w) || INTRODUCING.has(w.toLowerCase()) || PREPOSITION.test(w) || /^(?:that|who|which|in|after|before|as|when)$/i.test(w))) break;
  }
  return undefined;
}
