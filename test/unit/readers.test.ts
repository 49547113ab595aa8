import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSources } from '../../src/ingest/readers.ts';
import type { SourceRecord } from '../../src/ingest/types.ts';
import { validateArticle } from '../../src/ingest/validate.ts';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsgraph-readers-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, content);
  return path;
}

async function read(paths: string[], stdin?: NodeJS.ReadableStream): Promise<SourceRecord[]> {
  const records: SourceRecord[] = [];
  for await (const record of readSources(paths, { stdin })) records.push(record);
  return records;
}

// The opening of /work/shared/seeds/000_bce2eb2f2481ebc2.txt, kept here so the test stands alone.
const SEED = [
  'United States and Russian officials to continue dialogue despite new sanctions',
  '',
  'Posted August 10, 2017',
  '',
  'As ABC News wrote in an article "Trump admin still seeks cooperation with Russia despite new sanctions and retaliation", the top USA diplomat took a step toward that goal on Sunday.',
  '',
  'Lavrov called for all parties in the Korean conflict to "show their utmost restraint".',
  '',
].join('\n');

describe('text and markdown files', () => {
  it('splits the seed article into title, date and text', async () => {
    const path = await file('seed/000.txt', SEED);
    const [record] = await read([path]);
    expect(record).toEqual({
      origin: path,
      input: {
        title: 'United States and Russian officials to continue dialogue despite new sanctions',
        publishedAt: 'August 10, 2017',
        text: SEED.split('\n').slice(4).join('\n').trim(),
      },
    });
    const result = validateArticle(record.input);
    expect(result.ok && result.article.publishedAt).toBe('2017-08-10T00:00:00.000Z');
    expect(result.ok && result.article.text).not.toContain('Posted');
  });

  it('strips the heading marker in markdown and reads a "Published:" line', async () => {
    const path = await file('note.md', '\r\n# Sanctions vote\r\nPublished: 2017-08-10\r\n\r\nCongress passed the bill.\r\n');
    const [record] = await read([path]);
    expect(record.input).toEqual({ title: 'Sanctions vote', publishedAt: '2017-08-10', text: 'Congress passed the bill.' });
  });

  it('keeps "# " in a .txt title, and a byline is not a date line', async () => {
    const path = await file('byline.txt', '# not markdown\n\nPosted by Jane Doe\n\nBody text.');
    const [record] = await read([path]);
    expect(record.input).toEqual({ title: '# not markdown', publishedAt: null, text: 'Posted by Jane Doe\n\nBody text.' });
  });

  it('treats a paragraph-long first line as text without a title', async () => {
    const paragraph = `${'word '.repeat(60)}ends here.`;
    const path = await file('untitled.txt', `${paragraph}\n\nSecond paragraph.`);
    const [record] = await read([path]);
    expect(record.input).toEqual({ title: null, publishedAt: null, text: `${paragraph}\n\nSecond paragraph.` });
  });

  it('reads a title-only file as empty text, for validate to refuse', async () => {
    const path = await file('title-only.txt', 'Just a title\n\n');
    const [record] = await read([path]);
    const result = validateArticle(record.input);
    expect(result).toEqual({ ok: false, error: { code: 'INVALID_ARTICLE', message: 'text is empty' } });
  });
});

describe('JSON files', () => {
  it('reads one article object with the file as origin', async () => {
    const path = await file('one.json', '\ufeff{"title":"T","text":"Body","licence":"CC-BY"}');
    expect(await read([path])).toEqual([{ origin: path, input: { title: 'T', text: 'Body', licence: 'CC-BY' } }]);
  });

  it('reads an array with indexed origins; a record missing text fails validation alone', async () => {
    const path = await file('many.json', JSON.stringify([{ text: 'first' }, { title: 'no text' }, { text: 'third' }]));
    const records = await read([path]);
    expect(records.map((r) => r.origin)).toEqual([`${path}[0]`, `${path}[1]`, `${path}[2]`]);
    const results = records.map((r) => validateArticle(r.input));
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(results[1]).toEqual({ ok: false, error: { code: 'INVALID_ARTICLE', message: 'text is required' } });
  });

  it('reports a broken file as BAD_JSON', async () => {
    const path = await file('broken.json', '[{"text": "a"},');
    const records = await read([path]);
    expect(records).toHaveLength(1);
    expect(records[0].origin).toBe(path);
    expect(records[0].error?.code).toBe('BAD_JSON');
    expect(records[0].error?.message).toContain(path);
  });
});

describe('JSON Lines files', () => {
  const lines = (broken: number) =>
    Array.from({ length: 9 }, (_, i) => (i + 1 === broken ? '{"text": "oops' : i + 1 === 4 ? '' : JSON.stringify({ text: `line ${i + 1}` })));

  it('reads every good line and reports line 7 when it is broken', async () => {
    const path = await file('feed.jsonl', lines(7).join('\n') + '\n');
    const records = await read([path]);
    const good = records.filter((r) => !r.error);
    expect(good.map((r) => r.origin)).toEqual([1, 2, 3, 5, 6, 8, 9].map((n) => `${path}:${n}`));
    expect(good.map((r) => (r.input as { text: string }).text)).toEqual([1, 2, 3, 5, 6, 8, 9].map((n) => `line ${n}`));
    const bad = records.filter((r) => r.error);
    expect(bad).toHaveLength(1);
    expect(bad[0].origin).toBe(`${path}:7`);
    expect(bad[0].error?.code).toBe('BAD_JSON');
    expect(bad[0].error?.message).toContain(`${path}:7`);
    expect(records.indexOf(bad[0])).toBe(5); // in file order
  });

  it('accepts .ndjson, CRLF line endings and no final newline', async () => {
    const path = await file('feed.ndjson', '{"text":"a"}\r\n\r\n{"text":"b"}');
    expect(await read([path])).toEqual([
      { origin: `${path}:1`, input: { text: 'a' } },
      { origin: `${path}:3`, input: { text: 'b' } },
    ]);
  });

  it('reads lines longer than one stream chunk intact', async () => {
    const long = 'é'.repeat(100_000); // 200 kB: spans several 64 kB chunks, with a character split between two
    const path = await file('long.jsonl', `${JSON.stringify({ text: long })}\n{"text":"after"}\n`);
    const records = await read([path]);
    expect(records.map((r) => (r.input as { text: string }).text)).toEqual([long, 'after']);
  });
});

describe('folders and paths', () => {
  it('walks folders recursively in sorted order, skipping hidden and unknown files', async () => {
    const root = join(dir, 'tree');
    await file('tree/b.txt', 'B\n\nb');
    await file('tree/a/2.json', '{"text":"a2"}');
    await file('tree/a/1.md', '# A1\n\na1');
    await file('tree/a/notes.csv', 'x,y');
    await file('tree/c.jsonl', '{"text":"c"}\n');
    await file('tree/.hidden.txt', 'H\n\nh');
    await file('tree/.git/x.json', '{"text":"git"}');
    await file('tree/a b/z.txt', 'Z\n\nz');
    const records = await read([root]);
    expect(records.map((r) => relative(root, r.origin.replace(/:\d+$/, '')) + (/:\d+$/.exec(r.origin)?.[0] ?? ''))).toEqual([
      join('a', '1.md'),
      join('a', '2.json'),
      join('a b', 'z.txt'),
      'b.txt',
      'c.jsonl:1',
    ]);
    expect(records.every((r) => r.origin.startsWith(root))).toBe(true);
  });

  it('keeps a relative path relative in origins', async () => {
    const absolute = await file('rel/x.json', '{"text":"x"}');
    const given = relative(process.cwd(), absolute);
    expect(given.startsWith('/')).toBe(false);
    expect(await read([given])).toEqual([{ origin: given, input: { text: 'x' } }]);
    const folder = relative(process.cwd(), join(dir, 'rel')) + '/';
    expect((await read([folder])).map((r) => r.origin)).toEqual([`${folder}x.json`]);
  });

  it('reports a missing path as UNREADABLE and carries on', async () => {
    const missing = join(dir, 'does-not-exist.txt');
    const ok = await file('after-missing.json', '{"text":"ok"}');
    const records = await read([missing, ok]);
    expect(records[0]).toEqual({ origin: missing, error: { code: 'UNREADABLE', message: `cannot read ${missing}: no such file or directory` } });
    expect(records[1]).toEqual({ origin: ok, input: { text: 'ok' } });
  });

  it('reports a dangling link inside a folder as UNREADABLE', async () => {
    await file('dangling/good.json', '{"text":"g"}');
    const link = join(dir, 'dangling', 'gone.json');
    await symlink(join(dir, 'nowhere.json'), link);
    const records = await read([join(dir, 'dangling')]);
    expect(records.map((r) => r.error?.code ?? 'ok')).toEqual(['UNREADABLE', 'ok']);
    expect(records[0].error?.message).toContain(link);
  });

  it('does not loop on a symlink to an ancestor folder', async () => {
    await file('loop/a.json', '{"text":"a"}');
    await symlink(join(dir, 'loop'), join(dir, 'loop', 'self'));
    const records = await read([join(dir, 'loop')]);
    expect(records.map((r) => r.origin)).toEqual([join(dir, 'loop', 'a.json')]);
  });

  it('refuses an explicitly named file of unknown format', async () => {
    const path = await file('data.csv', 'a,b');
    const records = await read([path]);
    expect(records).toHaveLength(1);
    expect(records[0].origin).toBe(path);
    expect(records[0].error?.code).toBe('UNSUPPORTED_FORMAT');
    expect(records[0].error?.message).toContain(path);
  });
});

describe('encoding', () => {
  it('refuses invalid UTF-8 in a text file', async () => {
    const path = await file('latin1.txt', Buffer.from([0x54, 0x69, 0x74, 0x6c, 0x65, 0x0a, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x0a]));
    const records = await read([path]);
    expect(records).toEqual([{ origin: path, error: { code: 'INVALID_ENCODING', message: expect.stringContaining(path) } }]);
  });

  it('refuses binary data (NUL bytes) even when it decodes', async () => {
    const path = await file('image.json', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    const nul = await file('nul.md', Buffer.from('Title\n\nText\u0000more', 'utf8'));
    const records = await read([path, nul]);
    expect(records.map((r) => [r.origin, r.error?.code])).toEqual([
      [path, 'INVALID_ENCODING'],
      [nul, 'INVALID_ENCODING'],
    ]);
  });

  it('refuses only the bad line of a JSON Lines file', async () => {
    const path = await file(
      'mixed.jsonl',
      Buffer.concat([Buffer.from('{"text":"a"}\n{"text":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}\n{"text":"c"}\n')]),
    );
    const records = await read([path]);
    expect(records.map((r) => [r.origin, r.error?.code ?? 'ok'])).toEqual([
      [`${path}:1`, 'ok'],
      [`${path}:2`, 'INVALID_ENCODING'],
      [`${path}:3`, 'ok'],
    ]);
  });
});

describe('standard input', () => {
  const stdin = (...chunks: (string | Buffer)[]) => Readable.from(chunks);

  it('reads a JSON array', async () => {
    expect(await read(['-'], stdin('  [{"text":"a"},', ' {"text":"b"}]'))).toEqual([
      { origin: 'stdin[0]', input: { text: 'a' } },
      { origin: 'stdin[1]', input: { text: 'b' } },
    ]);
  });

  it('reads a pretty-printed JSON object', async () => {
    expect(await read(['-'], stdin('{\n  "text": "a",\n  "title": "t"\n}\n'))).toEqual([{ origin: 'stdin', input: { text: 'a', title: 't' } }]);
  });

  it('reads JSON Lines split anywhere across chunks, including inside a character', async () => {
    const bytes = Buffer.from('\n{"text":"ä"}\n{"text":"b"}\n{bad\n{"text":"d"}\n');
    const chunks = [bytes.subarray(0, 11), bytes.subarray(11, 20), bytes.subarray(20)];
    expect(await read(['-'], stdin(...chunks))).toEqual([
      { origin: 'stdin:2', input: { text: 'ä' } },
      { origin: 'stdin:3', input: { text: 'b' } },
      { origin: 'stdin:4', error: { code: 'BAD_JSON', message: expect.stringContaining('stdin:4') } },
      { origin: 'stdin:5', input: { text: 'd' } },
    ]);
  });

  it('still reads JSON Lines whose first line is broken', async () => {
    const records = await read(['-'], stdin('{"text":\n{"text":"b"}\n'));
    expect(records.map((r) => [r.origin, r.error?.code ?? 'ok'])).toEqual([
      ['stdin:1', 'BAD_JSON'],
      ['stdin:2', 'ok'],
    ]);
  });

  it('reports a broken JSON document once', async () => {
    const records = await read(['-'], stdin('{\n  "text": "a",\n}\n'));
    expect(records.map((r) => [r.origin, r.error?.code])).toEqual([['stdin', 'BAD_JSON']]);
  });

  it('reads a text article', async () => {
    expect(await read(['-'], stdin('# Headline\n\nPosted August 10, 2017\n\nBody.\n'))).toEqual([
      { origin: 'stdin', input: { title: 'Headline', publishedAt: 'August 10, 2017', text: 'Body.' } },
    ]);
  });

  it('yields nothing for empty input and refuses binary input', async () => {
    expect(await read(['-'], stdin(' \n'))).toEqual([]);
    const records = await read(['-'], stdin(Buffer.from([0x47, 0x49, 0x46, 0x00, 0xff])));
    expect(records).toEqual([{ origin: 'stdin', error: { code: 'INVALID_ENCODING', message: expect.stringContaining('stdin') } }]);
  });

  it('mixes stdin with files in the order given', async () => {
    const path = await file('mixed-order.json', '{"text":"file"}');
    const records = await read([path, '-'], stdin('{"text":"in"}\n'));
    expect(records.map((r) => r.origin)).toEqual([path, 'stdin:1']);
  });
});
