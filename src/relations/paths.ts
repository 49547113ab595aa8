/**
 * Shortest connections between two entities over co-mentions, searched from both ends at once
 * (one batched neighbour query per step), then each hop backed by the article or event that links
 * its two entities and the sentences that say so. Budgets: hops, neighbours per entity, entities
 * per step; when one cuts the search the answer says `truncated`.
 */
import type { EntityKind } from '../extract/types.ts';
import type { ArticleRow, EventRow, ReportRow, Window } from '../store/queries/read.ts';
import { reportsOfEvents, sentenceAt } from '../store/queries/read.ts';
import { pairEvidence } from '../store/queries/pair-evidence.ts';
import { neighbours, type SharedArticleRow } from '../store/queries/relations.ts';
import type { QueryRunner } from '../store/runner.ts';

export const MAX_HOPS = 6;
/** Neighbours followed from each entity, the heaviest first. */
export const FAN_OUT = 60;
/** Entities expanded in one step; past this the search keeps the best-connected and says truncated. */
export const MAX_FRONTIER = 400;
export const EVIDENCE_PER_HOP = 3;
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

/** Candidate paths ranked before evidence is looked up. */
function candidateCap(first: number): number {
  return Math.max(first * 10, 20);
}

/**
 * The most rows a path search can read, for its cost. Each hop expands the smaller side: hops 1
 * and 2 expand one entity each, hops 3 and 4 up to FAN_OUT, later hops up to MAX_FRONTIER, each
 * entity giving FAN_OUT neighbours. Then an event's and EVIDENCE_PER_HOP articles' rows per hop of every candidate.
 */
export function pathsWork(maxHops: number, first: number): number {
  const hops = Math.min(Math.max(Math.trunc(maxHops), 1), MAX_HOPS);
  let rows = 0;
  for (let hop = 1; hop <= hops; hop++) rows += Math.min(FAN_OUT ** Math.floor((hop - 1) / 2), MAX_FRONTIER) * FAN_OUT;
  return rows + candidateCap(Math.min(Math.max(Math.trunc(first), 1), 10)) * hops * 2 * EVIDENCE_PER_HOP;
}

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

/** Looks up what links each pair (evidenceForPairs); a hop without an entry has no evidence in the window. */
export type EvidenceLookup = (runner: QueryRunner, pairs: { a: string; b: string }[], window: Window) => Promise<Map<string, Omit<Hop, 'from' | 'to'>>>;

export async function findPaths(runner: QueryRunner, from: string, to: string, options: PathOptions, lookup: EvidenceLookup = evidenceForPairs): Promise<PathsResult> {
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

  const cap = candidateCap(options.first);
  const candidates: string[][] = [];
  for (const m of meeting.sort()) {
    const heads = pathsTo(m, sides[0].parents, cap);
    const tails = pathsTo(m, sides[1].parents, cap).map((p) => [...p].reverse());
    for (const head of heads) for (const tail of tails) candidates.push([...head, ...tail.slice(1)]);
    if (candidates.length >= cap) break;
  }
  const strength = (keys: string[]) => keys.slice(1).reduce((sum, k, i) => sum + (weights.get(pairId(keys[i], k)) ?? 0), 0);
  candidates.sort((a, b) => strength(b) - strength(a) || a.join('|').localeCompare(b.join('|')));
  candidates.splice(cap);

  // Back every hop with evidence, a few candidates at a time (the strongest first); a path whose
  // hop has none inside the window is not a path.
  const paths: Path[] = [];
  const known = new Map<string, Omit<Hop, 'from' | 'to'> | null>();
  for (let start = 0; start < candidates.length && paths.length < options.first; start += options.first) {
    const chunk = candidates.slice(start, start + options.first);
    const missing = new Map<string, { a: string; b: string }>();
    for (const keys of chunk) {
      for (let i = 1; i < keys.length; i++) {
        const id = pairId(keys[i - 1], keys[i]);
        if (!known.has(id)) missing.set(id, { a: keys[i - 1], b: keys[i] });
      }
    }
    const found = await lookup(runner, [...missing.values()], options);
    for (const id of missing.keys()) known.set(id, found.get(id) ?? null);
    for (const keys of chunk) {
      const hops: Hop[] = [];
      for (let i = 1; i < keys.length; i++) {
        const hop = known.get(pairId(keys[i - 1], keys[i]));
        if (!hop) break;
        hops.push({ ...hop, from: keys[i - 1], to: keys[i] });
      }
      if (hops.length === keys.length - 1 && paths.length < options.first) paths.push({ keys, hops });
    }
  }
  return { paths, truncated };
}

function clip(text: string): string {
  return text.length > MAX_SENTENCE ? `${text.slice(0, MAX_SENTENCE)}…` : text;
}

/**
 * Evidence names both ends of the link (by name, alias or a surname resolved to them): the first
 * sentence of the article mentioning both, failing one the two nearest sentences that mention
 * one each, in text order. Never a sentence that names neither.
 */
export function sentencesOf(row: SharedArticleRow): string[] {
  const { text, sentenceBounds } = row.article;
  const at = (i: number) => sentenceAt(text, sentenceBounds ?? [], i);
  const shared = row.aSentences.find((i) => row.bSentences.includes(i));
  if (shared !== undefined) return [at(shared)].filter((x): x is string => x !== null).map(clip);
  let best: [number, number] | null = null;
  for (const i of row.aSentences) for (const j of row.bSentences) if (!best || Math.abs(i - j) < Math.abs(best[0] - best[1])) best = [i, j];
  if (!best) return [];
  return best
    .sort((x, y) => x - y)
    .map(at)
    .filter((x): x is string => x !== null)
    .map(clip);
}

/** The sentences of the article that mention both entities. */
function sentencesNamingBoth(row: SharedArticleRow): Set<string> {
  const { text, sentenceBounds } = row.article;
  return new Set(row.aSentences.filter((i) => row.bSentences.includes(i)).flatMap((i) => sentenceAt(text, sentenceBounds ?? [], i) ?? []));
}

/**
 * What links each pair: an event both took part in, else the newest article mentioning both. All
 * pairs at once, in a few statements whatever their number (pairEvidence), then the events' reports.
 */
export async function evidenceForPairs(runner: QueryRunner, pairs: { a: string; b: string }[], window: Window): Promise<Map<string, Omit<Hop, 'from' | 'to'>>> {
  const shared = await pairEvidence(runner, pairs.map(({ a, b }) => ({ id: pairId(a, b), a, b })), window, EVIDENCE_PER_HOP);
  const found = pairs.map(({ a, b }) => {
    const id = pairId(a, b);
    const event = shared.events.get(id);
    return { id, events: event ? [event] : [], articles: shared.articles.get(id) ?? [] };
  });
  const eventKeys = found.flatMap((f) => f.events.map((e) => e.key));
  const reports = eventKeys.length > 0 ? await reportsOfEvents(runner, eventKeys) : [];
  return backHops(found, reports);
}

/** Each pair's hop from its shared event (with the reports that name both ends) and articles. */
export function backHops(found: { id: string; events: EventRow[]; articles: SharedArticleRow[] }[], reports: ReportRow[]): Map<string, Omit<Hop, 'from' | 'to'>> {
  const result = new Map<string, Omit<Hop, 'from' | 'to'>>();
  for (const { id, events, articles } of found) {
    const evidence: Evidence[] = [];
    let via: Hop['via'] | null = null;
    const naming = new Map(articles.map((row) => [row.article.id, sentencesNamingBoth(row)]));
    if (events.length > 0) {
      via = { kind: 'event', event: events[0] };
      // An event's sentence may name neither ("Ratcliffe and Wray" for a Trump-Biden event): only one naming both is shown.
      for (const report of reports.filter((r) => r.eventKey === events[0].key && naming.get(r.article.id)?.has(r.evidence)).slice(0, EVIDENCE_PER_HOP)) {
        evidence.push({ sentence: clip(report.evidence), article: report.article });
      }
    }
    for (const row of articles) {
      const { sentenceBounds: _bounds, ...article } = row.article;
      via ??= { kind: 'article', article };
      if (evidence.length >= EVIDENCE_PER_HOP || evidence.some((e) => e.article.id === article.id)) continue;
      for (const sentence of sentencesOf(row)) evidence.push({ sentence, article });
    }
    if (via) result.set(id, { via, evidence });
  }
  return result;
}
