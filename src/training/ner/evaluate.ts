/** Exact-span precision, recall and F1, per entity type and micro-averaged over PER/LOC/ORG. */
import { spansOf } from '../../extract/ner/iob.ts';
import type { TaggedDocument } from './conll.ts';

export const MAIN_TYPES = ['PER', 'LOC', 'ORG'];

export interface Counts {
  correct: number;
  predicted: number;
  gold: number;
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

export function scores(c: Counts): Scores {
  const precision = c.predicted ? c.correct / c.predicted : 0;
  const recall = c.gold ? c.correct / c.gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** Adds the spans of one sentence to per-type counts. */
export function countSentence(byType: Map<string, Counts>, gold: readonly string[], predicted: readonly string[]): void {
  const get = (type: string) => {
    let c = byType.get(type);
    if (!c) byType.set(type, (c = { correct: 0, predicted: 0, gold: 0 }));
    return c;
  };
  const goldKeys = new Set(spansOf(gold).map((s) => `${s.type}:${s.start}:${s.end}`));
  for (const s of spansOf(gold)) get(s.type).gold++;
  for (const s of spansOf(predicted)) {
    const c = get(s.type);
    c.predicted++;
    if (goldKeys.has(`${s.type}:${s.start}:${s.end}`)) c.correct++;
  }
}

export function evaluate(docs: readonly TaggedDocument[], tag: (words: string[][]) => string[][]): Map<string, Counts> {
  const byType = new Map<string, Counts>();
  for (const doc of docs) {
    const predicted = tag(doc.sentences.map((s) => s.words));
    doc.sentences.forEach((s, i) => countSentence(byType, s.tags, predicted[i]));
  }
  return byType;
}

export function micro(byType: Map<string, Counts>, types: readonly string[] = MAIN_TYPES): Counts {
  const total: Counts = { correct: 0, predicted: 0, gold: 0 };
  for (const t of types) {
    const c = byType.get(t);
    if (!c) continue;
    total.correct += c.correct;
    total.predicted += c.predicted;
    total.gold += c.gold;
  }
  return total;
}

const pct = (x: number) => (100 * x).toFixed(1);

export function formatLine(label: string, c: Counts): string {
  const s = scores(c);
  return `${label} P=${pct(s.precision)} R=${pct(s.recall)} F1=${pct(s.f1)}`;
}

/** The report eval-ner prints: per type, MISC apart, and the micro PER/LOC/ORG line last. */
export function formatReport(byType: Map<string, Counts>): string {
  const lines: string[] = [];
  for (const t of MAIN_TYPES) {
    const c = byType.get(t) ?? { correct: 0, predicted: 0, gold: 0 };
    lines.push(`${formatLine(t.padEnd(4), c)}  (gold ${c.gold}, predicted ${c.predicted}, correct ${c.correct})`);
  }
  const misc = byType.get('MISC');
  if (misc) lines.push(`${formatLine('MISC', misc)}  (gold ${misc.gold}, predicted ${misc.predicted}, correct ${misc.correct}; not in the overall figure)`);
  lines.push(formatLine('overall', micro(byType)));
  return lines.join('\n');
}
