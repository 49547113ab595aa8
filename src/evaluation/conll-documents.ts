/**
 * A tagged news corpus (CoNLL-2003's Reuters documents) as articles and document-level gold, so that
 * `eval-entities --conll` scores the entities an analyst would see on news the tagger never trained on,
 * not its tokens. Each document's first sentence is its headline (the article's title, not scored, as in
 * the project's own gold); the rest is its text, one sentence a line, tokens joined back into running
 * text. Gold entities are the PER, ORG and LOC spans of the text (MISC is no entity here), one entity
 * per type and name; a person's surname alone joins the one person of that document whose name ends
 * in it ("Simmons" is Phil Simmons, "Van Poppel" Todd Van Poppel), and a one-word body the one body
 * whose name ends in it ("Reds" is the Cincinnati Reds).
 */
import { SURNAME_PARTICLE } from '../extract/lexicon.ts';
import { spansOf } from '../extract/ner/iob.ts';
import type { GoldDocument } from './entities.ts';
import type { GoldEntity } from './entity-score.ts';

export interface TaggedCorpusDocument {
  sentences: { words: string[]; tags: string[] }[];
}

const SCORED = new Set(['PER', 'ORG', 'LOC']);

/** Tokens back into text: no space before closing punctuation and clitics, none after opening brackets. */
export function detokenize(words: readonly string[]): string {
  return words
    .join(' ')
    .replace(/ ([,.;:!?%)\]}])/g, '$1')
    .replace(/([([{$]) /g, '$1')
    .replace(/ (n't|'s|'re|'ve|'ll|'d|'m)(?= |$)/gi, '$1');
}

export function conllDocuments(docs: readonly TaggedCorpusDocument[], idPrefix: string): { articles: Record<string, unknown>[]; gold: GoldDocument[] } {
  const articles: Record<string, unknown>[] = [];
  const gold: GoldDocument[] = [];
  docs.forEach((doc, index) => {
    if (doc.sentences.length < 2) return;
    const id = `${idPrefix}:${index + 1}`;
    const [headline, ...body] = doc.sentences;
    const text = body.map((s) => detokenize(s.words)).join('\n');
    const dated = /\b(\d{4}-\d{2}-\d{2})\b/.exec(detokenize(body[0].words));
    articles.push({ id, title: detokenize(headline.words), text, publishedAt: dated ? `${dated[1]}T00:00:00Z` : null });
    gold.push({ id, split: 'test', genre: 'news', entities: goldEntities(body) });
  });
  return { articles, gold };
}

function goldEntities(sentences: TaggedCorpusDocument['sentences']): GoldEntity[] {
  const byName = new Map<string, GoldEntity>();
  for (const s of sentences) {
    for (const span of spansOf(s.tags)) {
      if (!SCORED.has(span.type)) continue;
      const name = detokenize(s.words.slice(span.start, span.end));
      const key = `${span.type} ${name.toLowerCase()}`;
      if (!byName.has(key)) byName.set(key, { type: span.type, identity: null, names: [name], runs: [name] });
    }
  }
  for (const [key, e] of byName) {
    // A surname is one word, or words a particle opens ("Van Poppel" of Todd Van Poppel); a body's
    // short name is its last word ("the Reds" of the Cincinnati Reds).
    const short = e.type === 'PER' ? !/\s/.test(e.names[0]) || SURNAME_PARTICLE.test(e.names[0].split(' ')[0]) : e.type === 'ORG' && !/\s/.test(e.names[0]);
    if (!short) continue;
    const full = [...byName.values()].filter((p) => p !== e && p.type === e.type && p.names[0].endsWith(` ${e.names[0]}`));
    if (full.length !== 1) continue;
    full[0].names.push(e.names[0]);
    full[0].runs.push(e.names[0]);
    byName.delete(key);
  }
  return [...byName.values()];
}
