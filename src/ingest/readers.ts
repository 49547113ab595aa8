/**
 * Files, folders and standard input → `SourceRecord`s, one per article, each named by where it came from.
 * Readers only read and parse; whether a record is a valid article is validate.ts's question.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { extname, sep } from 'node:path';
import type { ArticleInput, IngestError, SourceRecord } from './types.ts';

type Format = 'text' | 'markdown' | 'json' | 'jsonl';

const FORMATS: Record<string, Format> = {
  '.txt': 'text',
  '.md': 'markdown',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};
const STDIN = 'stdin';
// A first line this long is a paragraph, not a headline: the file has no title and validate derives one.
const MAX_TITLE_LINE_CHARS = 200;

export interface ReadOptions {
  /** Where `-` reads from; defaults to process.stdin. */
  stdin?: NodeJS.ReadableStream;
}

/**
 * Every path is a file, a folder or `-` (standard input). Folders are walked recursively, entries
 * sorted by name, hidden entries skipped, files of unknown extensions ignored; a file named
 * explicitly must have a known extension. Origins use the paths as given.
 */
export async function* readSources(paths: string[], options: ReadOptions = {}): AsyncGenerator<SourceRecord> {
  for (const path of paths) {
    if (path === '-') yield* readStdin(options.stdin ?? process.stdin);
    else yield* readPath(path);
  }
}

async function* readPath(path: string): AsyncGenerator<SourceRecord> {
  let stats: Stats;
  try {
    stats = await stat(path);
  } catch (error) {
    yield unreadable(path, error);
    return;
  }
  if (stats.isDirectory()) {
    yield* walk(path, new Set());
    return;
  }
  const format = formatOf(path);
  if (!format) {
    const extension = extname(path) || 'no extension';
    yield failed(path, 'UNSUPPORTED_FORMAT', `${path}: unsupported format (${extension}); expected ${Object.keys(FORMATS).join(', ')}`);
    return;
  }
  yield* readFileAs(path, format);
}

async function* walk(dir: string, visited: Set<string>): AsyncGenerator<SourceRecord> {
  let names: string[];
  try {
    // A symlinked folder pointing at an ancestor would otherwise be walked forever.
    const real = await realpath(dir);
    if (visited.has(real)) return;
    visited.add(real);
    names = (await readdir(dir)).filter((name) => !name.startsWith('.')).sort(byCodePoint);
  } catch (error) {
    yield unreadable(dir, error);
    return;
  }
  for (const name of names) {
    const child = dir.endsWith(sep) || dir.endsWith('/') ? `${dir}${name}` : `${dir}${sep}${name}`;
    let stats: Stats;
    try {
      stats = await stat(child);
    } catch (error) {
      yield unreadable(child, error);
      continue;
    }
    if (stats.isDirectory()) yield* walk(child, visited);
    else {
      const format = stats.isFile() ? formatOf(child) : undefined;
      if (format) yield* readFileAs(child, format);
    }
  }
}

async function* readFileAs(path: string, format: Format): AsyncGenerator<SourceRecord> {
  if (format === 'jsonl') {
    yield* readJsonLines(path);
    return;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    yield unreadable(path, error);
    return;
  }
  const content = decodeUtf8(bytes);
  if (content === null) yield invalidEncoding(path);
  else if (format === 'json') yield* jsonDocument(content, path);
  else yield { origin: path, input: textArticle(content, format === 'markdown') };
}

/** Streamed line by line: a JSONL file may be far larger than memory. */
async function* readJsonLines(path: string): AsyncGenerator<SourceRecord> {
  try {
    yield* jsonLines(numbered(byteLines(createReadStream(path))), path);
  } catch (error) {
    yield unreadable(path, error);
  }
}

// ---------------------------------------------------------------------------------------------
// Standard input: the format is sniffed from the first non-blank character.

async function* readStdin(stream: NodeJS.ReadableStream): AsyncGenerator<SourceRecord> {
  try {
    yield* sniffStdin(stream);
  } catch (error) {
    yield failed(STDIN, 'UNREADABLE', `cannot read standard input: ${describeError(error)}`);
  }
}

async function* sniffStdin(stream: NodeJS.ReadableStream): AsyncGenerator<SourceRecord> {
  const chunks = (stream as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let first: number | undefined;
  while (first === undefined) {
    const next = await chunks.next();
    if (next.done) break;
    head.push(toBuffer(next.value));
    first = firstSignificantByte(Buffer.concat(head));
  }
  if (first === undefined) return; // nothing but whitespace: no articles
  const all = concatenated(head, asBuffers(chunks));

  if (first === 0x5b /* [ */) {
    const content = decodeUtf8(await collect(all));
    if (content === null) yield invalidEncoding(STDIN);
    else yield* jsonDocument(content, STDIN);
    return;
  }
  if (first !== 0x7b /* { */) {
    const content = decodeUtf8(await collect(all));
    yield content === null ? invalidEncoding(STDIN) : { origin: STDIN, input: textArticle(content, true) };
    return;
  }

  // "{": JSON Lines when the first non-blank line is a complete object (then stream the rest),
  // otherwise one pretty-printed JSON object.
  const lines = numbered(byteLines(all));
  const seen: NumberedLine[] = [];
  let firstLine: NumberedLine | undefined;
  // Stepped by hand: leaving a for-await loop early would close the generator and lose the rest.
  for (let next = await lines.next(); !next.done; next = await lines.next()) {
    seen.push(next.value);
    if (next.value.bytes.some((b) => !isWhitespaceByte(b))) {
      firstLine = next.value;
      break;
    }
  }
  if (firstLine && parsesAsJson(firstLine.bytes)) {
    yield* jsonLines(concatenated(seen, lines), STDIN);
    return;
  }
  for await (const line of lines) seen.push(line);
  const content = decodeUtf8(Buffer.concat(seen.flatMap((line) => [line.bytes, NEWLINE])));
  if (content === null) {
    yield invalidEncoding(STDIN);
    return;
  }
  const document = tryParseJson(content);
  // Neither one document nor any complete line: report the document, not every line of it.
  if (document.ok || !seen.some((line) => parsesAsJson(line.bytes))) yield* jsonDocument(content, STDIN);
  else yield* jsonLines(seen, STDIN);
}

// ---------------------------------------------------------------------------------------------
// Formats

/** A `.json` file or stdin document: one article object, or an array of them ("file.json[3]"). */
function* jsonDocument(content: string, origin: string): Generator<SourceRecord> {
  const parsed = tryParseJson(content);
  if (!parsed.ok) {
    yield failed(origin, 'BAD_JSON', `${origin} is not valid JSON: ${parsed.message}`);
    return;
  }
  if (Array.isArray(parsed.value)) {
    for (const [index, input] of parsed.value.entries()) yield { origin: `${origin}[${index}]`, input };
  } else {
    yield { origin, input: parsed.value };
  }
}

/** One JSON value per line ("file.jsonl:7", 1-based); blank lines skipped, a broken line reported and passed over. */
async function* jsonLines(lines: AsyncIterable<NumberedLine> | Iterable<NumberedLine>, name: string): AsyncGenerator<SourceRecord> {
  for await (const { number, bytes } of lines) {
    const origin = `${name}:${number}`;
    const line = decodeUtf8(bytes);
    if (line === null) {
      yield invalidEncoding(origin);
      continue;
    }
    if (!line.trim()) continue;
    const parsed = tryParseJson(line);
    yield parsed.ok ? { origin, input: parsed.value } : failed(origin, 'BAD_JSON', `${origin} is not valid JSON: ${parsed.message}`);
  }
}

/**
 * A text article: the first non-empty line is the title ("# " heading markers stripped in markdown),
 * then, optionally and after any blank lines, a "Posted <date>" / "Published: <date>" line that gives
 * `publishedAt` and is left out of the text; the rest is the text.
 */
function textArticle(content: string, markdown: boolean): ArticleInput {
  const lines = content.replace(/\r\n?/g, '\n').split('\n');
  const titleIndex = lines.findIndex((line) => line.trim() !== '');
  if (titleIndex === -1) return { title: null, text: '', publishedAt: null };
  let title = lines[titleIndex].trim();
  if (title.length > MAX_TITLE_LINE_CHARS) return { title: null, text: content.trim(), publishedAt: null };
  if (markdown) title = title.replace(/^#{1,6}\s+/, '').replace(/\s+#+$/, '');

  let next = titleIndex + 1;
  while (next < lines.length && lines[next].trim() === '') next++;
  const publishedAt = next < lines.length ? dateLine(lines[next]) : null;
  if (publishedAt !== null) next++;
  return { title, text: lines.slice(next).join('\n').trim(), publishedAt };
}

/** The date of a "Posted August 10, 2017" / "Published: 2017-08-10" line (also *emphasised*), else null. */
function dateLine(line: string): string | null {
  const bare = line.trim().replace(/^[*_]+|[*_]+$/g, '').trim();
  const match = /^(?:posted|published)(?:\s+on)?\s*:?\s*(.+)$/i.exec(bare);
  // "Posted by Jane Doe" is a byline; a date has a digit in it.
  if (!match || /^by\b/i.test(match[1]) || !/\d/.test(match[1])) return null;
  return match[1].trim();
}

// ---------------------------------------------------------------------------------------------
// Bytes, lines, decoding

interface NumberedLine {
  number: number;
  bytes: Buffer;
}

const NEWLINE = Buffer.from('\n');
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The text, or null when it is not UTF-8 text: invalid sequences, or NUL bytes (binary data). */
function decodeUtf8(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null;
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

/** Lines as raw bytes, so each can be checked as UTF-8 on its own; "\r\n" endings accepted. */
async function* byteLines(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  for await (const chunk of chunks) {
    const buffer = toBuffer(chunk);
    let start = 0;
    for (let end = buffer.indexOf(0x0a); end !== -1; end = buffer.indexOf(0x0a, start)) {
      const piece = buffer.subarray(start, end);
      yield withoutCarriageReturn(pending.length ? Buffer.concat([...pending, piece]) : piece);
      pending = [];
      start = end + 1;
    }
    if (start < buffer.length) pending.push(buffer.subarray(start));
  }
  if (pending.length) yield withoutCarriageReturn(Buffer.concat(pending));
}

async function* numbered(lines: AsyncIterable<Buffer>): AsyncGenerator<NumberedLine> {
  let number = 0;
  for await (const bytes of lines) yield { number: ++number, bytes };
}

/** The items already taken from an iterator, then the rest of it. */
async function* concatenated<T>(head: T[], rest: AsyncIterator<T> | AsyncIterable<T>): AsyncGenerator<T> {
  yield* head;
  const iterator = Symbol.asyncIterator in rest ? rest[Symbol.asyncIterator]() : rest;
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
}

async function* asBuffers(chunks: AsyncIterator<Buffer | string>): AsyncGenerator<Buffer> {
  for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield toBuffer(next.value);
}

async function collect(chunks: AsyncIterable<Buffer>): Promise<Buffer> {
  const all: Buffer[] = [];
  for await (const chunk of chunks) all.push(chunk);
  return Buffer.concat(all);
}

function withoutCarriageReturn(line: Buffer): Buffer {
  return line.length && line[line.length - 1] === 0x0d ? line.subarray(0, -1) : line;
}

function toBuffer(chunk: Buffer | string | Uint8Array): Buffer {
  return typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
}

function isWhitespaceByte(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

/** The first byte that is neither whitespace nor part of a leading UTF-8 byte-order mark. */
function firstSignificantByte(bytes: Buffer): number | undefined {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let i = start; i < bytes.length; i++) if (!isWhitespaceByte(bytes[i])) return bytes[i];
  return undefined;
}

function parsesAsJson(bytes: Buffer): boolean {
  const line = decodeUtf8(bytes);
  return line !== null && tryParseJson(line).ok;
}

function tryParseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    // V8 quotes the whole input in its message; a 100 kB line makes an unreadable report.
    const message = (error as Error).message;
    return { ok: false, message: message.length > 200 ? `${message.slice(0, 200)}…` : message };
  }
}

// ---------------------------------------------------------------------------------------------
// Records

function formatOf(path: string): Format | undefined {
  return FORMATS[extname(path).toLowerCase()];
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function failed(origin: string, code: string, message: string): SourceRecord {
  const error: IngestError = { code, message };
  return { origin, error };
}

function unreadable(path: string, error: unknown): SourceRecord {
  return failed(path, 'UNREADABLE', `cannot read ${path}: ${describeError(error)}`);
}

function invalidEncoding(origin: string): SourceRecord {
  return failed(origin, 'INVALID_ENCODING', `${origin} is not UTF-8 text (invalid byte sequence or binary data)`);
}

const ERRNO_MESSAGES: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  ELOOP: 'too many levels of symbolic links',
};

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  return (code && ERRNO_MESSAGES[code]) ?? (error instanceof Error ? error.message : String(error));
}
