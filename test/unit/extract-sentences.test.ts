import { describe, expect, it } from 'vitest';
import { MAX_SENTENCE_CHARS, splitSentences } from '../../src/extract/sentences.ts';
import { tokenize } from '../../src/extract/tokens.ts';

const texts = (t: string) => splitSentences(t).map((s) => s.text);

describe('sentences', () => {
  it('does not split after titles, initials or inside quotes', () => {
    expect(texts('Mr. Lavrov met Gen. Smith. They talked.')).toEqual(['Mr. Lavrov met Gen. Smith.', 'They talked.']);
    expect(texts('John F. Kennedy spoke. Then he left.')).toEqual(['John F. Kennedy spoke.', 'Then he left.']);
    expect(texts('"He was primarily interested.in details", Lavrov said.')).toHaveLength(1);
  });

  it('splits after a dotted acronym only before a sentence opener', () => {
    expect(texts('He said the U.S. Congress passed it.')).toHaveLength(1);
    expect(texts('He went to the U.S. The trip was long.')).toEqual(['He went to the U.S.', 'The trip was long.']);
  });

  it('splits after closing quotes and at line breaks', () => {
    expect(texts('"This will be in this way from now on". Speaking after it, Lavrov said no.')).toEqual([
      '"This will be in this way from now on".',
      'Speaking after it, Lavrov said no.',
    ]);
    expect(texts('Friday, January 4, 2019 \n\nAn apartment building collapsed.')).toEqual(['Friday, January 4, 2019', 'An apartment building collapsed.']);
  });

  it('keeps offsets into the text', () => {
    const text = '  First one.  Second one!\nThird?';
    for (const s of splitSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(splitSentences('')).toEqual([]);
  });

  it('cuts a run without sentence ends at white space, every piece at most MAX_SENTENCE_CHARS', () => {
    const line = 'officials met in Geneva and '.repeat(4000).trim();
    const sentences = splitSentences(line);
    expect(sentences.length).toBeGreaterThan(line.length / MAX_SENTENCE_CHARS);
    for (const s of sentences) {
      expect(s.text.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
      expect(line.slice(s.start, s.end)).toBe(s.text);
    }
    expect(sentences.map((s) => s.text).join(' ')).toBe(line);
  });

  it('tokenizes abbreviations and possessives', () => {
    expect(tokenize("Mr. Tillerson's U.S. trip").map((t) => t.text)).toEqual(['Mr.', 'Tillerson', "'s", 'U.S.', 'trip']);
  });
});
