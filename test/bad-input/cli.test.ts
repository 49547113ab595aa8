/**
 * Bad input through `newsgraph ingest`: a folder of bad files, loaded straight into a database and again
 * through a running server's mutation (--endpoint). Both runs print the same report, naming file and line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openGrafeo } from '../../src/store/grafeo.ts';
import { MAX_BODY_BYTES } from '../../src/server/body-limit.ts';
import { cliSandbox, newsgraph, postGraphql, startServer, type CliResult, type CliSandbox, type RunningServer } from '../support/cli.ts';
import { CYPHER_FRAGMENT, good, hostile, html, HTML_STORED_TEXT, htmlOnly, longLine, sameUrlFirst, sameUrlSecond, tooLargeText } from './cases.ts';

let direct: CliSandbox;
let viaServer: CliSandbox;
let server: RunningServer | null = null;
let directRun: CliResult;

const jsonl = (...records: unknown[]) => `${records.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n')}\n`;

function writeBadFiles(dir: string): void {
  const bad = path.join(dir, 'bad');
  fs.mkdirSync(bad);
  const write = (name: string, content: string | Buffer) => fs.writeFileSync(path.join(bad, name), content);
  write('01-empty.txt', '');
  write('02-too-big.json', JSON.stringify({ title: 'Too large', text: tooLargeText() }));
  write('03-ten-mb.txt', `Ten megabytes\n\n${'x'.repeat(10 * 1024 * 1024)}\n`);
  write('04-binary.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]));
  write('05-latin1.txt', Buffer.from('Caf\xe9 au lait\n\nThe caf\xe9 in Paris opened on Monday.\n', 'latin1'));
  write('06-html.json', JSON.stringify(html));
  write('07-html-only.json', JSON.stringify(htmlOnly));
  const lines: unknown[] = [1, 2, 3, 4, 5, 6].map((n) => good(100 + n));
  lines.push('{"title": "broken", "text": ');
  lines.push(good(108));
  write('08-batch.jsonl', jsonl(...lines));
  write('09-array.json', JSON.stringify([good(110), { title: 'No text here' }, good(112)]));
  write('10-dates.jsonl', jsonl(good(113, { publishedAt: '2017-13-45' }), good(114, { publishedAt: '2999-01-01' })));
  write('11-long-line.txt', longLine());
  write('12-hostile.json', JSON.stringify(hostile));
  write('13-twice.jsonl', jsonl(good(115), good(115)));
  write('14-same-url.jsonl', jsonl(sameUrlFirst, sameUrlSecond));
  write('page.html', '<html><body><p>Not an article file.</p></body></html>');
}

const ARGS = ['ingest', '--quiet', 'bad', 'bad/page.html'];

beforeAll(async () => {
  direct = cliSandbox('newsgraph-bad-cli-');
  viaServer = cliSandbox('newsgraph-bad-endpoint-', { NEWSGRAPH_API_KEYS: 'bad-key' });
  writeBadFiles(direct.dir);
  writeBadFiles(viaServer.dir);
  directRun = await newsgraph(direct, ARGS);
});

afterAll(() => {
  server?.process.kill('SIGKILL');
  direct?.remove();
  viaServer?.remove();
});

/** The report lines that name a failure, in input order. */
const failures = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('  FAILED '));

describe('newsgraph ingest on bad files', () => {
  it('names each bad record with its file (and line or index) and the problem, and exits 1', () => {
    const { code, stdout, stderr } = directRun;
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout.split('\n')[0]).toBe('created 14, updated 1, unchanged 1, failed 11');
    const lines = failures(stdout);
    const expected: (string | RegExp)[] = [
      'bad/01-empty.txt: text is empty [INVALID_ARTICLE]',
      'bad/02-too-big.json: text is 1199999 bytes, over the limit of 1000000 bytes [INVALID_ARTICLE]',
      /^bad\/03-ten-mb\.txt: text is 1048\d{4} bytes, over the limit of 1000000 bytes \[INVALID_ARTICLE\]$/,
      'bad/04-binary.txt: bad/04-binary.txt is not UTF-8 text (invalid byte sequence or binary data) [INVALID_ENCODING]',
      'bad/05-latin1.txt: bad/05-latin1.txt is not UTF-8 text (invalid byte sequence or binary data) [INVALID_ENCODING]',
      'bad/07-html-only.json: text is empty once its HTML markup is removed [INVALID_ARTICLE]',
      /^bad\/08-batch\.jsonl:7: bad\/08-batch\.jsonl:7 is not valid JSON: .* \[BAD_JSON\]$/,
      'bad/09-array.json[1]: text is required [INVALID_ARTICLE]',
      'bad/10-dates.jsonl:1: publishedAt "2017-13-45" is not a valid calendar date or time [INVALID_ARTICLE]',
      'bad/10-dates.jsonl:2: publishedAt 2999-01-01 is in the future [INVALID_ARTICLE]',
      /^bad\/page\.html: bad\/page\.html: unsupported format \(\.html\); expected .* \[UNSUPPORTED_FORMAT\]$/,
    ];
    expect(lines).toHaveLength(expected.length);
    expected.forEach((want, i) => {
      if (typeof want === 'string') expect(lines[i]).toBe(`  FAILED ${want}`);
      else expect(lines[i].slice('  FAILED '.length)).toMatch(want);
    });
  });

  it('stored the good records: HTML as text, hostile names verbatim, one article per URL', async () => {
    await expectGraph(direct.dataDir);
  });
});

describe('the same files through a running server (--endpoint, the ingestArticles mutation)', () => {
  it('prints the same report, and the server stored the same graph', async () => {
    server = await startServer(viaServer);
    const run = await newsgraph(viaServer, [...ARGS.slice(0, 2), '--endpoint', server.url, '--api-key', 'bad-key', ...ARGS.slice(2)]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(directRun.stdout);
    expect(run.code).toBe(1);

    // A 10 MB body sent straight to the server, ten times: each time the client, still sending, receives
    // the 413 naming the limit (the server reads and discards the rest first), and the server carries on.
    const huge = JSON.stringify({ query: 'mutation ($a: [ArticleInput!]!) { ingestArticles(articles: $a) { created } }', variables: { a: [{ text: 'x'.repeat(10 * 1024 * 1024) }] } });
    for (let attempt = 0; attempt < 10; attempt++) {
      const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer bad-key' }, body: huge });
      expect(response.status).toBe(413);
      expect(((await response.json()) as any).errors[0].message).toContain(`over the limit of ${MAX_BODY_BYTES} bytes`);
    }
    const stats = await postGraphql(server.url, '{ stats { articles } }');
    expect(stats.data.stats.articles).toBe(14);

    server.process.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);
    server = null;
    await expectGraph(viaServer.dataDir);
  });
});

async function expectGraph(dataDir: string): Promise<void> {
  const store = openGrafeo(dataDir);
  try {
    const [{ articles }] = await store.run<{ articles: number }>('MATCH (a:Article) RETURN count(a) AS articles');
    // 6 + 1 from the JSONL, 2 from the array, html, long line, hostile, twice (once), same URL (once)
    expect(articles).toBe(14);
    const byUrl = async (url: string) => (await store.run<{ title: string; text: string }>('MATCH (a:Article {url: $url}) RETURN a.title AS title, a.text AS text', { url }))[0];
    expect(await byUrl(html.url)).toEqual({ title: html.title, text: HTML_STORED_TEXT });
    expect(await byUrl(hostile.url)).toEqual({ title: hostile.title, text: hostile.text });
    expect(hostile.title).toContain(CYPHER_FRAGMENT);
    expect((await byUrl(sameUrlFirst.url)).text).toBe(sameUrlSecond.text);
    const long = await store.run<{ length: number }>("MATCH (a:Article) WHERE a.title ENDS WITH '…' RETURN size(a.text) AS length");
    expect(long).toEqual([{ length: longLine().trim().length }]);
  } finally {
    await store.close();
  }
}
