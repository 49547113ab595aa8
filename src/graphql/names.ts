/**
 * What a human name means, the same way in every argument that takes one (`person(name:)`,
 * `paths(from: {name:})`, `network(around:)`…): one candidate is the answer; among several, the one
 * in at least DOMINANCE times the articles of the next is the answer, and the others are listed in the
 * response's `extensions.resolvedNames`; otherwise an AMBIGUOUS error lists them; no candidate is a
 * NOT_FOUND error with "did you mean" suggestions.
 */
import type { EntityKind } from '../extract/types.ts';
import type { Context, NamedEntity } from './context.ts';
import { ambiguousError, badInputError, notFoundError } from './errors.ts';
import * as read from '../store/queries/read.ts';
import type { EntityRow } from '../store/queries/read.ts';

/** How many times the articles of the runner-up the most prominent candidate needs to be chosen alone. */
export const DOMINANCE = 5;

const SUGGESTIONS = 5;

function named(e: EntityRow): NamedEntity {
  return { key: e.key, name: e.name, kind: e.kind, articleCount: e.articleCount };
}

/** Edits (insert, delete, substitute, swap two neighbours) turning `a` into `b`. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The three-letter pieces of each word of `text`, for finding names that share some of them. */
export function trigrams(text: string): string[] {
  const grams = new Set<string>();
  for (const word of text.toLowerCase().split(/\s+/)) {
    if (word.length < 3) {
      if (word) grams.add(word);
      continue;
    }
    for (let i = 0; i + 3 <= word.length; i++) grams.add(word.slice(i, i + 3));
  }
  return [...grams];
}

/** How close `typed` is to an entity: the fewest edits to its name, an alias, or one word of either. */
function closeness(typed: string, e: EntityRow): number {
  const names = [e.name, ...e.aliases].map((n) => n.toLowerCase());
  const pieces = new Set(names.flatMap((n) => [n, ...n.split(/\s+/)]));
  let best = Infinity;
  for (const piece of pieces) best = Math.min(best, editDistance(typed, piece));
  return best;
}

/** Entities a mistyped or unknown name probably meant, closest (then most mentioned) first. */
export async function didYouMean(ctx: Context, name: string, kind: EntityKind | null): Promise<NamedEntity[]> {
  const typed = name.trim().toLowerCase();
  const candidates = await read.entitiesSharingTrigrams(ctx.store, trigrams(typed), kind);
  // A third of the letters wrong is still a typo; more is a different name.
  const allowed = Math.max(1, Math.floor(typed.length / 3));
  return candidates
    .map((e) => ({ e, distance: closeness(typed, e) }))
    .filter((c) => c.distance <= allowed)
    .sort((x, y) => x.distance - y.distance || y.e.articleCount - x.e.articleCount || x.e.key.localeCompare(y.e.key))
    .slice(0, SUGGESTIONS)
    .map((c) => named(c.e));
}

function describe(e: NamedEntity): string {
  return `${e.name} (${e.key})`;
}

function notFound(name: string, kind: EntityKind | null, suggestions: NamedEntity[], argument: string | undefined) {
  const what = kind ? kind.toLowerCase() : 'entity';
  const hint = suggestions.length ? `; did you mean ${suggestions.map(describe).join(', ')}?` : '';
  return notFoundError(`${argument ? `${argument}: ` : ''}no ${what} named ${JSON.stringify(name)}${hint}`, argument, { suggestions });
}

function ambiguous(name: string, candidates: EntityRow[], argument: string | undefined) {
  return ambiguousError(
    `${argument ? `${argument}: ` : ''}"${name}" names ${candidates.length} entities: ${candidates.map((c) => describe(c)).join(', ')}; use a fuller name or the key`,
    argument,
    { candidates: candidates.map(named) },
  );
}

/**
 * The one entity a human name means: an exact name or alias, else a whole-word match; among several,
 * an exact name, else a dominant one (listed with its alternatives in the response's extensions).
 */
export async function entityByName(ctx: Context, name: string, kind: EntityKind | null, argument?: string): Promise<EntityRow> {
  if (name.trim() === '') {
    throw badInputError(`${argument ? `${argument}: ` : ''}name must not be empty`, argument);
  }
  const candidates = await read.entitiesNamed(ctx.store, name, kind);
  if (candidates.length === 0) throw notFound(name, kind, await didYouMean(ctx, name, kind), argument);
  if (candidates.length === 1) return candidates[0];
  const lower = name.trim().toLowerCase();
  const exactName = candidates.filter((c) => c.name.toLowerCase() === lower);
  const byArticles = [...candidates].sort((x, y) => y.articleCount - x.articleCount || x.key.localeCompare(y.key));
  const [top, next] = byArticles;
  const chosen = exactName.length === 1 ? exactName[0] : top.articleCount > 0 && top.articleCount >= DOMINANCE * next.articleCount ? top : null;
  if (!chosen) throw ambiguous(name, byArticles, argument);
  ctx.resolvedNames.push({
    ...(argument ? { argument } : {}),
    name,
    chosen: named(chosen),
    alternatives: byArticles.filter((c) => c.key !== chosen.key).map(named),
  });
  return chosen;
}
