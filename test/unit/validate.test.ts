import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ValidArticle } from '../../src/ingest/types.ts';
import { validateArticle } from '../../src/ingest/validate.ts';

const NOW = new Date('2024-06-01T12:00:00Z');
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function valid(input: unknown, options: Parameters<typeof validateArticle>[1] = {}): ValidArticle {
  const result = validateArticle(input, { now: NOW, ...options });
  if (!result.ok) throw new Error(`expected a valid article, got: ${result.error.message}`);
  return result.article;
}

function refusal(input: unknown, options: Parameters<typeof validateArticle>[1] = {}): string {
  const result = validateArticle(input, { now: NOW, ...options });
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.article)}`);
  expect(result.error.code).toBe('INVALID_ARTICLE');
  return result.error.message;
}

describe('shape and types', () => {
  it('refuses anything but an object', () => {
    expect(refusal(null)).toBe('article must be an object, got null');
    expect(refusal([{ text: 'a' }])).toBe('article must be an object, got an array');
    expect(refusal('text')).toBe('article must be an object, got a string');
  });

  it('names the field of the wrong type', () => {
    expect(refusal({ text: 42 })).toBe('text must be a string, got a number');
    expect(refusal({ text: 'a', title: ['x'] })).toBe('title must be a string, got an array');
    expect(refusal({ text: 'a', url: {} })).toBe('url must be a string, got an object');
    expect(refusal({ text: 'a', publishedAt: 1502323200000 })).toBe('publishedAt must be a string, got a number');
    expect(refusal({ text: 'a', source: true })).toBe('source must be a string, got a boolean');
    expect(refusal({ text: 'a', language: 1 })).toBe('language must be a string, got a number');
  });

  it('treats null fields as absent and ignores unknown fields', () => {
    const article = valid({ text: 'Body.', title: null, url: null, publishedAt: null, source: null, language: null, id: 7, licence: 'CC-BY' });
    expect(Object.keys(article).sort()).toEqual(['contentHash', 'id', 'language', 'publishedAt', 'source', 'text', 'title', 'url']);
    expect(article).toMatchObject({ title: 'Body.', url: null, publishedAt: null, source: null, language: 'en' });
  });
});

describe('text', () => {
  it('is required and must not be blank', () => {
    expect(refusal({ title: 'T' })).toBe('text is required');
    expect(refusal({ text: ' \n\t ' })).toBe('text is empty');
    expect(refusal({ text: '\u0001\u0002' })).toBe('text is empty');
  });

  it('is refused as INVALID_ENCODING when it holds NUL or U+FFFD (binary data, or bytes that were not UTF-8)', () => {
    for (const text of ['PNG\u0000\u0001header', 'caf\ufffd au lait']) {
      const result = validateArticle({ text }, { now: NOW });
      expect(result.ok ? null : result.error.code).toBe('INVALID_ENCODING');
    }
  });

  it('is refused over the byte limit, with the size', () => {
    expect(refusal({ text: 'ééé' }, { maxTextBytes: 5 })).toBe('text is 6 bytes, over the limit of 5 bytes');
    expect(valid({ text: 'a'.repeat(1_000_000) }).text).toHaveLength(1_000_000);
    expect(refusal({ text: 'a'.repeat(1_000_001) })).toContain('1000001 bytes');
  });

  it('is normalised: line endings, trailing spaces, control characters, NFC, trimmed', () => {
    expect(valid({ text: '  \r\nOne  \r\nTwo\rThree\u0007\n\n' }).text).toBe('One\nTwo\nThree');
    expect(valid({ text: 'cafe\u0301' }).text).toBe('caf\u00e9');
  });

  it('leaves plain text with angle brackets and ampersands alone', () => {
    expect(valid({ text: 'If a < b and c > d, AT&T wins &amp; more.' }).text).toBe('If a < b and c > d, AT&T wins &amp; more.');
  });
});

describe('HTML text', () => {
  it('strips tags, drops scripts and styles, decodes entities, keeps paragraphs', () => {
    const html = `<!doctype html><html><head><title>Page</title><style>p { color: red }</style></head>
      <body><h1>Lavrov &amp; Tillerson</h1>
      <p class="lead">They met in <a href="https://x.example/?a=1&b=2">Manila</a> on&nbsp;Sunday.</p>
      <script>var s = "<p>not text</p>";</script>
      <div>Quote: &quot;dialogue&quot; &#39;now&#39; &#8212; &#x41;&lt;B&gt;<br>second line</div>
      <!-- <p>a comment</p> -->
      <ul><li>one</li><li>two</li></ul></body></html>`;
    expect(valid({ text: html }).text).toBe(
      'Lavrov & Tillerson\n\nThey met in Manila on Sunday.\n\nQuote: "dialogue" \'now\' — A<B>\nsecond line\n\none\ntwo',
    );
  });

  it('handles fragments and quoted ">" in attributes', () => {
    expect(valid({ text: 'Intro<br/>more<p title="a > b">Para</p>' }).text).toBe('Intro\nmore\n\nPara');
  });

  it('refuses HTML with no text in it', () => {
    expect(refusal({ text: '<div><script>track()</script><img src="x.png"></div>' })).toBe('text is empty once its HTML markup is removed');
  });

  it('keeps plain text that mentions tags, whole', () => {
    const prose = 'Researchers said the <b> element is harmless. They found that an <svg> image can carry scripts. Google said it would act.';
    expect(valid({ text: prose }).text).toBe(prose);
    expect(valid({ text: 'x<y and y>z' }).text).toBe('x<y and y>z');
    expect(valid({ text: 'Body.', title: 'x<y and y>z &amp; more' }).title).toBe('x<y and y>z & more');
  });

  it('follows a declared contentType either way, and refuses any other', () => {
    expect(valid({ text: '<b>bold</b> claim', contentType: 'text/plain' }).text).toBe('<b>bold</b> claim');
    expect(valid({ text: 'An <b>unclosed bold', contentType: 'text/html; charset=utf-8' }).text).toBe('An unclosed bold');
    expect(refusal({ text: 'x', contentType: 'application/pdf' })).toBe('contentType "application/pdf" is neither text/plain nor text/html');
  });

  it('removes an unclosed script\'s tag only, never the text after it', () => {
    const html = '<p>Lavrov met Tillerson.</p><script>unclosed, and the rest of the article: they spoke for an hour.';
    expect(valid({ text: html, contentType: 'text/html' }).text).toBe('Lavrov met Tillerson.\n\nunclosed, and the rest of the article: they spoke for an hour.');
    expect(valid({ text: '<p>One.</p><!-- open comment <p>Two.</p>', contentType: 'text/html' }).text).toBe('One.\n\n<!-- open comment\n\nTwo.');
  });

  it('accepts with a warning saying what was removed when cleaning removes more than a tenth of the text', () => {
    const result = validateArticle({ text: `<p>Lavrov met Tillerson.</p><script>${'track();'.repeat(10)}</script><!-- note -->` }, { now: NOW });
    expect(result.ok && result.article.text).toBe('Lavrov met Tillerson.');
    expect(result.ok && result.warning).toEqual({
      code: 'TEXT_REMOVED',
      message: expect.stringMatching(/^cleaning the HTML removed 80 of 99 characters \(81%\) inside <script> ×1, comments ×1;/),
    });
    const light = validateArticle({ text: `<p>${'Lavrov met Tillerson. '.repeat(10)}</p><script>x()</script>` }, { now: NOW });
    expect(light.ok && light.warning).toBeNull();
  });

  it('cleans an HTML title too', () => {
    expect(valid({ text: 'Body.', title: '<b>Lavrov</b> &amp; Tillerson\n meet' }).title).toBe('Lavrov & Tillerson meet');
  });
});

describe('title', () => {
  it('is trimmed and folded onto one line', () => {
    expect(valid({ text: 'Body.', title: '  Two\n  lines \t here ' }).title).toBe('Two lines here');
  });

  it('is the first sentence of the first line when missing or blank', () => {
    const text = 'Mr. Lavrov met U.S. Secretary of State Tillerson in Manila. They spoke for an hour.\n\nMore.';
    expect(valid({ text }).title).toBe('Mr. Lavrov met U.S. Secretary of State Tillerson in Manila.');
    expect(valid({ text, title: '   ' }).title).toBe('Mr. Lavrov met U.S. Secretary of State Tillerson in Manila.');
    expect(valid({ text: 'A headline without a stop\n\nThe body. More.' }).title).toBe('A headline without a stop');
    expect(valid({ text: '"Stop!" he said. Then left.' }).title).toBe('"Stop!" he said.');
  });

  it('is cut near 120 characters on a word boundary', () => {
    const text = `${'Russia and the United States '.repeat(8)}agreed.`;
    const title = valid({ text }).title;
    expect(title.endsWith('…')).toBe(true);
    expect(title.length).toBeLessThanOrEqual(121);
    expect(title.length).toBeGreaterThan(100);
    expect(text.startsWith(title.slice(0, -1))).toBe(true);
    expect(text[title.length - 1]).toBe(' '); // the cut fell between words
  });
});

describe('url', () => {
  it('must be an absolute http(s) URL', () => {
    expect(refusal({ text: 'a', url: 'www.example.com/story' })).toBe('url "www.example.com/story" is not an absolute http(s) URL');
    expect(refusal({ text: 'a', url: 'ftp://example.com/story' })).toContain('is not an absolute http(s) URL');
    expect(refusal({ text: 'a', url: 'javascript:alert(1)' })).toContain('url "javascript:alert(1)"');
  });

  it('is normalised', () => {
    const url = (raw: string) => valid({ text: 'a', url: raw }).url;
    expect(url(' HTTPS://News.Example.COM:443/World/Story/?utm_source=tw&id=7&UTM_Medium=x&q=a%20b#comments ')).toBe(
      'https://news.example.com/World/Story?id=7&q=a%20b',
    );
    expect(url('https://example.com/?utm_campaign=x')).toBe('https://example.com/');
    expect(url('http://example.com')).toBe('http://example.com/');
    expect(url('http://example.com:8080/a//')).toBe('http://example.com:8080/a');
    expect(valid({ text: 'a', url: '' }).url).toBeNull();
  });
});

describe('publishedAt', () => {
  const at = (raw: string) => valid({ text: 'a', publishedAt: raw }).publishedAt;

  it.each([
    ['2017-08-10', '2017-08-10T00:00:00.000Z'],
    ['2017-08-10T14:00:00+02:00', '2017-08-10T12:00:00.000Z'],
    ['2017-08-10T14:00:00.123456-0500', '2017-08-10T19:00:00.123Z'],
    ['2017-08-10T14:00Z', '2017-08-10T14:00:00.000Z'],
    ['2017-08-10 14:00:00', '2017-08-10T14:00:00.000Z'],
    ['August 10, 2017', '2017-08-10T00:00:00.000Z'],
    ['10 August 2017', '2017-08-10T00:00:00.000Z'],
    ['Aug 10, 2017', '2017-08-10T00:00:00.000Z'],
    ['Aug. 10 2017', '2017-08-10T00:00:00.000Z'],
    ['Thursday, August 10, 2017', '2017-08-10T00:00:00.000Z'],
    ['10th of August, 2017', '2017-08-10T00:00:00.000Z'],
    ['Thu, 10 Aug 2017 14:00:00 +0000', '2017-08-10T14:00:00.000Z'],
    ['August 10, 2017, 2:30 pm UTC', '2017-08-10T14:30:00.000Z'],
    ['2016-02-29', '2016-02-29T00:00:00.000Z'],
  ])('accepts %s', (raw, iso) => {
    expect(at(raw)).toBe(iso);
  });

  it.each(['2017-13-45', '2017-02-30', '2100-02-29', 'February 30, 2017', '2017-08-10T25:00:00Z', '2017-08-10T10:00:00+15:00'])(
    'refuses the impossible date %s',
    (raw) => {
      expect(refusal({ text: 'a', publishedAt: raw })).toBe(`publishedAt "${raw}" is not a valid calendar date or time`);
    },
  );

  it('refuses unrecognised and ambiguous forms', () => {
    expect(refusal({ text: 'a', publishedAt: '08/10/2017' })).toContain('publishedAt "08/10/2017" is not a recognised date');
    expect(refusal({ text: 'a', publishedAt: 'last Thursday' })).toContain('is not a recognised date');
  });

  it('refuses dates more than a day in the future', () => {
    expect(refusal({ text: 'a', publishedAt: '2031-01-01' })).toBe('publishedAt 2031-01-01 is in the future');
    expect(at('2024-06-02T11:00:00Z')).toBe('2024-06-02T11:00:00.000Z'); // within a day of now: time zones, clock skew
    expect(refusal({ text: 'a', publishedAt: '2024-06-02T13:00:00Z' })).toContain('is in the future');
  });

  it('treats a blank date as unknown', () => {
    expect(at('  ')).toBeNull();
  });
});

describe('source and language', () => {
  it('trims the source', () => {
    expect(valid({ text: 'a', source: '  ABC   News ' }).source).toBe('ABC News');
    expect(valid({ text: 'a', source: '' }).source).toBeNull();
  });

  it('defaults the language to en and canonicalises tags', () => {
    expect(valid({ text: 'a' }).language).toBe('en');
    expect(valid({ text: 'a', language: 'EN-us' }).language).toBe('en-US');
    expect(valid({ text: 'a', language: 'pt_BR' }).language).toBe('pt-BR');
    expect(valid({ text: 'a', language: 'zh-hant-tw' }).language).toBe('zh-Hant-TW');
  });

  it('refuses what is not a BCP-47 tag', () => {
    for (const bad of ['english', 'e', 'en-', 'en US', '12']) {
      expect(refusal({ text: 'a', language: bad })).toBe(`language "${bad}" is not a BCP-47 language tag (e.g. "en", "en-GB")`);
    }
  });
});

describe('identity', () => {
  it('hashes title and text, and derives the id from the url when there is one', () => {
    const article = valid({ title: 'T', text: 'Body.', url: 'https://example.com/a' });
    expect(article.contentHash).toBe(sha256('T\nBody.'));
    expect(article.id).toBe(`a${sha256('https://example.com/a').slice(0, 20)}`);
    expect(article.id).toMatch(/^a[0-9a-f]{20}$/);
  });

  it('keeps the id when new text arrives under the same url, however the url is written', () => {
    const first = valid({ title: 'T', text: 'First version.', url: 'https://Example.com/a/#top' });
    const second = valid({ title: 'T', text: 'Corrected version.', url: 'https://example.com/a?utm_source=rss' });
    expect(second.id).toBe(first.id);
    expect(second.contentHash).not.toBe(first.contentHash);
  });

  it('derives the id from the content when there is no url', () => {
    const a = valid({ title: 'T', text: 'Same text.\r\n' });
    const b = valid({ title: ' T ', text: '  Same text.' });
    const c = valid({ title: 'T', text: 'Other text.' });
    expect(a.id).toBe(`a${a.contentHash.slice(0, 20)}`);
    expect(b.id).toBe(a.id);
    expect(c.id).not.toBe(a.id);
  });
});
