/**
 * Who said each quote (the quotes themselves: quotes.ts).
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
 * Who a subject is (pronouns, writings, offices, titles, asides): speech-subjects.ts. Quotes whose
 * speaker the text does not name are kept without one (the store shows no speaker for them, never a guess).
 */
import type { Doc } from './document.ts';
import { SPEECH_VERBS } from './lexicon.ts';
import { MIN_WORDS_WITHOUT_CUE, quoteCandidate, type QuoteDraft, type QuoteSpan } from './quotes.ts';
import {
  createSpeakerContext,
  firstTok,
  INTRODUCING,
  isQuoteMark,
  sentenceSubject,
  speakerAfter,
  speakerAt,
  subjectOf,
  writingAuthor,
  writtenSource,
  type KeyAt,
  type SpeakerContext,
} from './speech-subjects.ts';

/** Where a quote sits: its first and closing tokens, its sentences and its paragraph. */
interface Place {
  q: QuoteSpan;
  open: number;
  close: number;
  sentence: number;
  lastSentence: number;
  paraStart: number;
  paraEnd: number;
}

/** What the attribution of one quote has found so far. */
interface Found {
  speaker?: string;
  /** A speech cue ties the quote to speech (a short phrase in marks without one is dropped). */
  cue: boolean;
  /** The quote comes from a writing or an office with no entity: no speaker, whoever is named nearby. */
  sourceless: boolean;
}

/** Takes a subject found for the quote: null marks it as having no source to name. */
function settle(found: Found, subject: string | null | undefined): void {
  if (subject === null) found.sourceless = true;
  else found.speaker ??= subject;
}

export function attributeQuotes(doc: Doc, spans: QuoteSpan[], keyAt: KeyAt): QuoteDraft[] {
  const { tokens, text } = doc;
  const ctx = createSpeakerContext(doc, spans, keyAt);
  const out: QuoteDraft[] = [];
  for (const q of spans) {
    const candidate = quoteCandidate(text, q);
    if (!candidate) continue;
    const open = firstTok(ctx, q.start);
    const close = firstTok(ctx, q.end);
    const sentence = tokens[Math.min(open, tokens.length - 1)]?.sentence ?? 0;
    const lastSentence = tokens[Math.max(0, close - 1)]?.sentence ?? sentence;
    const place: Place = { q, open, close, sentence, lastSentence, paraStart: candidate.paraStart, paraEnd: candidate.paraEnd };
    const found: Found = { cue: false, sourceless: false };
    const previous = out[out.length - 1];

    // 1. After the quote.
    afterQuote(ctx, place, found);
    // '"…" and "…"': the second of two quotes joined by "and" has the first one's speaker.
    if (!found.speaker && !found.sourceless && previous?.speakerKey && tokens[open - 1]?.text === 'and' && isQuoteMark(ctx, open - 2) && tokens[open - 2].start === previous.end - 1) {
      found.speaker = previous.speakerKey;
      found.cue = true;
    }
    // 2. Before the quote, in its sentence.
    if (!found.speaker && !found.sourceless) beforeQuote(ctx, place, found);
    // 3. A quote standing alone.
    if (!found.speaker && !found.sourceless && q.start - doc.sentences[sentence].start < 3) standingAlone(ctx, place, found, previous);

    if (candidate.wordCount < MIN_WORDS_WITHOUT_CUE && !found.cue) continue;
    const about = new Set<string>();
    for (let k = open; k < close && k < tokens.length; k++) {
      const e = keyAt(k);
      if (e && e.key !== found.speaker) about.add(e.key);
    }
    out.push({ ...q, text: candidate.text, speakerKey: found.speaker, aboutKeys: [...about].sort(), sentence });
  }
  return out;
}

/** Step 1: an attribution right after the quote ('", Lavrov said', '", said Lavrov'). */
function afterQuote(ctx: SpeakerContext, { q, open, close, sentence, lastSentence }: Place, found: Found): void {
  const { tokens, text } = ctx.doc;
  const innerEndsWithStop = /[.!?][\])]*\s*$/.test(text.slice(q.inner[0], q.inner[1]));
  // 'X reportedly said "…."' — introduced before, so what follows a closed sentence is not its attribution.
  let introduced = false;
  for (let k = open - 1; k >= Math.max(0, open - 3) && tokens[k].sentence === sentence; k--) {
    if (/^[,:]$/.test(tokens[k].text) || INTRODUCING.has(tokens[k].text.toLowerCase())) introduced = true;
  }
  let i = close;
  while (i < tokens.length && /^[,.:;]$/.test(tokens[i].text)) i++;
  const afterSameSentence = i < tokens.length && (tokens[i].sentence === lastSentence || i === close);
  if (!afterSameSentence || isQuoteMark(ctx, i) || (innerEndsWithStop && introduced)) return;
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
    while (k < tokens.length && k - verb < 8 && !/^[.!?]$/.test(tokens[k].text) && !isQuoteMark(ctx, k)) k++;
    short = k < tokens.length && /^[.!?]$/.test(tokens[k].text) && k - verb < 8;
  }
  if (verb < 0 || !short) return;
  found.cue = true;
  const written = speakerFirst >= 0 ? writtenSource(ctx, speakerFirst, tokens[speakerFirst].sentence) : undefined;
  if (written !== undefined) settle(found, written);
  else if (speakerFirst >= 0) {
    for (let s = speakerFirst; s >= i && !found.speaker; s--) found.speaker = speakerAt(ctx, s);
  } else found.speaker = speakerAfter(ctx, verb + 1);
}

/** Step 2: the verb that introduces the quote in its sentence, or the sentence's subject. */
function beforeQuote(ctx: SpeakerContext, { q, open, close, sentence }: Place, found: Found): void {
  const { doc, tokens } = ctx;
  const before = doc.text.slice(Math.max(doc.sentences[sentence].start, q.start - 40), q.start);
  for (let k = open - 1; k >= 0 && tokens[k].sentence === sentence && !isQuoteMark(ctx, k); k--) {
    const w = tokens[k].text.toLowerCase();
    if (INTRODUCING.has(w)) {
      found.cue = true;
      // '", said Khan, "here in London …': the verb's subject follows it.
      // Only right after the previous quote: 'X, an adviser, told Reuters "…"' is not Reuters speaking.
      const afterPrevious = k > 0 && (isQuoteMark(ctx, k - 1) || (tokens[k - 1].text === ',' && isQuoteMark(ctx, k - 2)));
      if (afterPrevious && SPEECH_VERBS.has(w)) found.speaker = speakerAfter(ctx, k + 1);
      if (!found.speaker) settle(found, subjectOf(ctx, k, sentence));
      // "she said, asking Cengiz to be "…"" / "spoke out against the attack, calling it "…"": the participle shares the subject of the verb before it.
      if (!found.speaker && !found.sourceless && /ing$/.test(w)) {
        for (let j = k - 1; j >= 0 && tokens[j].sentence === sentence && !found.speaker && !found.sourceless; j--) {
          if (INTRODUCING.has(tokens[j].text.toLowerCase()) || /^\p{Ll}+(?:ed|ke|ote)$/u.test(tokens[j].text)) settle(found, subjectOf(ctx, j, sentence));
        }
      }
      if (!found.sourceless) found.speaker ??= sentenceSubject(ctx, sentence, k);
      break;
    }
    if (w === 'according' && tokens[k + 1]?.text === 'to') {
      found.cue = true;
      settle(found, writingAuthor(ctx, k + 2) ?? speakerAfter(ctx, k + 2));
      break;
    }
  }
  if (!found.speaker && !found.sourceless && /(?:[,:]|\bas)\s*$/.test(before)) {
    found.cue = true;
    found.speaker = sentenceSubject(ctx, sentence, open);
  }
  // "Calling it as "just another apology", Anna Franowska … told Reuters" / 'Calling it a "…" the archbishop said':
  // the main clause after the opener names the speaker.
  if (!found.speaker && !found.sourceless && /^(?:Calling|Describing|Dismissing|Labelling|Labeling|Branding|Saying)\b/.test(doc.sentences[sentence].text)) {
    let k = close;
    while (k < tokens.length && tokens[k].sentence === sentence && tokens[k].text !== ',' && !INTRODUCING.has(tokens[k].text.toLowerCase())) k++;
    if (tokens[k]?.text === ',') found.speaker = speakerAfter(ctx, k + 1);
    else if (tokens[k]?.sentence === sentence) settle(found, subjectOf(ctx, k, sentence));
  }
  if (!found.cue && /\baccording to\b/i.test(doc.sentences[sentence].text)) found.cue = true;
}

/** Step 3: a quote that opens its sentence, attributed by the quote or the sentence around it. */
function standingAlone(ctx: SpeakerContext, place: Place, found: Found, previous: QuoteDraft | undefined): void {
  const { doc, tokens } = ctx;
  const { sentence, lastSentence, paraStart } = place;
  const prevSentence = sentence > 0 ? doc.sentences[sentence - 1] : undefined;
  // The speaker's next sentence ("I put no pressure on them," he told the press. "I could have.").
  if (previous?.speakerKey && (previous.start >= paraStart || continuesPrevious(doc.text, previous, place))) {
    found.speaker = previous.speakerKey;
    found.cue = true;
  } else if (prevSentence && prevSentence.start >= paraStart && /[.:]$/.test(prevSentence.text)) {
    const p0 = firstTok(ctx, prevSentence.start);
    for (let k = p0; k < tokens.length && tokens[k].sentence === sentence - 1 && !found.speaker; k++) {
      if (isQuoteMark(ctx, k)) break;
      if (INTRODUCING.has(tokens[k].text.toLowerCase())) {
        settle(found, subjectOf(ctx, k, sentence - 1));
        if (found.speaker) found.cue = true;
        break;
      }
    }
  }
  if (!found.speaker && lastSentence + 1 < doc.sentences.length) {
    let k = firstTok(ctx, doc.sentences[lastSentence + 1].start);
    const limit = k + 8;
    for (; k < Math.min(tokens.length, limit) && tokens[k].sentence === lastSentence + 1; k++) {
      if (isQuoteMark(ctx, k)) break;
      if (SPEECH_VERBS.has(tokens[k].text.toLowerCase())) {
        found.speaker = speakerAt(ctx, k - 1);
        if (found.speaker) found.cue = true;
        break;
      }
    }
  }
}

/**
 * A paragraph that is nothing but a quote, after a paragraph that ends with a quote and at most a short
 * attribution ('"…," said Ambassador Mohib.' then '"They represent …"'): the same speaker goes on.
 */
function continuesPrevious(text: string, previous: QuoteDraft, { q, paraStart, paraEnd }: Place): boolean {
  if (text.slice(paraStart, q.start).trim() !== '' || !/^[\s.,!?]*$/.test(text.slice(q.end, paraEnd))) return false;
  let prevEnd = paraStart;
  while (prevEnd > 0 && /\s/.test(text[prevEnd - 1])) prevEnd--;
  const prevStart = text.lastIndexOf('\n', prevEnd - 1) + 1;
  const after = text.slice(previous.end, prevEnd);
  return previous.start >= prevStart && previous.end <= prevEnd && after.length < 60 && !/["“”]/.test(after);
}
