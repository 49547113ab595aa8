/**
 * Curation: add an alias, merge entities, delete an article, undo any of them. Each change is one
 * transaction that also records `(:Curation {id, action, by, at, payload})`; the payload keeps what
 * the change moved, so that undo can put it back. What a change may not do is a CurationError with
 * a code; the API answers it as an error of that code.
 */
import crypto from 'node:crypto';
import type { Extractor } from '../extract/types.ts';
import { ingestRecords } from '../ingest/pipeline.ts';
import * as curation from '../store/queries/curation.ts';
import type { CurationRow, DeletedArticle, MergedSource } from '../store/queries/curation.ts';
import type { QueryRunner, Runner } from '../store/runner.ts';

export const MAX_MERGE_SOURCES = 20;
const MAX_ALIAS_LENGTH = 200;

export type CurationErrorCode = 'BAD_INPUT' | 'NOT_FOUND' | 'CONFLICT';

export class CurationError extends Error {
  constructor(
    readonly code: CurationErrorCode,
    message: string,
    /** The input at fault, when one is. */
    readonly argument?: string,
  ) {
    super(message);
    this.name = 'CurationError';
  }
}

export type Payload =
  | { action: 'ADD_ALIAS'; entity: string; alias: string }
  | { action: 'MERGE_ENTITIES'; target: string; sources: MergedSource[] }
  | { action: 'DELETE_ARTICLE'; article: DeletedArticle }
  | { action: 'UNDO'; curation: string };

export type Action = Payload['action'];

export function payloadOf(row: CurationRow): Payload {
  return { action: row.action, ...JSON.parse(row.payload) } as Payload;
}

/** Where a change is made and who makes it (the name on the record: a key's name, never the key). */
export interface Curator {
  store: Runner;
  extractor: Extractor;
  by: string;
}

/** Runs a change and its record in one transaction. */
async function recorded(curator: Curator, action: Action, change: (tx: QueryRunner) => Promise<Record<string, unknown>>): Promise<CurationRow> {
  const row = { id: crypto.randomUUID(), action, by: curator.by, at: new Date().toISOString() };
  const payload = await curator.store.transaction(async (tx) => {
    const p = await change(tx);
    await curation.recordCuration(tx, { ...row, payload: p });
    return p;
  });
  return { ...row, payload: JSON.stringify(payload), undoneAt: null, undoneBy: null };
}

/** The alias as stored (trimmed); checked before the entity is looked up. */
export function aliasOf(alias: string): string {
  const trimmed = alias.trim();
  if (trimmed === '' || trimmed.length > MAX_ALIAS_LENGTH) throw new CurationError('BAD_INPUT', `alias must be 1 to ${MAX_ALIAS_LENGTH} characters`, 'alias');
  return trimmed;
}

export function addAlias(curator: Curator, entity: { key: string; name: string }, alias: string): Promise<CurationRow> {
  return recorded(curator, 'ADD_ALIAS', async (tx) => {
    if (!(await curation.addAlias(tx, entity.key, alias))) {
      throw new CurationError('BAD_INPUT', `${entity.name} (${entity.key}) already goes by "${alias}"`, 'alias');
    }
    return { entity: entity.key, alias };
  });
}

/** Checked before the entities are looked up. */
export function checkMergeSources(count: number): void {
  if (count === 0 || count > MAX_MERGE_SOURCES) throw new CurationError('BAD_INPUT', `sources takes 1 to ${MAX_MERGE_SOURCES} entities, got ${count}`, 'sources');
}

export function mergeEntities(curator: Curator, target: string, sources: readonly string[]): Promise<CurationRow> {
  const keys = [...new Set(sources)];
  if (keys.includes(target)) throw new CurationError('BAD_INPUT', `an entity cannot be merged into itself (${target})`, 'sources');
  return recorded(curator, 'MERGE_ENTITIES', async (tx) => {
    const merged: MergedSource[] = [];
    for (const key of keys) {
      const m = await curation.mergeEntity(tx, target, key);
      if (!m) throw new CurationError('NOT_FOUND', `sources: no entity ${key}`);
      merged.push(m);
    }
    return { target, sources: merged };
  });
}

export function deleteArticle(curator: Curator, id: string): Promise<CurationRow> {
  return recorded(curator, 'DELETE_ARTICLE', async (tx) => {
    const article = await curation.deleteArticle(tx, id);
    if (!article) throw new CurationError('NOT_FOUND', `no article ${JSON.stringify(id)}`);
    return { article };
  });
}

/** An alias goes, merged entities come back with what they had, a deleted article is ingested again. */
export async function undo(curator: Curator, id: string): Promise<CurationRow> {
  const row = await curation.curationById(curator.store, id);
  if (!row) throw new CurationError('NOT_FOUND', `no curation ${JSON.stringify(id)}`);
  if (row.undoneAt) throw new CurationError('CONFLICT', `curation ${id} was already undone at ${row.undoneAt}`);
  const p = payloadOf(row);
  if (p.action === 'UNDO') throw new CurationError('BAD_INPUT', 'an UNDO cannot be undone: repeat the original change instead', 'id');
  if (p.action === 'DELETE_ARTICLE') {
    // The article goes back through the ingest pipeline (its own transaction); re-running an
    // interrupted undo finds it UNCHANGED and only marks the record.
    const { id: _id, ...input } = p.article;
    const report = await ingestRecords(curator.store, curator.extractor, [{ origin: `curation ${id}`, input }]);
    if (report.failed > 0) throw new CurationError('CONFLICT', `the article could not be ingested again: ${report.items[0].error?.message}`);
  }
  if (p.action === 'MERGE_ENTITIES') {
    for (const s of p.sources) {
      if (await curation.entityExists(curator.store, s.key)) {
        throw new CurationError('CONFLICT', `${s.key} exists again (ingested since the merge): merge it into ${p.target} first, then undo`);
      }
    }
  }
  return recorded(curator, 'UNDO', async (tx) => {
    if (p.action === 'ADD_ALIAS') await curation.removeAliases(tx, p.entity, [p.alias]);
    else if (p.action === 'MERGE_ENTITIES') for (const s of [...p.sources].reverse()) await curation.unmergeEntity(tx, p.target, s);
    await curation.markUndone(tx, id, curator.by, new Date().toISOString());
    return { curation: id };
  });
}
