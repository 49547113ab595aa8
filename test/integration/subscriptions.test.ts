/** Subscriptions over Server-Sent Events through yoga.fetch: what a subscriber receives after an ingest commits. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { subscribe } from '../support/sse.ts';

const KEY = 'subscriptions-test-key';
const AUTH = { authorization: `Bearer ${KEY}` };

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp({ seed: true, apiKeys: [KEY] });
});

afterAll(async () => {
  await app?.close();
});

async function ingest(articles: Record<string, unknown>[]) {
  const result = await app.gql(
    `mutation ($articles: [ArticleInput!]!) { ingestArticles(articles: $articles) { created updated unchanged failed } }`,
    { articles },
    AUTH,
  );
  expect(result.errors).toBeUndefined();
  return result.data.ingestArticles;
}

let serial = 0;
function article(text: string, extra: Record<string, unknown> = {}) {
  serial += 1;
  return { title: `Live test ${serial}`, url: `https://example.org/live/${serial}`, publishedAt: '2017-09-01', text, ...extra };
}

describe('articleIngested', () => {
  it('delivers each created or updated article once its ingest has committed, and nothing for an unchanged one', async () => {
    const stream = await subscribe(app.yoga, 'subscription { articleIngested { status article { title url publishedAt } } }');
    expect(stream.status).toBe(200);
    expect(stream.contentType).toContain('text/event-stream');
    try {
      const first = article('Angela Merkel met Emmanuel Macron in Berlin on Friday to discuss the euro zone.');
      const second = article('The European Commission proposed new rules on data protection in Brussels.');
      expect(await ingest([first])).toMatchObject({ created: 1 });
      expect(await ingest([first])).toMatchObject({ unchanged: 1 });
      expect(await ingest([second])).toMatchObject({ created: 1 });
      expect(await ingest([{ ...first, text: `${first.text} Both leaders spoke to reporters afterwards.` }])).toMatchObject({ updated: 1 });

      // The unchanged re-ingest published nothing: the event after the first is the second article.
      const events = [await stream.next(), await stream.next(), await stream.next()];
      expect(events.map((e) => e.errors)).toEqual([undefined, undefined, undefined]);
      expect(events.map((e) => [e.data.articleIngested.status, e.data.articleIngested.article.title])).toEqual([
        ['CREATED', first.title],
        ['CREATED', second.title],
        ['UPDATED', first.title],
      ]);
      expect(events[0].data.articleIngested.article).toMatchObject({ url: first.url, publishedAt: '2017-09-01T00:00:00.000Z' });
    } finally {
      await stream.close();
    }
  });
});

describe('entityMentioned', () => {
  it('delivers an article once per subscribed entity it mentions, and nothing for articles mentioning none of them', async () => {
    const stream = await subscribe(
      app.yoga,
      `subscription ($refs: [EntityRef!]!) { entityMentioned(refs: $refs) { entity { key name } article { title } } }`,
      { refs: [{ name: 'Lavrov' }, { key: 'person:Q331401' }] },
    );
    try {
      const unrelated = article('The Bank of Japan kept interest rates unchanged in Tokyo on Thursday.');
      const both = article('On Monday, Sergei Lavrov spoke by phone with Rex Tillerson about the war in Syria.');
      const onlyLavrov = article('Sergei Lavrov arrived in Ankara for talks with Turkish officials on Tuesday.');
      await ingest([unrelated]);
      await ingest([both, onlyLavrov]);

      const events = [await stream.next(), await stream.next(), await stream.next()];
      expect(events.map((e) => e.errors)).toEqual([undefined, undefined, undefined]);
      const seen = events.map((e) => `${e.data.entityMentioned.entity.name} in ${e.data.entityMentioned.article.title}`);
      expect(seen.sort()).toEqual(
        [`Rex Tillerson in ${both.title}`, `Sergei Lavrov in ${both.title}`, `Sergei Lavrov in ${onlyLavrov.title}`].sort(),
      );
    } finally {
      await stream.close();
    }
  });

  it('refuses an entity it does not know, naming the argument', async () => {
    const stream = await subscribe(app.yoga, 'subscription { entityMentioned(refs: [{ name: "Nobody Atall" }]) { entity { key } } }');
    try {
      const result = await stream.next();
      expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(result.errors?.[0].message).toContain('refs[0]');
    } finally {
      await stream.close();
    }
  });
});

describe('shutdown', () => {
  it('ends open streams when the pubsub closes, so a stopping server is not held open', async () => {
    const stream = await subscribe(app.yoga, 'subscription { articleIngested { article { title } } }');
    await app.pubsub.close();
    expect(await stream.next()).toBe('complete');
  });
});
