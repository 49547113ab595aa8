/** Counts per day, week or month, with the empty buckets in between. */
import type { DayCount } from '../store/queries/relations.ts';

export type Granularity = 'DAY' | 'WEEK' | 'MONTH';

export const MAX_BUCKETS = 1000;

export class TooManyBucketsError extends Error {}

const DAY_MS = 86_400_000;

/** The bucket a day falls in: the day itself, the Monday of its ISO week, or the first of its month. */
export function bucketOf(day: string, granularity: Granularity): string {
  if (granularity === 'DAY') return day;
  if (granularity === 'MONTH') return `${day.slice(0, 7)}-01`;
  const date = new Date(`${day}T00:00:00Z`);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return new Date(date.getTime() - sinceMonday * DAY_MS).toISOString().slice(0, 10);
}

function nextBucket(bucket: string, granularity: Granularity): string {
  const date = new Date(`${bucket}T00:00:00Z`);
  if (granularity === 'MONTH') {
    date.setUTCMonth(date.getUTCMonth() + 1);
    return date.toISOString().slice(0, 10);
  }
  return new Date(date.getTime() + (granularity === 'WEEK' ? 7 : 1) * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Buckets from `since` (or the first count) to `until` (or the last), each with its count.
 * Throws TooManyBucketsError past MAX_BUCKETS: the caller should ask for a coarser granularity.
 */
export function fillTimeline(
  counts: DayCount[],
  granularity: Granularity,
  range: { since?: string | null; until?: string | null },
): { bucket: string; count: number }[] {
  const days = counts.map((c) => c.day).sort();
  const first = range.since?.slice(0, 10) ?? days[0];
  const last = range.until?.slice(0, 10) ?? days[days.length - 1];
  if (!first || !last || first > last) return [];
  const totals = new Map<string, number>();
  for (const c of counts) {
    const b = bucketOf(c.day, granularity);
    totals.set(b, (totals.get(b) ?? 0) + c.count);
  }
  const out: { bucket: string; count: number }[] = [];
  const end = bucketOf(last, granularity);
  for (let b = bucketOf(first, granularity); b <= end; b = nextBucket(b, granularity)) {
    if (out.length >= MAX_BUCKETS) {
      throw new TooManyBucketsError(`more than ${MAX_BUCKETS} ${granularity.toLowerCase()} buckets: narrow since/until or use a coarser granularity`);
    }
    out.push({ bucket: b, count: totals.get(b) ?? 0 });
  }
  return out;
}
