/**
 * Emerging links: co-mention pairs whose rate in a window is significantly above their OWN rate in
 * the baseline days before it — not the most frequent pairs. Per pair: k articles in the window's
 * W days, B in the baseline's D days, plus a prior of one article over the baseline (so a pair new
 * in the window is compared with a rate of one article per baseline, and needs a few articles to
 * stand out). Under "no change" the window's share of the k + B + 1 articles is W / (W + D); the
 * score is Dunning's log-likelihood ratio G² of the observed share against that one, signed
 * (negative when the rate fell). A pair emerges with at least MIN_SUPPORT window articles and a
 * score of at least minScore (3.84 by default: p < 0.05 for one degree of freedom). Counted from
 * the kept day lists of the pairs, so windows are whole UTC days.
 */
import type { EntityKind } from '../extract/types.ts';
import { dayOf } from '../store/queries/counts.ts';
import { emergingPairs, pairArticlesIngestedBefore, pairDays, type EmergenceTest, type EmergingDays } from '../store/queries/emerging.ts';
import { daysBetween, latestArticleDate } from '../store/queries/relations.ts';
import type { QueryRunner } from '../store/runner.ts';

const DAY_MS = 86_400_000;
export const DEFAULT_WINDOW_DAYS = 7;
export const DEFAULT_BASELINE_DAYS = 28;
export const DEFAULT_MIN_SCORE = 3.84;
export const MIN_SUPPORT = 2;
export const PRIOR = 1;

export interface EmergingLink {
  key: string;
  a: string;
  b: string;
  windowArticles: number;
  baselineArticles: number;
  windowRate: number;
  baselineRate: number;
  score: number;
  lastSeen: string;
  /** The window, for reading the evidence: [since, until). */
  since: string;
  until: string;
}

export interface EmergingWindow extends EmergingDays {
  since: string;
  until: string;
  /** The latest article's day: pairs active in the window were last seen between sinceDay and this. */
  latestDay: string;
}

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * The window [since, until) in whole UTC days: until defaults to the start of the day after the
 * latest article (or now), since to 7 days before until; the baseline is the baselineDays before
 * since's day. The last day counted is the day of the instant before until.
 */
export async function emergingWindow(
  runner: QueryRunner,
  options: { since?: string | null; until?: string | null; baselineDays: number; latest?: string | null },
): Promise<EmergingWindow> {
  const latest = options.latest ?? (await latestArticleDate(runner));
  const latestDay = latest ? dayOf(latest) : new Date().toISOString().slice(0, 10);
  const until = options.until ?? (latest ? `${addDays(latestDay, 1)}T00:00:00.000Z` : new Date().toISOString());
  const since = options.since ?? new Date(Date.parse(until) - DEFAULT_WINDOW_DAYS * DAY_MS).toISOString();
  const sinceDay = dayOf(since);
  const lastDay = dayOf(new Date(Date.parse(until) - 1).toISOString());
  return {
    since,
    until,
    sinceDay,
    lastDay,
    latestDay,
    baselineStartDay: addDays(sinceDay, -options.baselineDays),
    windowDays: Math.max(daysBetween(sinceDay, lastDay).length, 1),
    baselineDays: options.baselineDays,
  };
}

/** The signed G² of k window articles against B baseline ones (the query computes the same). */
export function emergenceScore(k: number, baseline: number, windowDays: number, baselineDays: number, prior = PRIOR): number {
  if (k <= 0) return 0;
  const b = baseline + prior;
  const expected = (k + b) * (windowDays / (windowDays + baselineDays));
  const g = 2 * (k * Math.log(k / expected) + b * Math.log(b / (k + b - expected)));
  return k > expected ? g : -g;
}

function link(w: EmergingWindow, row: { key: string; a: string; b: string; inWindow: number; inBaseline: number; lastSeen: string; score: number }): EmergingLink {
  return {
    key: row.key,
    a: row.a,
    b: row.b,
    windowArticles: row.inWindow,
    baselineArticles: row.inBaseline,
    windowRate: round(row.inWindow / w.windowDays),
    baselineRate: round(row.inBaseline / w.baselineDays),
    score: round(row.score),
    lastSeen: row.lastSeen,
    since: w.since,
    until: w.until,
  };
}

export async function emergingLinks(
  runner: QueryRunner,
  options: { since?: string | null; until?: string | null; baselineDays: number; kinds: EntityKind[] | null; first: number; minScore?: number },
): Promise<{ window: EmergingWindow; links: EmergingLink[] }> {
  const window = await emergingWindow(runner, options);
  if (window.sinceDay > window.lastDay) return { window, links: [] };
  const test: EmergenceTest = { prior: PRIOR, minSupport: MIN_SUPPORT, minScore: options.minScore ?? DEFAULT_MIN_SCORE };
  // Pairs with an article in the window were last seen on or after its first day.
  const activeDays = window.latestDay >= window.sinceDay ? daysBetween(window.sinceDay, window.latestDay) : [];
  const rows = await emergingPairs(runner, { activeDays, days: window, test, kinds: options.kinds, limit: options.first });
  return { window, links: rows.map((row) => link(window, row)) };
}

/**
 * The pairs among `entityKeys` that a newly created article on `day`, ingested at `ingestedAt`, has
 * taken over the threshold for the window ending now (the default window): above it now, and not
 * with only the articles of earlier ingests (the articles of one batch are counted together, since
 * their events arrive after the batch has committed). `stream.seen` holds the pairs a stream has
 * already judged in a window, so that each pair is emitted at most once per stream and window.
 */
export async function linksEmergedBy(
  runner: QueryRunner,
  article: { entityKeys: string[]; day: string; ingestedAt: string },
  options: { baselineDays: number; minScore?: number },
  stream: { seen: Set<string>; latest: string | null },
): Promise<EmergingLink[]> {
  // The latest article date is read once per stream, then moved on by the articles it hears of
  // (reading it per event would cost a pass over the articles for each article of a bulk load).
  stream.latest ??= await latestArticleDate(runner);
  if (stream.latest === null || article.day > stream.latest.slice(0, 10)) stream.latest = `${article.day}T00:00:00.000Z`;
  const window = await emergingWindow(runner, { baselineDays: options.baselineDays, latest: stream.latest });
  const seen = stream.seen;
  if (article.day < window.sinceDay || article.day > window.lastDay) return [];
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const keys = [...new Set(article.entityKeys)].sort();
  const pairKeys = keys.flatMap((a, i) => keys.slice(i + 1).map((b) => `${a}|${b}`)).filter((k) => !seen.has(`${window.sinceDay}|${k}`));
  const emerged: EmergingLink[] = [];
  for (const p of await pairDays(runner, pairKeys)) {
    let inWindow = 0;
    let inBaseline = 0;
    p.days.forEach((day, i) => {
      if (day >= window.sinceDay && day <= window.lastDay) inWindow += p.dayArticles[i];
      else if (day >= window.baselineStartDay && day < window.sinceDay) inBaseline += p.dayArticles[i];
    });
    if (inWindow < MIN_SUPPORT) continue;
    const score = emergenceScore(inWindow, inBaseline, window.windowDays, window.baselineDays);
    if (score < minScore) continue;
    seen.add(`${window.sinceDay}|${p.key}`);
    const before = await pairArticlesIngestedBefore(runner, p.a, p.b, window, article.ingestedAt);
    const wasAbove = before >= MIN_SUPPORT && emergenceScore(before, inBaseline, window.windowDays, window.baselineDays) >= minScore;
    if (!wasAbove) emerged.push(link(window, { ...p, inWindow, inBaseline, score }));
  }
  return emerged.sort((x, y) => y.score - x.score || y.windowArticles - x.windowArticles || (x.key < y.key ? -1 : 1));
}
