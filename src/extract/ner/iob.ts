/** IOB tags to entity spans: how the tagger's output (and gold files, in training) are read. */

/**
 * IOB1 (I- everywhere, B- only between two adjacent entities of one type) to IOB2 (every
 * entity starts with B-). IOB2 input comes back unchanged. IOBES/BILOU-style S-/E- tags are
 * folded into B-/I-.
 */
export function toIob2(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i];
    if (tag === 'O' || tag.length < 3) {
      out.push('O');
      continue;
    }
    const prefix = tag[0];
    const type = tag.slice(2);
    const prev = i > 0 ? out[i - 1] : 'O';
    const continues = prev !== 'O' && prev.slice(2) === type;
    if (prefix === 'B' || prefix === 'S' || !continues) out.push(`B-${type}`);
    else out.push(`I-${type}`);
  }
  return out;
}

export interface Span {
  type: string;
  start: number;
  /** Token index, exclusive. */
  end: number;
}

/** Entity spans of an IOB2 tag sequence (a stray I- starts a span, as conlleval does). */
export function spansOf(tags: readonly string[]): Span[] {
  const spans: Span[] = [];
  let current: Span | null = null;
  for (let i = 0; i <= tags.length; i++) {
    const tag = i < tags.length ? tags[i] : 'O';
    const type = tag === 'O' ? '' : tag.slice(2);
    if (current && (tag === 'O' || tag[0] === 'B' || type !== current.type)) {
      current.end = i;
      spans.push(current);
      current = null;
    }
    if (tag !== 'O' && !current) current = { type, start: i, end: i };
  }
  return spans;
}
