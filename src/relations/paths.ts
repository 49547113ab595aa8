/**
 * Shortest connections between two entities over co-mentions, searched from both ends at once
 * (one batched neighbour query per step), then each hop backed by the article or event that links
 * its two entities and the sentences that say so. Budgets: hops, neighbours per entity, entities
 * per step; when one cuts the search the answer says `truncated`.
 */
import type { EntityKind } from '../extract/types.ts';
import type { ArticleRow, EventRow, Window } from '../store/queries/read.ts';
import { neighbours, sharedArticlesOfPairs, sharedEventsOfPairs, type HopArticleRow } from '../store/queries/relations.ts';
import type { QueryRunner } from '../store/runner.ts';

export const MAX_HOPS = 6;
/** Neighbours followed from each entity, the heaviest first. */
export const FAN_OUT = 60;
/** Entities expanded in one step; past this the search keeps the best-connected and says truncated. */
export const MAX_FRONTIER = 400;
const EVIDENCE_PER_HOP = 3;
const MAX_SENTENCE = 600;

export interface PathOptions extends Window {
  maxHops: number;
  first: number;
  via: EntityKind[] | null;
  exclude: string[];
}

export interface Evidence {
  sentence: string;
  article: ArticleRow;
}

export interface Hop {
  from: string;
  to: string;
  via: { kind: 'article'; article: ArticleRow } | { kind: 'event'; event: EventRow };
  evidence: Evidence[];
}

export interface Path {
  keys: string[];
  hops: Hop[];
}

export interface PathsResult {
  paths: Path[];
  truncated: boolean;
}

type Parents = Map<string, Set<string>>;

function pairId(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/** Every path from `root` to `node` following parent links, at most `cap` of them. */
function pathsTo(node: string, parents: Parents, cap: number): string[][] {
  const ps = parents.get(node);
  if (!ps || ps.size === 0) return [[node]];
  const out: string[][] = [];
  for (const parent of [...ps].sort()) {
    for (const prefix of pathsTo(parent, parents, cap)) {
      out.push([...prefix, node]);
      if (out.length >= cap) return out;
    }
  }
  return out;
}

export async function findPaths(runner: QueryRunner, from: string, to: string, options: PathOptions): Promise<PathsResult> {
  const exclude = options.exclude.filter((k) => k !== from && k !== to);
  const weights = new Map<string, number>();
  let truncated = false;
  const sides = [
    { parents: new Map([[from, new Set<string>()]]) as Parents, frontier: [from] },
    { parents: new Map([[to, new Set<string>()]]) as Parents, frontier: [to] },
  ];
  let hops = 0;
  let meeting: string[] = [];
  while (hops < options.maxHops && meeting.length === 0) {
    // Expand the smaller side: the cheaper step in a graph with hubs.
    const s = sides[0].frontier.length <= sides[1].frontier.length ? 0 : 1;
    const side = sides[s];
    const other = sides[1 - s];
    if (side.frontier.length === 0) break;
    const rows = await neighbours(runner, side.frontier, {
      exclude,
      kinds: options.via,
      always: [from, to],
      fanOut: FAN_OUT,
      since: options.since,
      until: options.until,
    });
    const perSource = new Map<string, number>();
    const next = new Map<string, number>();
    for (const row of rows) {
      perSource.set(row.from, (perSource.get(row.from) ?? 0) + 1);
      weights.set(pairId(row.from, row.to), row.articles);
      const known = side.parents.get(row.to);
      if (known && !next.has(row.to)) continue; // reached at an earlier step: not on a shortest path
      if (!known) side.parents.set(row.to, new Set());
      side.parents.get(row.to)!.add(row.from);
      next.set(row.to, (next.get(row.to) ?? 0) + row.articles);
    }
    if ([...perSource.values()].some((n) => n >= FAN_OUT)) truncated = true;
    hops += 1;
    meeting = [...next.keys()].filter((k) => other.parents.has(k));
    let frontier = [...next.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k]) => k);
    if (frontier.length > MAX_FRONTIER) {
      truncated = true;
      frontier = frontier.slice(0, MAX_FRONTIER);
    }
    side.frontier = frontier;
  }
  if (meeting.length === 0) return { paths: [], truncated };

  const cap = Math.max(options.first * 10, 20);
  const candidates: string[][] = [];
  for (const m of meeting.sort()) {
    const heads = pathsTo(m, sides[0].parents, cap);
    const tails = pathsTo(m, sides[1].parents, cap).map((p) => [...p].reverse());
    for (const head of heads) for (const tail of tails) candidates.push([...head, ...tail.slice(1)]);
    if (candidates.length >= cap) break;
  }
  const strength = (keys: string[]) => keys.slice(1).reduce((sum, k, i) => sum + (weights.get(pairId(keys[i], k)) ?? 0), 0);
  candidates.sort((a, b) => strength(b) - strength(a) || a.join('|').localeCompare(b.join('|')));

  // Back every hop with evidence; a path whose hop has none inside the window is not a path.
  const chosen = candidates.slice(0, cap);
  const pairs = new Map<string, { a: string; b: string }>();
  for (const keys of chosen) for (let i = 1; i < keys.length; i++) pairs.set(pairId(keys[i - 1], keys[i]), { a: keys[i - 1], b: keys[i] });
  const hopsByPair = await evidenceForPairs(runner, [...pairs.values()], options);
  const paths: Path[] = [];
  for (const keys of chosen) {
    const pathHops: Hop[] = [];
    for (let i = 1; i < keys.length; i++) {
      const hop = hopsByPair.get(pairId(keys[i - 1], keys[i]));
      if (!hop) break;
      pathHops.push({ ...hop, from: keys[i - 1], to: keys[i] });
    }
    if (pathHops.length === keys.length - 1) paths.push({ keys, hops: pathHops });
    if (paths.length >= options.first) break;
  }
  return { paths, truncated };
}

function clip(text: string): string {
  return text.length > MAX_SENTENCE ? `${text.slice(0, MAX_SENTENCE)}…` : text;
}

/** The sentence of the article that mentions both; failing one, the first that mentions each. */
function sentencesOf(row: HopArticleRow): string[] {
  const bounds = row.article.sentenceBounds ?? [];
  const shared = row.aSentences.find((i) => row.bSentences.includes(i));
  if (shared !== undefined && bounds.length > 2 * shared + 1) return [clip(row.article.text.slice(bounds[2 * shared], bounds[2 * shared + 1]))];
  return [...new Set([row.aEvidence[0], row.bEvidence[0]].filter((s): s is string => Boolean(s)))].map(clip);
}

/** What links each pair: an event both took part in, else the newest article mentioning both. */
export async function evidenceForPairs(runner: QueryRunner, pairs: { a: string; b: string }[], window: Window): Promise<Map<string, Omit<Hop, 'from' | 'to'>>> {
  const [articles, events] = await Promise.all([
    sharedArticlesOfPairs(runner, pairs, window, EVIDENCE_PER_HOP),
    sharedEventsOfPairs(runner, pairs, window, EVIDENCE_PER_HOP),
  ]);
  const result = new Map<string, Omit<Hop, 'from' | 'to'>>();
  for (const row of events) {
    const id = pairId(row.a, row.b);
    const hop = result.get(id) ?? { via: { kind: 'event' as const, event: row.event }, evidence: [] };
    hop.evidence.push({ sentence: row.evidence, article: row.article });
    result.set(id, hop);
  }
  for (const row of articles) {
    const id = pairId(row.a, row.b);
    const { sentenceBounds: _bounds, ...article } = row.article;
    const hop = result.get(id) ?? { via: { kind: 'article' as const, article }, evidence: [] };
    if (hop.evidence.length < EVIDENCE_PER_HOP && !hop.evidence.some((e) => e.article.id === article.id)) {
      for (const sentence of sentencesOf(row)) hop.evidence.push({ sentence, article });
    }
    result.set(id, hop);
  }
  return result;
}
