/**
 * The best score any extractor could reach on a document-level gold while keeping issue 17's own
 * rules (`newsgraph eval-entities --ceiling`). A gold entity is out of reach when:
 * - every name it has is a single common English word ("Speaker", "Ocean": the suite's word list);
 * - every name it has names a group by its demonym ("Americans", "the Palestinians"): ethnic groups
 *   are not people, places or organisations;
 * - each time it is written, it is inside a longer proper name of another gold entity ("Ohio" in
 *   "Ohio State University"): a span inside a longer name is part of that name;
 * - every name it has is already taken: one entity per name in a document, so the four Athens of a
 *   travel guide can match one entity (found as the largest one-to-one matching of names to entities).
 * What is left bounds recall; with it, the best F1 at a given precision.
 */
import { isCommonWordName, type Gazetteers } from '../extract/gazetteers/index.ts';
import { goldNames, normalizeName, titleName, type GoldEntity } from './entity-score.ts';

export interface Ceiling {
  gold: number;
  reachable: number;
  commonWord: number;
  demonymGroup: number;
  insideName: number;
  sharedName: number;
}

/** Words that may stand inside a proper name between its capitalised words. */
const NAME_LINKS = new Set(['of', 'the', 'de', 'du', 'la', 'le', 'for', 'on', 'von', 'van', 'der']);

/** A gold mention (tokens joined by spaces: "Zurbarán ’s", "Bailey - Ross") found in the text however it is spaced. */
function occurrences(text: string, mention: string): [number, number][] {
  const tokens = mention.split(/\s+/).filter(Boolean);
  if (!tokens.length) return [];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${tokens.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*')}(?![\\p{L}\\p{N}])`, 'gu');
  return [...text.matchAll(pattern)].map((m) => [m.index, m.index + m[0].length]);
}

/** "Ohio State University", "the Bank of England": capitalised words, perhaps linked by "of", "de"…, no comma. */
function isProperName(mention: string): boolean {
  const words = mention.split(/\s+/).filter(Boolean);
  // "Clearwater, Florida" (a title's disambiguation) is two names.
  const capital = (w: string) => /^\p{Lu}[^,]*$/u.test(w);
  return words.length > 1 && capital(words[words.length - 1]) && words.every((w, i) => capital(w) || (NAME_LINKS.has(w.toLowerCase()) && (i > 0 || w.toLowerCase() === 'the')));
}

/** "american", "americans": the normalised demonyms of every country and their plurals. */
function demonymGroupsOf(gaz: Gazetteers): Set<string> {
  const groups = new Set<string>();
  for (const c of gaz.countries.values()) for (const d of c.demonyms) for (const form of [d, `${d}s`]) groups.add(normalizeName(form));
  return groups;
}

/** The ceiling of a set of documents: the sum of theirs. */
export function corpusCeiling(docs: { text: string; entities: GoldEntity[] }[], gaz: Gazetteers): Ceiling {
  const demonymGroups = demonymGroupsOf(gaz);
  const total: Ceiling = { gold: 0, reachable: 0, commonWord: 0, demonymGroup: 0, insideName: 0, sharedName: 0 };
  for (const doc of docs) {
    const c = ceilingWith(doc.text, doc.entities, gaz, demonymGroups);
    for (const k of Object.keys(total) as (keyof Ceiling)[]) total[k] += c[k];
  }
  return total;
}

export function documentCeiling(text: string, entities: GoldEntity[], gaz: Gazetteers): Ceiling {
  return ceilingWith(text, entities, gaz, demonymGroupsOf(gaz));
}

function ceilingWith(text: string, entities: GoldEntity[], gaz: Gazetteers, demonymGroups: Set<string>): Ceiling {
  const out: Ceiling = { gold: entities.length, reachable: 0, commonWord: 0, demonymGroup: 0, insideName: 0, sharedName: 0 };
  // Longer names: another entity's name-only mentions and Wikipedia title, where the text writes them.
  const containers = entities.map((e) => [...e.names, ...(e.identity ? [titleName(e.identity)] : [])].filter(isProperName).flatMap((m) => occurrences(text, m)));
  const names = entities.map((e, i): string[] => {
    const all = [...goldNames(e)];
    const usable = all.filter((n) => !isCommonWordName(gaz, n));
    if (all.length && !usable.length) return (out.commonWord++, []);
    if (usable.length && usable.every((n) => demonymGroups.has(n))) return (out.demonymGroup++, []);
    const written = (e.mentions ?? []).flatMap((m) => occurrences(text, m));
    const inside = ([s, t]: [number, number]) => containers.some((spans, j) => j !== i && spans.some(([cs, ct]) => cs <= s && t <= ct && ct - cs > t - s));
    if (written.length && written.every(inside)) return (out.insideName++, []);
    return usable;
  });
  // One entity per name: the largest matching of distinct names to gold entities (augmenting paths).
  const holder = new Map<string, number>();
  const take = (g: number, seen: Set<string>): boolean => {
    for (const n of names[g]) {
      if (seen.has(n)) continue;
      seen.add(n);
      const other = holder.get(n);
      if (other === undefined || take(other, seen)) {
        holder.set(n, g);
        return true;
      }
    }
    return false;
  };
  for (let g = 0; g < entities.length; g++) if (names[g].length && take(g, new Set())) out.reachable++;
  out.sharedName = out.gold - out.reachable - out.commonWord - out.demonymGroup - out.insideName;
  return out;
}

/** Best F1 (percent) at precision `p` with recall `r` (percent); and the precision that F1 `f` needs at recall `r` (Infinity: none). */
export const f1At = (p: number, r: number) => (2 * p * r) / (p + r);
export const precisionFor = (f: number, r: number) => (2 * r > f ? (f * r) / (2 * r - f) : Infinity);

export function formatCeiling(c: Ceiling, docs: number): string {
  const r = (100 * c.reachable) / c.gold;
  const need = precisionFor(85, r);
  return [
    `ceiling  docs ${docs}  gold ${c.gold}  reachable ${c.reachable}  recall at most ${r.toFixed(1)}`,
    `  out of reach: ${c.commonWord} named only by a single common word, ${c.demonymGroup} demonym groups, ${c.insideName} only inside a longer name, ${c.sharedName} sharing every name with another`,
    `  best F1: ${f1At(100, r).toFixed(1)} at precision 100, ${f1At(88, r).toFixed(1)} at precision 88; F1 85 needs precision ${need > 100 ? 'over 100' : `≥ ${need.toFixed(1)}`} with every reachable entity found`,
    '',
  ].join('\n');
}
