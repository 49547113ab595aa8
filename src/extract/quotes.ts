/**
 * Direct quotations: where they are, and which are kept.
 *
 * Spans: quotation marks paired within a paragraph; a quote that runs over several paragraphs (the
 * opening mark repeated at the start of each, the closing mark only at the end) is one span.
 * Kept as quotes: text in running prose, not picture captions, and either long enough to be speech
 * (5+ words) or attributed by a speech cue ("called the stabbing "an act of …"", "according to"):
 * a short phrase in marks with no cue is a scare quote or a name ("Operation Peace Spring").
 * Who said each quote, and whether a speech cue attributes it: quote-speakers.ts.
 */
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

/** A phrase in marks after these is a title or a name, not speech. */
const NAMING = /\b(?:article|headline|titled|entitled|headlined|named|dubbed|nicknamed|known as|sign|banner|placard|poster|slogan|hashtag)\W*$/i;
/** Quotes shorter than this (in words) are kept only when a speech cue attributes them. */
export const MIN_WORDS_WITHOUT_CUE = 5;

/** A quote span that may be speech, with its words and paragraph; undefined for a caption, a title or a name, or fewer than three words. */
export function quoteCandidate(text: string, q: QuoteSpan): { text: string; wordCount: number; paraStart: number; paraEnd: number } | undefined {
  const inner = quoteText(text, q);
  const wordCount = inner.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  if (wordCount < 3) return undefined;
  const paraStart = text.lastIndexOf('\n', q.start) + 1;
  let paraEnd = text.indexOf('\n', q.end);
  if (paraEnd < 0) paraEnd = text.length;
  // Picture captions ("Protesters with a banner saying "…". Image: Voice of America.") are not speech.
  if (/\bImage:/.test(text.slice(q.end, paraEnd))) return undefined;
  const lead = text.slice(Math.max(paraStart, q.start - 30), q.start);
  // A short phrase after "of" is a name too: "Anna Franowska of "Have no fear"".
  if (NAMING.test(lead) || (wordCount < MIN_WORDS_WITHOUT_CUE && /\bof\s*$/.test(lead))) return undefined;
  return { text: inner, wordCount, paraStart, paraEnd };
}
