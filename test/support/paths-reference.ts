/**
 * The evidence behind path hops as it was looked up before issue 14's batching: two queries per
 * pair (sharedEvents, sharedArticles), each from the pair's less mentioned end, then the events'
 * reports. The reference the batched lookup (pairEvidence) must agree with
 * (test/integration/paths-evidence.test.ts).
 */
import { backHops, EVIDENCE_PER_HOP, type EvidenceLookup } from '../../src/relations/paths.ts';
import { reportsOfEvents } from '../../src/store/queries/read.ts';
import { sharedArticles, sharedEvents } from '../../src/store/queries/relations.ts';

const pairId = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

export const evidencePairByPair: EvidenceLookup = async (runner, pairs, window) => {
  const found = await Promise.all(
    pairs.map(async ({ a, b }) => ({
      id: pairId(a, b),
      events: await sharedEvents(runner, a, b, window, 1),
      articles: await sharedArticles(runner, a, b, window, { offset: 0, limit: EVIDENCE_PER_HOP }),
    })),
  );
  const eventKeys = found.flatMap((f) => f.events.map((e) => e.key));
  const reports = eventKeys.length > 0 ? await reportsOfEvents(runner, eventKeys) : [];
  return backHops(found, reports);
};
