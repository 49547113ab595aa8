/**
 * Entity extraction scored per document against gold: the articles go through the real ingest
 * pipeline into an empty in-memory graph, each article's people, organizations, places and
 * countries are read back and scored with the strict rules of entity-score.ts (`newsgraph eval-entities`).
 */
import { createExtractor } from '../extract/index.ts';
import { ingestRecords } from '../ingest/pipeline.ts';
import type { SourceRecord } from '../ingest/types.ts';
import { openGrafeo } from '../store/grafeo.ts';
import { migrate } from '../store/migrate.ts';
import { mentionsOfArticles, type MentionRow } from '../store/queries/read.ts';
import { addTotals, normalizeName, prf, scoreDocument, type DocumentScore, type GoldEntity, type PredictedEntity, type Totals } from './entity-score.ts';

export interface GoldDocument {
  id: string;
  split: string;
  genre: string;
  entities: GoldEntity[];
}

export interface ScoredDocument extends DocumentScore {
  id: string;
  genre: string;
}

/** The entity's mentions as written in the article. */
function writtenNames(row: MentionRow, text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < row.spans.length; i += 2) out.push(text.slice(row.spans[i], row.spans[i + 1]));
  return out;
}

/** A country none of whose mentions reads as its name or an alias: only demonyms ("Danish") made it. */
function fromDemonym(row: MentionRow, text: string): boolean {
  if (row.entity.kind !== 'COUNTRY') return false;
  const names = new Set([row.entity.name, ...row.entity.aliases].map(normalizeName));
  return !writtenNames(row, text).some((w) => names.has(normalizeName(w)));
}

/**
 * Ingests `articles` into a fresh in-memory graph and scores each gold document found among them.
 * `byWritten`: the gold has no identities, so an entity may also match by a name as written in the article.
 */
export async function evaluateEntities(articles: Record<string, unknown>[], gold: GoldDocument[], byWritten = false): Promise<ScoredDocument[]> {
  const store = openGrafeo(null);
  try {
    await migrate(store);
    const wanted = new Map(gold.map((g) => [g.id, g]));
    const inputs = articles.filter((a) => wanted.has(String(a.id)));
    // Ingest strips a url's fragment, and some GUM documents differ only there: without the url, each
    // article's id comes from its content (extraction does not read the url).
    const records: SourceRecord[] = inputs.map((input, i) => ({ origin: `articles:${i + 1}`, input: { ...input, url: null } }));
    const report = await ingestRecords(store, createExtractor(), records);
    const failed = report.items.filter((i) => i.error);
    if (failed.length) throw new Error(`ingest failed: ${failed.map((i) => i.error!.message).join('; ')}`);
    const ids = report.items.map((i) => i.articleId!);
    const rows = await mentionsOfArticles(store, ids);
    const byArticle = new Map<string, MentionRow[]>();
    for (const r of rows) byArticle.set(r.articleId, [...(byArticle.get(r.articleId) ?? []), r]);
    return inputs.map((input, i) => {
      const doc = wanted.get(String(input.id))!;
      const text = String(input.text);
      const predicted: PredictedEntity[] = (byArticle.get(ids[i]) ?? []).map((r) => ({
        name: r.entity.name,
        kind: r.entity.kind,
        fromDemonym: fromDemonym(r, text),
        linked: Boolean(r.entity.wikidataId || r.entity.code),
        written: writtenNames(r, text),
      }));
      return { id: doc.id, genre: doc.genre, ...scoreDocument(predicted, doc.entities, byWritten) };
    });
  } finally {
    await store.close();
  }
}

const pct = (n: number) => n.toFixed(1).padStart(5);

export function formatScores(scored: ScoredDocument[], verbose: boolean): string {
  const lines: string[] = [];
  const line = (label: string, docs: ScoredDocument[]) => {
    const t: Totals = { tp: 0, fp: 0, fn: 0 };
    for (const d of docs) addTotals(t, d);
    const { p, r, f1 } = prf(t);
    const kindRight = t.tp - docs.reduce((n, d) => n + d.wrongKind.length, 0);
    const kinds = t.tp > 0 ? `  kind right ${pct((100 * kindRight) / t.tp)}` : '';
    const checked = docs.reduce((n, d) => n + d.linkedChecked, 0);
    const links = checked > 0 ? `  link right ${pct((100 * (checked - docs.reduce((n, d) => n + d.wrongLink.length, 0))) / checked)} of ${checked}` : '';
    lines.push(`${label.padEnd(10)} docs ${String(docs.length).padStart(3)}  P=${pct(p)} R=${pct(r)} F1=${pct(f1)}  (tp ${t.tp}, fp ${t.fp}, fn ${t.fn})${kinds}${links}`);
  };
  if (verbose) {
    for (const d of scored) {
      const { f1 } = prf(d);
      lines.push(`${d.id} [${d.genre}] F1=${pct(f1)}`);
      if (d.wrong.length) lines.push(`  wrong:  ${d.wrong.join(' | ')}`);
      if (d.missed.length) lines.push(`  missed: ${d.missed.join(' | ')}`);
      if (d.wrongKind.length) lines.push(`  kind:   ${d.wrongKind.join(' | ')}`);
      if (d.wrongLink.length) lines.push(`  link:   ${d.wrongLink.join(' | ')}`);
    }
    lines.push('');
  }
  const genres = [...new Set(scored.map((d) => d.genre))].sort();
  for (const g of genres) line(g, scored.filter((d) => d.genre === g));
  line('overall', scored);
  return `${lines.join('\n')}\n`;
}
