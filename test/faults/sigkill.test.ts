/**
 * SIGKILL in the middle of a large `newsgraph ingest`: the database opens again, every article in it is
 * whole (all its mentions, events and quotes, as in a clean run), and re-running the same ingest ends in the
 * same graph as a clean run into another DATA_DIR (counts and a digest of keys and counters).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus.ts';
import { bytesOnDisk } from '../../bench/graph.ts';
import { openGrafeo } from '../../src/store/grafeo.ts';
import type { Runner } from '../../src/store/runner.ts';
import { cliSandbox, finished, newsgraph, spawnNewsgraph, type CliSandbox } from '../support/cli.ts';

// Sized for a 2-core machine: extraction runs at ~40 articles/s here, and the corpus is ingested three times.
const ARTICLES = 300;
const ARGS = ['ingest', '--quiet', '--batch-size', '20', 'corpus.jsonl'];

let clean: CliSandbox;
let killed: CliSandbox;
let cleanSeconds = 0;

beforeAll(async () => {
  clean = cliSandbox('newsgraph-clean-');
  killed = cliSandbox('newsgraph-killed-');
  const lines = [...generateCorpus({ articles: ARTICLES, seed: 11 })].map((a) => JSON.stringify(a)).join('\n');
  for (const sandbox of [clean, killed]) fs.writeFileSync(path.join(sandbox.dir, 'corpus.jsonl'), `${lines}\n`);
  const started = Date.now();
  const run = await newsgraph(clean, ARGS);
  cleanSeconds = (Date.now() - started) / 1000;
  expect(run.stdout).toContain(`created ${ARTICLES}, updated 0, unchanged 0, failed 0`);
  expect(run.code).toBe(0);
}, 180_000);

afterAll(() => {
  clean?.remove();
  killed?.remove();
});

/** The folder's size while another process writes it: a file that goes away mid-walk reads as not there yet. */
function sizeOf(dir: string): number {
  try {
    return bytesOnDisk(dir);
  } catch {
    return 0;
  }
}

async function withStore<T>(dataDir: string, use: (store: Runner) => Promise<T>): Promise<T> {
  const store = openGrafeo(dataDir);
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

/** Per article: how many mentions, events and quotes it has. */
async function partsPerArticle(store: Runner): Promise<Map<string, string>> {
  const rows = await store.run<{ id: string; mentions: number; events: number; quotes: number; hash: string | null }>(
    `MATCH (a:Article)
     RETURN a.id AS id, a.contentHash AS hash,
            COUNT { (a)-[:MENTIONS]->() } AS mentions, COUNT { (a)-[:REPORTS]->() } AS events, COUNT { (a)-[:CONTAINS]->() } AS quotes`,
  );
  return new Map(rows.map((r) => [r.id, `${r.hash} m${r.mentions} e${r.events} q${r.quotes}`]));
}

/** Node and relationship counts by label and type, and a sha256 over every key and counter the graph keeps. */
async function graphSummary(store: Runner): Promise<{ counts: Record<string, number>; digest: string }> {
  const counts: Record<string, number> = {};
  for (const row of await store.run<{ label: string; n: number }>('MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n')) counts[row.label] = row.n;
  for (const row of await store.run<{ type: string; n: number }>('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n')) counts[`:${row.type}`] = row.n;
  delete counts.Migration;
  const parts = [
    'MATCH (a:Article) RETURN a.id AS k, a.contentHash AS v',
    'MATCH (e:Entity) RETURN e.key AS k, [e.articleCount, e.mentionCount, e.firstSeen, e.lastSeen] AS v',
    'MATCH (a:Article)-[m:MENTIONS]->(e:Entity) RETURN a.id + "→" + e.key AS k, m.count AS v',
    'MATCH (p:CoMention) RETURN p.key AS k, [p.articles, p.firstSeen, p.lastSeen] AS v',
    'MATCH (a:Article)-[:REPORTS]->(ev:Event) RETURN a.id + "⇒" + ev.key AS k, ev.type AS v',
    'MATCH (ev:Event)-[i:INVOLVES]->(e:Entity) RETURN ev.key + "⇒" + e.key AS k, i.role AS v',
  ];
  const hash = createHash('sha256');
  for (const query of parts) {
    const lines = (await store.run<{ k: string; v: unknown }>(query)).map((r) => `${r.k}=${JSON.stringify(r.v)}`).sort();
    hash.update(`${query}\n${lines.join('\n')}\n`);
  }
  return { counts, digest: hash.digest('hex') };
}

describe('an ingest killed with SIGKILL', () => {
  it('leaves only whole articles, and a re-run completes to the graph of a clean run', async () => {
    // Killed about halfway through, judged by the database growing to half the clean run's size on
    // disk rather than by the clock, which a loaded machine stretches: some batches committed, others not.
    const child = spawnNewsgraph(killed, ARGS);
    const done = finished(child);
    const halfway = bytesOnDisk(clean.dataDir) / 2;
    const giveUp = Date.now() + cleanSeconds * 3000;
    while (child.exitCode === null && Date.now() < giveUp && sizeOf(killed.dataDir) < halfway) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    child.kill('SIGKILL');
    const ended = await done;
    expect(ended.signal).toBe('SIGKILL');

    const reference = await withStore(clean.dataDir, partsPerArticle);
    const afterKill = await withStore(killed.dataDir, partsPerArticle);
    expect(afterKill.size).toBeGreaterThan(0);
    expect(afterKill.size).toBeLessThan(ARTICLES);
    // No half-written article: each one there has exactly the parts it has after a clean run.
    for (const [id, parts] of afterKill) expect(parts, id).toBe(reference.get(id));

    const rerun = await newsgraph(killed, ARGS);
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toContain(`created ${ARTICLES - afterKill.size}, updated 0, unchanged ${afterKill.size}, failed 0`);

    const expected = await withStore(clean.dataDir, graphSummary);
    const actual = await withStore(killed.dataDir, graphSummary);
    expect(actual.counts).toEqual(expected.counts);
    expect(expected.counts.Article).toBe(ARTICLES);
    expect(actual.digest).toBe(expected.digest);
  }, 180_000);
});
