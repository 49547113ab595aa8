import { afterAll, describe, expect, it } from 'vitest';
import { createExtractor } from '../../src/extract/index.ts';
import { createWorkerExtractor } from '../../src/extract/pool.ts';
import type { ArticleText } from '../../src/extract/types.ts';

const articles: ArticleText[] = [
  { title: 'Lavrov meets Tillerson', text: 'Russian Foreign Minister Sergey Lavrov met U.S. Secretary of State Rex Tillerson in Manila on Monday.' },
  { title: 'Macron in Berlin', text: 'French President Emmanuel Macron visited Berlin, where he met Chancellor Angela Merkel.' },
  { title: 'Sanctions', text: 'The European Union imposed new sanctions on Iran, the foreign ministers said in Brussels.' },
];

describe('extraction on worker threads', () => {
  const pool = createWorkerExtractor({}, 2);
  afterAll(() => pool.close());

  it('gives the same results as the extractor on the main thread, in order', async () => {
    const local = createExtractor();
    const results = await pool.extractBatch(articles);
    expect(results).toEqual(articles.map((a) => ({ ok: true, extracted: local.extract(a) })));
    expect(results.every((r) => r.ok && r.extracted.entities.length > 0)).toBe(true);
  });

  it('reports an article it cannot extract and still extracts the others', async () => {
    const broken = { title: 'broken', text: {} } as unknown as ArticleText;
    const results = await pool.extractBatch([articles[0], broken, articles[1]]);
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(results[1]).toMatchObject({ ok: false, message: expect.any(String) });
  });
});
