/** API keys and scopes: the key syntax, the key file, scope checks on fields, key-only reads. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate, parseKeyFile, parseKeyList, sha256 } from '../../src/auth/keys.ts';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { aliases, createTestApp, type TestApp } from '../support/app.ts';

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const INGEST = 'mutation ($a: [ArticleInput!]!) { ingestArticles(articles: $a) { created failed } }';
const ALIAS = 'mutation { addAlias(entity: { key: "country:RU" }, alias: "The Bear State") { id by } }';
const ARTICLE = { title: 'Talks', text: 'Russian Foreign Minister Sergei Lavrov met officials in Geneva on Friday.', publishedAt: '2022-01-21' };

describe('key syntax', () => {
  it('reads plain keys as read+ingest, scoped keys as given, admin as everything', () => {
    const [plain, reader, both, admin, colon] = parseKeyList(' k1 , k2:read, k3:read+ingest ,k4:admin, a:b:c ');
    expect([...plain.scopes].sort()).toEqual(['ingest', 'read']);
    expect([...reader.scopes]).toEqual(['read']);
    expect([...both.scopes].sort()).toEqual(['ingest', 'read']);
    expect([...admin.scopes].sort()).toEqual(['admin', 'ingest', 'read']);
    // "b:c" is not a scope list, so the colon belongs to the key.
    expect(colon.digest.equals(sha256('a:b:c'))).toBe(true);
    expect(plain.name).toBe('env#1');
    expect(authenticate('k2', parseKeyList('k1,k2:read'))).toMatchObject({ kind: 'key', key: { name: 'env#2' } });
    expect(authenticate('k3', parseKeyList('k1,k2:read'))).toEqual({ kind: 'invalid' });
    expect(authenticate(null, parseKeyList('k1'))).toEqual({ kind: 'anonymous' });
  });

  it('reads a key file of hashes and reports each bad line', () => {
    const hex = sha256('dashboard-secret').toString('hex');
    const { keys, problems } = parseKeyFile(`# keys\nsha256:${hex} read grafana board\n\nsha256:zz read x\nsha256:${hex} write y\n`, 'keys.txt');
    expect(keys).toHaveLength(1);
    expect(keys[0].name).toBe('grafana board');
    expect(authenticate('dashboard-secret', keys)).toMatchObject({ kind: 'key' });
    expect(problems).toEqual([expect.stringContaining('keys.txt:4'), expect.stringContaining('keys.txt:5')]);
  });

  it('takes keys from NEWSGRAPH_API_KEYS and NEWSGRAPH_API_KEYS_FILE, and lists every problem together', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-keys-'));
    const file = path.join(dir, 'keys');
    fs.writeFileSync(file, `sha256:${sha256('from-file').toString('hex')} admin ops\n`);
    const config = loadConfig({ NEWSGRAPH_API_KEYS: 'a:read', NEWSGRAPH_API_KEYS_FILE: file, NEWSGRAPH_PUBLIC_READ: 'false' });
    expect(config.apiKeys.map((k) => k.name)).toEqual(['env#1', 'ops']);
    expect(config.server.publicRead).toBe(false);
    fs.writeFileSync(file, 'not a key line\n');
    let error: unknown;
    try {
      loadConfig({ NEWSGRAPH_API_KEYS_FILE: file, NEWSGRAPH_PERSISTED_OPERATIONS_FILE: path.join(dir, 'missing.json') });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      expect.stringContaining('NEWSGRAPH_API_KEYS_FILE'),
      expect.stringContaining('NEWSGRAPH_PERSISTED_OPERATIONS_FILE'),
    ]);
  });
});

describe('scopes on fields', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ apiKeys: ['reader:read', 'writer:ingest', 'boss:admin', 'legacy'] });
  });
  afterAll(() => app?.close());

  it('lets ingest keys and plain keys ingest, and refuses a read-only key with FORBIDDEN', async () => {
    expect((await app.gql(INGEST, { a: [ARTICLE] }, bearer('writer'))).data.ingestArticles.created).toBe(1);
    expect((await app.gql(INGEST, { a: [ARTICLE] }, bearer('legacy'))).errors).toBeUndefined();
    const refused = await app.gql(INGEST, { a: [ARTICLE] }, bearer('reader'));
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', scope: 'ingest' });
    expect(refused.errors?.[0].message).toContain('env#1');
  });

  it('keeps curation to admin keys', async () => {
    for (const key of ['reader', 'writer', 'legacy']) {
      const { errors } = await app.gql(ALIAS, {}, bearer(key));
      expect(errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', scope: 'admin' });
    }
    expect((await app.gql(ALIAS)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const { data, errors } = await app.gql(ALIAS, {}, bearer('boss'));
    expect(errors).toBeUndefined();
    expect(data.addAlias.by).toBe('env#3');
  });

  it('lets every key read what anonymous clients read while public reads are on', async () => {
    for (const key of ['reader', 'writer', 'boss', 'legacy']) {
      const { status, errors } = await app.gql('{ stats { articles } }', {}, bearer(key));
      expect([key, status, errors]).toEqual([key, 200, undefined]);
    }
  });

  it('names the admin scope when refusing the curation record, public reads on or off', async () => {
    const closed = await createTestApp({ store: app.store, apiKeys: ['reader:read', 'writer:ingest'], yoga: { settings: { publicRead: false } } });
    for (const [target, key] of [[app, 'reader'], [app, 'writer'], [closed, 'reader'], [closed, 'writer']] as const) {
      const { status, errors } = await target.gql('{ curations(first: 1) { totalCount } }', {}, bearer(key));
      expect(status).toBe(403);
      expect(errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', scope: 'admin' });
    }
  });

  it('refuses 500 aliases with one error', async () => {
    const { errors } = await app.gql(aliases(500, 'stats { articles }'));
    expect(errors).toHaveLength(1);
    expect(errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', kind: 'breadth' });
  });

  it('refuses a key it does not know even for reads, with 401', async () => {
    const result = await app.gql('{ stats { articles } }', {}, bearer('nope'));
    expect(result.status).toBe(401);
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('makes reads key-only when public reads are off', async () => {
    const closed = await createTestApp({ store: app.store, apiKeys: ['reader:read', 'writer:ingest'], yoga: { settings: { publicRead: false } } });
    const anonymous = await closed.gql('{ stats { articles } }');
    expect(anonymous.status).toBe(401);
    expect(anonymous.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', scope: 'read' });
    expect((await closed.gql('{ stats { articles } }', {}, bearer('reader'))).data.stats.articles).toBe(1);
    // ingest alone does not imply read.
    expect((await closed.gql('{ stats { articles } }', {}, bearer('writer'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('subscriptions', () => {
  it('need the read scope when public reads are off', async () => {
    const app = await createTestApp({ apiKeys: ['reader:read'], yoga: { settings: { publicRead: false } } });
    try {
      const response = await app.yoga.fetch('http://newsgraph.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        body: JSON.stringify({ query: 'subscription { articleIngested { status } }' }),
      });
      const body = await response.json();
      expect(body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      await app.close();
    }
  });
});
