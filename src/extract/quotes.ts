/**
 * Direct quotations and who said them.
 *
 * Spans: quotation marks paired within a paragraph; a quote that runs over several paragraphs (the
 * opening mark repeated at the start of each, the closing mark only at the end) is one span.
 * Kept as quotes: text in running prose, not picture captions, and either long enough to be speech
 * (5+ words) or attributed by a speech cue ("called the stabbing "an act of …"", "according to"):
 * a short phrase in marks with no cue is a scare quote or a name ("Operation Peace Spring").
 *
 * The speaker is the subject of the speech verb, in this order:
 * 1. after the quote: '", Lavrov said' / '", said Lavrov' / '" Tillerson told reporters' — but after a
 *    quote that ends its own sentence ('…prayers." President Duda remarked, "…') only a short
 *    closing attribution counts, not the opening of the next quote;
 * 2. before it, in its sentence: the subject of the nearest verb that introduces it ("Duda told local
 *    media …", "Graham spoke on Fox News, "…"", "Khan thanked "…"") or of the sentence when the
 *    quote follows a comma or colon;
 * 3. a quote standing alone: the speaker of the quote just before it in the paragraph (or in the
 *    paragraph before, when the quote is a paragraph of its own), or of an
 *    introducing sentence just before ("McGurk … criticized the decision via Twitter."), or a "X said"
 *    opening the next sentence.
 * A subject "he"/"she" is the person named last before the pronoun who is not the object of a
 * preposition ("Speaking to Martin Smith of PBS, he said" is not Smith) and whose gender, when known
 * (honorific, given name, a pronoun after the first mention), agrees. A writing ("the letter reads", "a
 * statement which read", "according to a statement released by X") or an office that is not an entity
 * ("the ministry said") speaks for its author
 * if that is an entity, else for no one; "the archbishop said" is the person last named with that title;
 * "X, 24, who cited …:" is X; "X of the University of Y" is X. Quotes whose speaker the text does not
 * name are kept without one (the store shows no speaker for them, never a guess).
 */
import type { Doc } from './document.ts';
import { OCCUPATIONS, OFFICE_HEADS, SPEECH_VERBS, TITLE_MODIFIERS } from './lexicon.ts';
import { givenNameGender, type Gender } from './gender.ts';

export interface QuoteSpan {
  start: number;
  end: number;
  /** The words inside the quotation marks (for a multi-paragraph quote, from the first opening to the last closing mark). */
  inner: [number, number];
}

export interface QuoteDraft extends QuoteSpan {
  text: string;
  speakerKey?: string;
  aboutKeys: string[];
  sentence: number;
}

const OPENING = new Set(['"', '“']);

/** Quote spans, paragraph by paragraph; see the module comment. */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  // Start of a quote still open at the end of the previous paragraph.
  let carried = -1;
  let p = 0;
  while (p < text.length) {
    if (text[p] === '\n') {
      p++; // blank lines between paragraphs keep a quote open
      continue;
    }
    let e = text.indexOf('\n', p);
    if (e < 0) e = text.length;
    const first = p + (text.slice(p, e).length - text.slice(p, e).trimStart().length);
    let open = -1;
    let from = p;
    if (carried >= 0) {
      if (first < e && OPENING.has(text[first])) {
        open = carried;
        from = first + 1;
      }
      carried = -1;
    }
    for (let i = from; i < e; i++) {
      const c = text[i];
      if (c !== '"' && c !== '“' && c !== '”') continue;
      if (open < 0) {
        if (c !== '”') open = i;
      } else if (c !== '“') {
        if (i - open > 2) out.push({ start: open, end: i + 1, inner: [open + 1, i] });
        open = -1;
      }
    }
    // An unclosed quote continues only when the next paragraph reopens it.
    if (open >= 0 && text.slice(open + 1, e).trim() !== '') {
      let n = e;
      while (n < text.length && /\s/.test(text[n])) n++;
      if (n < text.length && OPENING.has(text[n])) carried = open;
    }
    p = e;
  }
  return out;
}

export function insideQuote(quotes: QuoteSpan[], pos: number): boolean {
  return quotes.some((q) => pos > q.start && pos < q.end);
}

/** The quoted words as one line: a multi-paragraph quote loses its repeated opening marks. */
function quoteText(text: string, q: QuoteSpan): string {
  return text
    .slice(q.inner[0], q.inner[1])
    .replace(/\s*\n\s*["“]/g, ' ')
    .trim();
}

/** Entity keys by token: the resolved entity covering each token (people after clustering). */
export type KeyAt = (token: number) => { key: string; kind: string } | null;

const PRONOUN = /^(?:he|she|He|She)$/;
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
const INTRODUCING = new Set([
  ...SPEECH_VERBS,
  ...'saying telling noting adding calling asking urging warning writing tweeting thanked thanks spoke speaks posted posts continued defended criticized criticised cautioned concluded agreed appreciated replied recalled announced described deemed labelled labeled promised vowed pledged admitted alleged directing ordering instructing stating recommending recommended characterized characterised informed read reads cited citing elaborated'.split(' '),
]);
/** A phrase in marks after these is a title or a name, not speech. */
const NAMING = /\b(?:article|headline|titled|entitled|headlined|named|dubbed|nicknamed|known as|sign|banner|placard|poster|slogan|hashtag)\W*$/i;
const PREPOSITION = /^(?:to|with|within|inside|among|under|by|of|from|for|at|on|about|against|asking|told|met|meeting)$/i;
/** Words between a subject and its verb: "Hotak also alleged", "Trump has repeatedly said". */
const ADVERB = /^(?:\p{L}+ly|also|later|further|then|again|has|had|have|was|were|once|himself|herself|first|earlier)$/iu;
const MIN_WORDS_WITHOUT_CUE = 5;

function isTitleWord(word: string): boolean {
  const w = word.toLowerCase();
  return OFFICE_HEADS.has(w) || OCCUPATIONS.has(w) || TITLE_MODIFIERS.has(w);
}

export function attributeQuotes(doc: Doc, spans: QuoteSpan[], keyAt: KeyAt): QuoteDraft[] {
  const { tokens, text } = doc;
  const firstTok = (pos: number) => {
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tokens[mid].start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const isQuoteMark = (i: number) => /^["“”]$/.test(tokens[i]?.text ?? '');
  const inSpan = (i: number) => spans.some((q) => tokens[i].start > q.start && tokens[i].start < q.end);
  const entityAt = (i: number) => {
    const k = keyAt(i);
    return k && SPEAKER_KINDS.includes(k.kind) ? k.key : undefined;
  };

  /** First token of the entity mention covering token k. */
  const mentionStart = (k: number) => {
    const key = keyAt(k)?.key;
    let s = k;
    while (s > 0 && key && keyAt(s - 1)?.key === key) s--;
    return s;
  };
  /** Whether the mention starting at token s is the object of a preposition ("to Secretary of State Mike Pompeo", "of journalist Jamal Khashoggi"). */
  const afterPreposition = (s: number) => {
    let b = s - 1;
    while (b >= 0 && s - b < 6 && !keyAt(b) && (/^\p{Lu}/u.test(tokens[b].text) || isTitleWord(tokens[b].text) || /^(?:the|a|an|central|local|provincial|municipal)$/.test(tokens[b].text))) b--;
    return b >= 0 && PREPOSITION.test(tokens[b].text);
  };
  /** Whether the mention covering token k is followed by "'s" ("Labour's Shadow Home Secretary"). */
  const possessive = (k: number) => {
    const key = keyAt(k)?.key;
    let e = k;
    while (e + 1 < tokens.length && key && keyAt(e + 1)?.key === key) e++;
    return /^['’]s$/.test(tokens[e + 1]?.text ?? '');
  };
  /** Tokens of each person's mentions (outside quotes), in text order, for gender evidence. */
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
  const genders = new Map<string, Gender | undefined>();
  /**
   * A person's gender, from (in this order) an honorific before a mention ("Mrs Sacoolas"), the given
   * name of a mention of two words or more (office holders' names, seed/given-names), or the first
   * he/she/his/her after the first mention before another person is named (within two sentences).
   */
  const genderOf = (key: string): Gender | undefined => {
    if (genders.has(key)) return genders.get(key);
    const mentions = personMentions.get(key) ?? [];
    let g: Gender | undefined;
    for (const [s] of mentions) g ??= HONORIFIC_GENDER[(tokens[s - 1]?.text ?? '').replace(/\.$/, '').toLowerCase()];
    for (const [s, e] of mentions) if (!g && e - s >= 2) g = givenNameGender(tokens[s].text);
    if (!g && mentions.length > 0) {
      const [, end] = mentions[0];
      const lastSentence = tokens[end - 1].sentence + 1;
      for (let k = end; k < tokens.length && tokens[k].sentence <= lastSentence && !g; k++) {
        const other = keyAt(k);
        if (other?.kind === 'PERSON' && other.key !== key) break;
        if (!inSpan(k)) g = PRONOUN_GENDER[tokens[k].text.toLowerCase()];
      }
    }
    genders.set(key, g);
    return g;
  };

  /**
   * "he"/"she" at token i: the last person named before it in its sentence, else the first person named
   * in the nearest earlier sentence that names one (its subject: "Pelosi called Trump's conduct …
   * "…," she announced" is Pelosi); outside quotes, never the object of a preposition. People whose
   * gender is known and differs from the pronoun's are passed over ("She informed police" is not the
   * man named last); when the person found has no known gender, a nearer object of a preposition in an
   * earlier sentence whose gender is known to agree is preferred ("Police spoke with Mrs Sacoolas. She said").
   */
  const resolvePronoun = (i: number): string | undefined => {
    const sentence = tokens[i].sentence;
    const want = PRONOUN_GENDER[tokens[i].text.toLowerCase()];
    const first = firstTok(doc.sentences[sentence].start);
    if (first < i && PRONOUN.test(tokens[first].text) && PRONOUN_GENDER[tokens[first].text.toLowerCase()] === want) return resolvePronoun(first);
    let found: string | undefined;
    let foundSentence = -1;
    let object: string | undefined;
    for (let k = i - 1; k >= 0; k--) {
      if (foundSentence >= 0 && tokens[k].sentence !== foundSentence) break;
      const e = keyAt(k);
      if (!e || e.kind !== 'PERSON' || inSpan(k)) continue;
      const s = mentionStart(k);
      k = s;
      const g = genderOf(e.key);
      if (g && g !== want) continue;
      if (afterPreposition(s)) {
        if (g && foundSentence < 0 && tokens[s].sentence !== sentence) object ??= e.key;
        continue;
      }
      if (tokens[s].sentence === sentence) return e.key;
      found = e.key;
      foundSentence = tokens[s].sentence;
    }
    return found && (genderOf(found) || !object) ? found : (object ?? found);
  };
  const speakerAt = (i: number): string | undefined => {
    if (i < 0 || i >= tokens.length) return undefined;
    if (PRONOUN.test(tokens[i].text)) return resolvePronoun(i);
    return entityAt(i);
  };
  /** A speaker whose mention is not the object of a preposition ("A source within the Interior Ministry said" has none). */
  const subjectAt = (i: number): string | undefined => {
    const s = speakerAt(i);
    return s && (PRONOUN.test(tokens[i].text) || !afterPreposition(mentionStart(i))) ? s : undefined;
  };

  /**
   * Whether token k, right before a speech verb, ends a subject that is a writing ("The Home Office letter
   * reads", "released a statement which read") or an office that is not an entity ("the Home Office said"):
   * the author when it is an entity (the owner in the writing's noun phrase, or the subject of the clause
   * that issued it), null when there is none — never a person merely named nearby; undefined when k is
   * neither.
   */
  const writtenSource = (k: number, sentence: number): string | null | undefined => {
    if (k < 1 || keyAt(k)) return undefined;
    if (/^(?:which|that)$/i.test(tokens[k].text) && DOCUMENT.test(tokens[k - 1].text) && !keyAt(k - 1)) return sentenceSubject(sentence, k - 1) ?? null;
    if (DOCUMENT.test(tokens[k].text)) {
      for (let j = k - 1; j >= 0 && k - j <= 6 && tokens[j].sentence === sentence; j--) {
        const owner = entityAt(j);
        if (owner) return owner;
        if (/^(?:his|her)$/i.test(tokens[j].text)) return resolvePronoun(j) ?? null;
        if (!/^\p{Lu}/u.test(tokens[j].text) && !DOCUMENT_PHRASE.test(tokens[j].text)) break;
      }
      return null;
    }
    return OFFICE_NOUN.test(tokens[k].text) ? null : undefined;
  };

  /**
   * The person a place or an organisation at token k is attached to: "Doug Collins of Georgia" (a place
   * says where the speaker is from), "Steve Peers of the University of Essex" (an organisation whose
   * member is named just before it).
   */
  const memberOf = (k: number): string | undefined => {
    const kind = keyAt(k)?.kind;
    if (kind !== 'PLACE' && kind !== 'COUNTRY' && kind !== 'ORGANIZATION') return undefined;
    const s = mentionStart(k);
    const of = kind === 'ORGANIZATION' && tokens[s - 1]?.text === 'the' ? s - 2 : s - 1;
    return tokens[of]?.text === 'of' && keyAt(of - 1)?.kind === 'PERSON' ? speakerAt(of - 1) : undefined;
  };

  /** The last person before token k (outside quotes) with the title word at k among the three words before or in a mention. */
  const titledPerson = (k: number): string | undefined => {
    const title = tokens[k].text.toLowerCase();
    for (let m = k - 1; m >= 0; m--) {
      const e = keyAt(m);
      if (!e || e.kind !== 'PERSON' || inSpan(m)) continue;
      const s = mentionStart(m);
      for (let t = Math.max(0, s - 3); t <= m; t++) if (tokens[t].text.toLowerCase() === title) return e.key;
      m = s;
    }
    return undefined;
  };

  /** The subject of the verb at token v: the entity (or pronoun) right before it, past adverbs and an appositive. */
  const subjectOf = (v: number, sentence: number): string | null | undefined => {
    let k = v - 1;
    while (k >= 0 && tokens[k].sentence === sentence && ADVERB.test(tokens[k].text)) k--;
    if (k < 0 || tokens[k].sentence !== sentence) return undefined;
    const written = writtenSource(k, sentence);
    if (written !== undefined) return written;
    // "the archbishop said": the person last named with that title ("archbishop Jorge Eduardo Scheinig").
    if (tokens[k - 1]?.text.toLowerCase() === 'the' && !keyAt(k) && isTitleWord(tokens[k].text)) return titledPerson(k);
    // "Thomas Gray, 24, who cited …": the relative pronoun's antecedent.
    if (tokens[k].text === 'who') {
      let j = k - 1;
      while (j > 0 && /^(?:,|\d+)$/.test(tokens[j].text)) j--;
      return tokens[j].sentence === sentence ? subjectAt(j) : undefined;
    }
    const member = memberOf(k);
    if (member) return member;
    if (tokens[k].text === 'and') {
      // "the Syrian Democratic Forces (SDF), opposed the withdrawal and said": the first verb's subject.
      for (let j = k - 1; j >= 0 && tokens[j].sentence === sentence; j--) {
        if (isQuoteMark(j) || inSpan(j)) continue; // "said her party has supported the idea "for months", and said"
        const s = subjectAt(j);
        if (s && !possessive(j)) return s;
      }
      return undefined;
    }
    if (tokens[k].text === ',' || tokens[k].text === ')') {
      // "The mayor of London, Sadiq Khan, thanked": the name is the aside.
      if (tokens[k].text === ',') {
        const named = subjectAt(k - 1);
        if (named) return named;
      }
      // "Cruz, in remarks to ABC, said" / "Trump, also on Twitter, defended": the subject is before the aside.
      const close = tokens[k].text === ')' ? '(' : ',';
      let j = k - 1;
      while (j >= 0 && k - j < 25 && tokens[j].sentence === sentence && tokens[j].text !== close) j--;
      if (j >= 0 && tokens[j].text === close && tokens[j].sentence === sentence) {
        const s = memberOf(j - 1) ?? speakerAt(j - 1);
        if (s) return s;
        // "Anna Franowska of "Have no fear", an abuse victim support charity, told": the first name of the stretch before the aside.
        if (close === ',') {
          let from = j - 1;
          while (from > 0 && tokens[from - 1].sentence === sentence && tokens[from - 1].text !== ',' && j - from < 12) from--;
          for (let t = from; t < j; t++) {
            if (isQuoteMark(t) || inSpan(t)) continue;
            const named = subjectAt(t);
            if (named) return named;
          }
        }
        // "… the Syrian Democratic Forces (SDF), opposed": one more aside.
        if (close === ',' && tokens[j - 1]?.text === ')') return subjectOf(j, sentence);
      }
      return undefined;
    }
    return subjectAt(k);
  };

  /** The subject of a sentence (or of its main clause after an opening "In a statement, …"), up to token `limit`. */
  const sentenceSubject = (sentence: number, limit: number): string | undefined => {
    let k = firstTok(doc.sentences[sentence].start);
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
      if (isQuoteMark(k)) return undefined;
      const s = speakerAt(k);
      if (s && possessive(k)) {
        // "Labour's Shadow Home Secretary Yvette Cooper said": the owner names the speaker's office.
        while (k + 1 < limit && keyAt(k + 1)?.key === s) k++;
        continue;
      }
      if (s) return s;
      // A verb before any name: the subject is unnamed ("Some of the protesters … said").
      if (/^\p{Ll}/u.test(tokens[k].text) && !/^(?:the|a|an|of|and|for|to)$/.test(tokens[k].text) && !isTitleWord(tokens[k].text)) return undefined;
    }
    return undefined;
  };

  const out: QuoteDraft[] = [];
  for (const q of spans) {
    const inner = quoteText(text, q);
    const wordCount = inner.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
    if (wordCount < 3) continue;
    const paraStart = text.lastIndexOf('\n', q.start) + 1;
    let paraEnd = text.indexOf('\n', q.end);
    if (paraEnd < 0) paraEnd = text.length;
    // Picture captions ("Protesters with a banner saying "…". Image: Voice of America.") are not speech.
    if (/\bImage:/.test(text.slice(q.end, paraEnd))) continue;
    const lead = text.slice(Math.max(paraStart, q.start - 30), q.start);
    // A short phrase after "of" is a name too: "Anna Franowska of "Have no fear"".
    if (NAMING.test(lead) || (wordCount < MIN_WORDS_WITHOUT_CUE && /\bof\s*$/.test(lead))) continue;
    const open = firstTok(q.start);
    const close = firstTok(q.end);
    const sentence = tokens[Math.min(open, tokens.length - 1)]?.sentence ?? 0;
    const lastSentence = tokens[Math.max(0, close - 1)]?.sentence ?? sentence;
    const innerEndsWithStop = /[.!?][\])]*\s*$/.test(text.slice(q.inner[0], q.inner[1]));
    // 'X reportedly said "…."' — introduced before, so what follows a closed sentence is not its attribution.
    let introduced = false;
    for (let k = open - 1; k >= Math.max(0, open - 3) && tokens[k].sentence === sentence; k--) {
      if (/^[,:]$/.test(tokens[k].text) || INTRODUCING.has(tokens[k].text.toLowerCase())) introduced = true;
    }

    let speaker: string | undefined;
    let cue = false;
    // The quote comes from a writing or an office with no entity: no speaker, whoever is named nearby.
    let sourceless = false;
    const settle = (found: string | null | undefined) => {
      if (found === null) sourceless = true;
      else speaker ??= found;
    };
    const previous = out[out.length - 1];

    // 1. After the quote.
    let i = close;
    while (i < tokens.length && /^[,.:;]$/.test(tokens[i].text)) i++;
    const afterSameSentence = i < tokens.length && (tokens[i].sentence === lastSentence || i === close);
    if (afterSameSentence && !isQuoteMark(i) && !(innerEndsWithStop && introduced)) {
      let verb = -1;
      let speakerFirst = -1;
      if (INTRODUCING.has(tokens[i].text.toLowerCase())) verb = i;
      else {
        for (let k = i; k < Math.min(tokens.length, i + 8); k++) {
          if (/^[.;"“”]$/.test(tokens[k].text)) break;
          if (INTRODUCING.has(tokens[k].text.toLowerCase()) && k > i) {
            verb = k;
            speakerFirst = k - 1;
            break;
          }
        }
      }
      // After a quote that closed its own sentence, only a short closing attribution belongs to it.
      let short = true;
      if (verb >= 0 && innerEndsWithStop) {
        let k = verb + 1;
        while (k < tokens.length && k - verb < 8 && !/^[.!?]$/.test(tokens[k].text) && !isQuoteMark(k)) k++;
        short = k < tokens.length && /^[.!?]$/.test(tokens[k].text) && k - verb < 8;
      }
      if (verb >= 0 && short) {
        cue = true;
        const written = speakerFirst >= 0 ? writtenSource(speakerFirst, tokens[speakerFirst].sentence) : undefined;
        if (written !== undefined) settle(written);
        else if (speakerFirst >= 0) {
          for (let s = speakerFirst; s >= i && !speaker; s--) speaker = speakerAt(s);
        } else speaker = speakerAfter(verb + 1);
      }
    }
    // '"…" and "…"': the second of two quotes joined by "and" has the first one's speaker.
    if (!speaker && !sourceless && previous?.speakerKey && tokens[open - 1]?.text === 'and' && isQuoteMark(open - 2) && tokens[open - 2].start === previous.end - 1) {
      speaker = previous.speakerKey;
      cue = true;
    }
    // 2. Before the quote, in its sentence.
    if (!speaker && !sourceless) {
      const before = text.slice(Math.max(doc.sentences[sentence].start, q.start - 40), q.start);
      for (let k = open - 1; k >= 0 && tokens[k].sentence === sentence && !isQuoteMark(k); k--) {
        const w = tokens[k].text.toLowerCase();
        if (INTRODUCING.has(w)) {
          cue = true;
          // '", said Khan, "here in London …': the verb's subject follows it.
          // Only right after the previous quote: 'X, an adviser, told Reuters "…"' is not Reuters speaking.
          const afterQuote = k > 0 && (isQuoteMark(k - 1) || (tokens[k - 1].text === ',' && isQuoteMark(k - 2)));
          if (afterQuote && SPEECH_VERBS.has(w)) speaker = speakerAfter(k + 1);
          if (!speaker) settle(subjectOf(k, sentence));
          // "she said, asking Cengiz to be "…"" / "spoke out against the attack, calling it "…"": the participle shares the subject of the verb before it.
          if (!speaker && !sourceless && /ing$/.test(w)) {
            for (let j = k - 1; j >= 0 && tokens[j].sentence === sentence && !speaker && !sourceless; j--) {
              if (INTRODUCING.has(tokens[j].text.toLowerCase()) || /^\p{Ll}+(?:ed|ke|ote)$/u.test(tokens[j].text)) settle(subjectOf(j, sentence));
            }
          }
          if (!sourceless) speaker ??= sentenceSubject(sentence, k);
          break;
        }
        if (w === 'according' && tokens[k + 1]?.text === 'to') {
          cue = true;
          settle(writingAuthor(k + 2) ?? speakerAfter(k + 2));
          break;
        }
      }
      if (!speaker && !sourceless && /(?:[,:]|\bas)\s*$/.test(before)) {
        cue = true;
        speaker = sentenceSubject(sentence, open);
      }
      // "Calling it as "just another apology", Anna Franowska … told Reuters" / 'Calling it a "…" the archbishop said':
      // the main clause after the opener names the speaker.
      if (!speaker && !sourceless && /^(?:Calling|Describing|Dismissing|Labelling|Labeling|Branding|Saying)\b/.test(doc.sentences[sentence].text)) {
        let k = close;
        while (k < tokens.length && tokens[k].sentence === sentence && tokens[k].text !== ',' && !INTRODUCING.has(tokens[k].text.toLowerCase())) k++;
        if (tokens[k]?.text === ',') speaker = speakerAfter(k + 1);
        else if (tokens[k]?.sentence === sentence) settle(subjectOf(k, sentence));
      }
      if (!cue && /\baccording to\b/i.test(doc.sentences[sentence].text)) cue = true;
    }
    // 3. A quote standing alone.
    if (!speaker && !sourceless && q.start - doc.sentences[sentence].start < 3) {
      const prevSentence = sentence > 0 ? doc.sentences[sentence - 1] : undefined;
      // The speaker's next sentence ("I put no pressure on them," he told the press. "I could have.").
      if (previous?.speakerKey && (previous.start >= paraStart || continuesPrevious(previous, paraStart, paraEnd, q))) {
        speaker = previous.speakerKey;
        cue = true;
      } else if (prevSentence && prevSentence.start >= paraStart && /[.:]$/.test(prevSentence.text)) {
        const p0 = firstTok(prevSentence.start);
        for (let k = p0; k < tokens.length && tokens[k].sentence === sentence - 1 && !speaker; k++) {
          if (isQuoteMark(k)) break;
          if (INTRODUCING.has(tokens[k].text.toLowerCase())) {
            settle(subjectOf(k, sentence - 1));
            if (speaker) cue = true;
            break;
          }
        }
      }
      if (!speaker && lastSentence + 1 < doc.sentences.length) {
        let k = firstTok(doc.sentences[lastSentence + 1].start);
        const limit = k + 8;
        for (; k < Math.min(tokens.length, limit) && tokens[k].sentence === lastSentence + 1; k++) {
          if (isQuoteMark(k)) break;
          if (SPEECH_VERBS.has(tokens[k].text.toLowerCase())) {
            speaker = speakerAt(k - 1);
            if (speaker) cue = true;
            break;
          }
        }
      }
    }
    if (wordCount < MIN_WORDS_WITHOUT_CUE && !cue) continue;
    const about = new Set<string>();
    for (let k = open; k < close && k < tokens.length; k++) {
      const e = keyAt(k);
      if (e && e.key !== speaker) about.add(e.key);
    }
    out.push({ ...q, text: inner, speakerKey: speaker, aboutKeys: [...about].sort(), sentence });
  }
  return out;

  /**
   * A paragraph that is nothing but a quote, after a paragraph that ends with a quote and at most a short
   * attribution ('"…," said Ambassador Mohib.' then '"They represent …"'): the same speaker goes on.
   */
  function continuesPrevious(previous: QuoteDraft, paraStart: number, paraEnd: number, q: QuoteSpan): boolean {
    if (text.slice(paraStart, q.start).trim() !== '' || !/^[\s.,!?]*$/.test(text.slice(q.end, paraEnd))) return false;
    let prevEnd = paraStart;
    while (prevEnd > 0 && /\s/.test(text[prevEnd - 1])) prevEnd--;
    const prevStart = text.lastIndexOf('\n', prevEnd - 1) + 1;
    const after = text.slice(previous.end, prevEnd);
    return previous.start >= prevStart && previous.end <= prevEnd && after.length < 60 && !/["“”]/.test(after);
  }

  /**
   * "a statement released by Erdogan's office" / "the letter from the ministry" at token i: the author
   * named after "by", "from" or "of"; null for a writing with no author named; undefined when no writing
   * starts at i.
   */
  function writingAuthor(i: number): string | null | undefined {
    if (!/^(?:a|an|the)$/i.test(tokens[i]?.text ?? '') || !DOCUMENT.test(tokens[i + 1]?.text ?? '') || keyAt(i + 1)) return undefined;
    let j = i + 2;
    if (/^(?:released|issued|published|posted|sent|signed)$/.test(tokens[j]?.text ?? '')) j++;
    return /^(?:by|from|of)$/.test(tokens[j]?.text ?? '') ? (speakerAfter(j + 1) ?? null) : null;
  }

  function speakerAfter(i: number): string | undefined {
    // '", said the Russian Foreign Ministry' / 'according to Lavrov' / 'tweeted former thinktank executive Ken Gude':
    // the first name after the verb, past words that describe the speaker; a verb, preposition or punctuation ends the search.
    for (let k = i; k < Math.min(tokens.length, i + 8); k++) {
      const s = speakerAt(k);
      if (s) return s;
      // Lower-case words may describe the speaker ("former thinktank executive"), but a verb or preposition ends the search.
      const w = tokens[k].text;
      const titleOf = w === 'of' && /^\p{Lu}/u.test(tokens[k + 1]?.text ?? ''); // "Mayor of London Sadiq Khan"
      if (!titleOf && (!/^[\p{L}-]+$/u.test(w) || INTRODUCING.has(w.toLowerCase()) || PREPOSITION.test(w) || /^(?:that|who|which|in|after|before|as|when)$/i.test(w))) break;
    }
    return undefined;
  }
}
