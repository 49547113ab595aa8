/**
 * The neighbourhood of some entities as nodes and weighted edges, for drawing: neighbours by
 * co-mention (one or two steps), then the edges among all of them — those touching a center first,
 * heaviest first — cut at `limit`.
 */
import type { EntityKind } from '../extract/types.ts';
import type { Window } from '../store/queries/read.ts';
import { pairKey } from '../store/queries/counts.ts';
import { articleCountsIn, keptEdgesAmong, loneEdges, neighbours, pairsAmong, type NeighbourRow } from '../store/queries/relations.ts';
import type { QueryRunner } from '../store/runner.ts';

export const MAX_DEPTH = 2;
export const MAX_LIMIT = 200;
export const MAX_CENTERS = 10;

const within = (value: number, max: number) => Math.min(Math.max(Math.trunc(value), 1), max);

/**
 * The most rows a network can read, for its cost: each step's neighbours (`limit` for each
 * center, then `limit` for each of up to `limit` frontier keys) and one lookup per pair among
 * everything selected. Out-of-range arguments count at their bound: the resolver refuses them.
 */
export function networkWork(centers: number, depth: number, limit: number): number {
  const c = within(centers, MAX_CENTERS);
  const l = within(limit, MAX_LIMIT);
  let rows = c * l;
  let selected = c + l;
  for (let step = 2; step <= within(depth, MAX_DEPTH); step++) {
    rows += l * l;
    selected += l;
  }
  return rows + (selected * (selected - 1)) / 2;
}

export interface NetworkOptions extends Window {
  depth: number;
  limit: number;
  kinds: EntityKind[] | null;
  minWeight: number;
}

export interface Network {
  nodes: { key: string; weight: number | null }[];
  edges: { source: string; target: string; weight: number }[];
  truncated: boolean;
}

export async function buildNetwork(runner: QueryRunner, centers: string[], options: NetworkOptions): Promise<Network> {
  const fanOut = options.limit;
  const selected = new Set(centers);
  let truncated = false;
  let frontier = centers;
  for (let step = 0; step < options.depth && frontier.length > 0; step++) {
    const rows = await neighbours(runner, frontier, {
      exclude: [],
      kinds: options.kinds,
      always: centers,
      fanOut,
      since: options.since,
      until: options.until,
    });
    const perSource = new Map<string, number>();
    const found = new Map<string, number>();
    for (const row of rows) {
      perSource.set(row.from, (perSource.get(row.from) ?? 0) + 1);
      if (row.articles < options.minWeight || selected.has(row.to)) continue;
      found.set(row.to, Math.max(found.get(row.to) ?? 0, row.articles));
    }
    if ([...perSource.values()].some((n) => n >= fanOut)) truncated = true;
    // The next step starts from the heaviest new neighbours only: the picture stays bounded.
    const ranked = [...found.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k]) => k);
    if (ranked.length > options.limit) truncated = true;
    frontier = ranked.slice(0, options.limit);
    for (const key of frontier) selected.add(key);
  }

  // Edges touching a center come first (they are what was asked about), then the others; heaviest first within each.
  const centerSet = new Set(centers);
  const touchesCenter = (e: { from: string; to: string }) => (centerSet.has(e.from) || centerSet.has(e.to) ? 0 : 1);
  const withNodes = await keptEdgesAmong(runner, [...selected], options);
  const all = options.minWeight > 1 ? withNodes : [...withNodes, ...(await oneArticleEdges(runner, [...selected], withNodes, centerSet, options))];
  const edges = all
    .filter((e) => e.articles >= options.minWeight)
    .sort((a, b) => touchesCenter(a) - touchesCenter(b) || b.articles - a.articles || (a.from + a.to < b.from + b.to ? -1 : 1));
  if (edges.length > options.limit) truncated = true;
  const kept = edges.slice(0, options.limit);
  const keys = new Set(centers);
  for (const e of kept) {
    keys.add(e.from);
    keys.add(e.to);
  }
  const windowed = Boolean(options.since || options.until);
  const counts = windowed ? await articleCountsIn(runner, [...keys], options) : null;
  return {
    nodes: [...keys].map((key) => ({ key, weight: counts ? counts.get(key) ?? 0 : null })),
    edges: kept.map((e) => ({ source: e.from, target: e.to, weight: e.articles })),
    truncated,
  };
}

/**
 * The edges of one article among `keys` (pairs without a node) that can be among the first `limit`
 * of buildNetwork's order, where every such edge comes after the center edges of two articles or
 * more, or after all center edges and the other edges of two articles or more. When those already
 * exceed `limit`, the answer is cut (and truncated) without them and they are not looked up.
 */
async function oneArticleEdges(runner: QueryRunner, keys: string[], kept: NeighbourRow[], centers: Set<string>, options: NetworkOptions): Promise<NeighbourRow[]> {
  const touches = (a: string, b: string) => centers.has(a) || centers.has(b);
  const heavy = kept.filter((e) => e.articles >= 2);
  const centerHeavy = heavy.filter((e) => touches(e.from, e.to)).length;
  if (centerHeavy > options.limit) return [];
  const stored = new Set(kept.map((e) => pairKey(e.from, e.to)));
  const missing = pairsAmong(keys).filter(([a, b]) => !stored.has(pairKey(a, b)));
  const centerLone = await loneEdges(runner, missing.filter(([a, b]) => touches(a, b)), options);
  const centerAll = kept.filter((e) => touches(e.from, e.to)).length + centerLone.length;
  if (centerAll + heavy.length - centerHeavy > options.limit) return centerLone;
  return [...centerLone, ...(await loneEdges(runner, missing.filter(([a, b]) => !touches(a, b)), options))];
}
