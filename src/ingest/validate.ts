/** One raw record (`SourceRecord.input`) → a normalised, identified `ValidArticle`, or the reason it is refused. */
import { createHash } from 'node:crypto';
import { parsePublicationDate } from './dates.ts';
import type { IngestError, ValidArticle } from './types.ts';

export interface ValidateOptions {
  /** The clock that "in the future" is judged against; defaults to the current time. */
  now?: Date;
  /** Largest accepted `text`, in UTF-8 bytes as sent; defaults to 1,000,000. */
  maxTextBytes?: number;
}

/** `warning`: the record is valid but something about it needs a look (HTML cleaning removed much of its text). */
export type ValidationResult = { ok: true; article: ValidArticle; warning: IngestError | null } | { ok: false; error: IngestError };

const DEFAULT_MAX_TEXT_BYTES = 1_000_000;
const TITLE_MAX_CHARS = 120;
const DAY_MS = 86_400_000;
/** The fields of an article record (ArticleInput), all strings. */
export const ARTICLE_FIELDS = ['title', 'text', 'url', 'publishedAt', 'source', 'language', 'contentType'] as const;
/** Cleaning that removes more than this share of a document's text (beyond the tags) is reported. */
const REMOVED_SHARE_REPORTED = 0.1;

class Invalid extends Error {
  constructor(
    message: string,
    readonly code: 'INVALID_ARTICLE' | 'INVALID_ENCODING' = 'INVALID_ARTICLE',
  ) {
    super(message);
  }
}

/**
 * Rules, in the order they are checked:
 * - The record must be a plain object. Fields other than title, text, url, publishedAt, source and
 *   language (e.g. `id`, `licence`) are ignored.
 * - Each of those fields is either absent/null or a string; any other type is refused naming the field.
 *   A string that is empty after trimming counts as absent (except `text`, which is then "empty").
 * - `text` is required. It is measured before any cleaning, so the limit also bounds the work done here.
 * - Text with NUL characters (binary data) or U+FFFD (bytes that were not UTF-8, replaced when decoded) is
 *   refused as INVALID_ENCODING, as the file readers refuse such files.
 * - `contentType` is "text/plain" or "text/html" (parameters such as "; charset=utf-8" are ignored) or absent.
 *   Text is HTML when it says so, or, without a contentType, when its structure leaves no doubt: it starts
 *   with <!doctype html> or <html>, or every known element in it that is opened is also closed (so prose
 *   that mentions "the <b> element" or "x<y and y>z" stays as it is). HTML is turned into plain text;
 *   the content of script, style and similar elements and comments is removed only up to their end
 *   (an unclosed one removes its tag only), and when that removes more than 10% of the text, the
 *   article is accepted with a warning (TEXT_REMOVED) saying what was removed.
 * - Text is normalised so the same article always hashes the same: Unicode NFC, line endings to "\n",
 *   control characters other than tab/newline removed, trailing spaces on lines removed, trimmed.
 * - `title` is cleaned the same way and folded onto one line; when absent it is the first sentence of
 *   the text's first line, cut at ~120 characters on a word boundary (with "…").
 * - `url` must be an absolute http(s) URL and is normalised (see normaliseUrl).
 * - `publishedAt` is parsed by parsePublicationDate and stored as UTC ISO; more than a day after `now`
 *   is refused (a day of slack covers time zones and clock skew).
 * - `source` is a trimmed single-line string or null; `language` defaults to "en" and must be a
 *   BCP-47 tag with a 2–3 letter primary language; it is stored in canonical case ("en-US").
 * - `contentHash` = sha256(title + "\n" + text); `id` = "a" + 20 hex chars of sha256(url) when there is a
 *   url (new text under the same url updates that article), else of the content hash.
 */
export function validateArticle(input: unknown, options: ValidateOptions = {}): ValidationResult {
  try {
    return { ok: true, ...buildArticle(input, options) };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, error: { code: error.code, message: error.message } };
    throw error;
  }
}

function buildArticle(input: unknown, options: ValidateOptions): { article: ValidArticle; warning: IngestError | null } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new Invalid(`article must be an object, got ${describeType(input)}`);
  }
  const record = input as Record<string, unknown>;
  const fields: Partial<Record<(typeof ARTICLE_FIELDS)[number], string>> = {};
  for (const name of ARTICLE_FIELDS) {
    const value = record[name];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') throw new Invalid(`${name} must be a string, got ${describeType(value)}`);
    fields[name] = value;
  }

  const declared = declaredHtml(fields.contentType);
  const { text, warning } = cleanText(fields.text, declared, options.maxTextBytes ?? DEFAULT_MAX_TEXT_BYTES);
  const title = cleanTitle(fields.title, declared) ?? titleFromText(text);
  const url = fields.url?.trim() ? normaliseUrl(fields.url.trim()) : null;
  const publishedAt = fields.publishedAt?.trim() ? normalisePublishedAt(fields.publishedAt.trim(), options.now ?? new Date()) : null;
  const source = fields.source?.trim() ? oneLine(fields.source) : null;
  const language = fields.language?.trim() ? normaliseLanguage(fields.language.trim()) : 'en';

  const contentHash = sha256(`${title}\n${text}`);
  const id = `a${(url ? sha256(url) : contentHash).slice(0, 20)}`;
  return { article: { id, title, text, url, source, language, publishedAt, contentHash }, warning };
}

/** true for text/html, false for text/plain, null when not declared. */
function declaredHtml(contentType: string | undefined): boolean | null {
  if (contentType === undefined || !contentType.trim()) return null;
  const type = contentType.split(';')[0].trim().toLowerCase();
  if (type === 'text/html') return true;
  if (type === 'text/plain') return false;
  throw new Invalid(`contentType "${contentType}" is neither text/plain nor text/html`);
}

function cleanText(raw: string | undefined, declared: boolean | null, maxBytes: number): { text: string; warning: IngestError | null } {
  if (raw === undefined) throw new Invalid('text is required');
  const bytes = Buffer.byteLength(raw, 'utf8');
  if (bytes > maxBytes) throw new Invalid(`text is ${bytes} bytes, over the limit of ${maxBytes} bytes`);
  if (!raw.trim()) throw new Invalid('text is empty');
  // The same rule as the file readers' INVALID_ENCODING, for text that arrives already decoded (JSON, GraphQL).
  if (raw.includes('\u0000')) throw new Invalid('text contains NUL characters: binary data, not text', 'INVALID_ENCODING');
  if (raw.includes('\ufffd')) {
    throw new Invalid('text contains U+FFFD replacement characters: it was not valid UTF-8 where it came from (binary data or another encoding)', 'INVALID_ENCODING');
  }
  if (declared ?? isHtmlDocument(raw)) {
    const text = normaliseText(htmlToText(raw));
    if (!text) throw new Invalid('text is empty once its HTML markup is removed');
    return { text, warning: removedWarning(raw, text) };
  }
  const text = normaliseText(raw);
  if (!text) throw new Invalid('text is empty');
  return { text, warning: null };
}

/**
 * A title is judged on its own (a JSON record's title is often plain beside an HTML text): HTML when
 * declared so or unambiguous markup itself; otherwise its entities are decoded and nothing is removed.
 */
function cleanTitle(raw: string | undefined, declared: boolean | null): string | null {
  if (raw === undefined) return null;
  const html = declared ?? isHtmlDocument(raw);
  const title = oneLine(html ? htmlToText(raw) : declared === false ? raw : decodeEntities(raw));
  return title || null;
}

function normaliseText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/[ \t\u00a0]+$/gm, '')
    .trim();
}

function oneLine(text: string): string {
  return normaliseText(text).replace(/\s+/g, ' ');
}

// ---------------------------------------------------------------------------------------------
// Title from text

// Words that end in a full stop without ending the sentence ("Mr. Lavrov", "U.S. officials").
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'adm', 'gov',
  'sen', 'rep', 'pres', 'rev', 'hon', 'no', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'jan', 'feb', 'mar', 'apr',
  'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'approx', 'dept', 'est', 'fig', 'mt', 'ft',
]);
const SENTENCE_END = /[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[\p{Lu}\d])/gu;

function titleFromText(text: string): string {
  const firstLine = text.split('\n', 1)[0].trim();
  return cutAtWord(firstSentence(firstLine), TITLE_MAX_CHARS);
}

function firstSentence(line: string): string {
  for (const match of line.matchAll(SENTENCE_END)) {
    const before = line.slice(0, match.index);
    if (match[0].startsWith('.') && !match[0].startsWith('..') && isAbbreviation(before)) continue;
    return line.slice(0, match.index + match[0].length);
  }
  return line;
}

function isAbbreviation(textBeforeDot: string): boolean {
  const word = /([\p{L}.]+)$/u.exec(textBeforeDot)?.[1] ?? '';
  // Initials ("J. Smith") and dotted acronyms ("U.S", "U.N") as well as the listed titles.
  return word.length === 1 || /^(?:\p{L}\.)+\p{L}$/u.test(word) || ABBREVIATIONS.has(word.toLowerCase());
}

function cutAtWord(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const head = chars.slice(0, max + 1).join('');
  const space = head.lastIndexOf(' ');
  // A word longer than half the limit is cut mid-word rather than leaving a stub of a title.
  const cut = space > max / 2 ? head.slice(0, space) : chars.slice(0, max).join('');
  return `${cut.replace(/[\s,;:–—-]+$/u, '')}…`;
}

// ---------------------------------------------------------------------------------------------
// HTML

const BLOCK_TAGS = 'p|div|h[1-6]|ul|ol|table|thead|tbody|tfoot|blockquote|article|section|header|footer|nav|aside|main|figure|figcaption|pre|hr|dl|address|form|fieldset|details|summary|html|body|title';
const LINE_TAGS = 'li|tr|dt|dd|caption';
const CELL_TAGS = 'td|th';
const KNOWN_TAGS = `${BLOCK_TAGS}|${LINE_TAGS}|${CELL_TAGS}|br|head|span|a|b|i|u|em|strong|img|script|style|code|font|center|small|sup|sub|abbr|cite|q|time|mark|iframe|noscript`;
// Quoted attribute values may contain ">".
const ATTRIBUTES = `(?:"[^"]*"|'[^']*'|[^'">])*`;
const tag = (names: string, closing = true) => new RegExp(`<${closing ? '\\/?' : ''}(?:${names})(?:\\s${ATTRIBUTES})?\\/?>`, 'gi');

const HTML_MARKUP = new RegExp(`<\\/?(?:${KNOWN_TAGS})(?:\\s${ATTRIBUTES})?\\/?>|<!doctype\\s+html`, 'i');
const HTML_ENTITY = /&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i;
const BLOCK = tag(BLOCK_TAGS);
// List items, rows and cells separate at their start only, so "</li><li>" is one line break, not two.
const LINE = tag(LINE_TAGS, false);
const CELL = tag(CELL_TAGS, false);
const BREAK = tag('br');
const ANY_TAG = new RegExp(`<\\/?[a-z][\\w:-]*(?:\\s${ATTRIBUTES})?\\/?>|<![^>]*>|<\\?[^>]*>`, 'gi');
// Elements whose content is never article text, up to their end. An unclosed one is not removed
// (only its tag, with the other tags): its "content" would be the rest of the article.
const INVISIBLE = /<(script|style|noscript|template|head|svg)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const COMMENT = /<!--[\s\S]*?-->/g;
const DOCUMENT_START = /^\s*(?:<!doctype\s+html|<html[\s>])/i;
const KNOWN_TAG = new RegExp(`<(\\/?)(${KNOWN_TAGS})(?:\\s${ATTRIBUTES})?(\\/?)>`, 'gi');
// Elements that have no closing tag.
const VOID_ELEMENTS = new Set(['br', 'hr', 'img']);

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', bull: '•', middot: '·',
  copy: '©', reg: '®', trade: '™', deg: '°', euro: '€', pound: '£', yen: '¥', cent: '¢', times: '×',
  shy: '',
};

/**
 * Whether text is HTML by its structure alone: it starts as a document does, or it has known tags and
 * every known element opened in it is closed as often. Prose that mentions a tag ("the <b> element")
 * opens it without closing it.
 */
function isHtmlDocument(text: string): boolean {
  if (DOCUMENT_START.test(text)) return true;
  if (!HTML_MARKUP.test(text)) return false;
  const balance = new Map<string, number>();
  for (const [, closing, name, selfClosing] of text.matchAll(KNOWN_TAG)) {
    const element = name.toLowerCase();
    if (VOID_ELEMENTS.has(element) || selfClosing) continue;
    balance.set(element, (balance.get(element) ?? 0) + (closing ? -1 : 1));
  }
  return [...balance.values()].every((open) => open === 0);
}

function visibleLength(text: string): number {
  return text.replace(/\s+/g, '').length;
}

/** TEXT_REMOVED when comments and invisible elements held more than REMOVED_SHARE_REPORTED of the text between the tags. */
function removedWarning(html: string, cleaned: string): IngestError | null {
  const everything = visibleLength(decodeEntities(html.replace(ANY_TAG, '')));
  const removed = everything - visibleLength(cleaned);
  if (everything === 0 || removed / everything <= REMOVED_SHARE_REPORTED) return null;
  const kinds = new Map<string, number>();
  for (const [, name] of html.matchAll(INVISIBLE)) {
    const kind = `<${name.toLowerCase()}>`;
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  const comments = html.match(COMMENT)?.length ?? 0;
  if (comments > 0) kinds.set('comments', comments);
  const what = [...kinds].map(([kind, n]) => `${kind} ×${n}`).join(', ');
  return {
    code: 'TEXT_REMOVED',
    message: `cleaning the HTML removed ${removed} of ${everything} characters (${Math.round((removed / everything) * 100)}%) inside ${what}; send contentType "text/plain" if the text is not HTML`,
  };
}

/** Plain text from an HTML fragment or page: blocks become paragraphs, <br> a line break, tags vanish. */
function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(COMMENT, ' ')
      .replace(INVISIBLE, ' ')
      // Whitespace in HTML source is layout, not content; structure comes from the tags below.
      .replace(/[ \t\n\r\f]+/g, ' ')
      .replace(BREAK, '\n')
      .replace(BLOCK, '\n\n')
      .replace(LINE, '\n')
      .replace(CELL, ' ')
      .replace(ANY_TAG, ''),
  )
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Decoded after the tags are gone, so "&lt;p&gt;" stays visible text rather than becoming a tag. */
function decodeEntities(text: string): string {
  return text.replace(/&(#\d+|#x[\da-f]+|[a-z][a-z\d]*);/gi, (entity, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
      return valid ? String.fromCodePoint(code) : '\ufffd';
    }
    return NAMED_ENTITIES[body] ?? NAMED_ENTITIES[body.toLowerCase()] ?? entity;
  });
}

// ---------------------------------------------------------------------------------------------
// url, publishedAt, language

/**
 * Same page, same string: the host is lowercased and default ports dropped (by URL itself), the fragment
 * dropped, a trailing slash dropped from any path other than "/", and `utm_*` tracking parameters
 * removed; the other parameters keep their order and encoding.
 */
function normaliseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Invalid(`url "${raw}" is not an absolute http(s) URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Invalid(`url "${raw}" is not an absolute http(s) URL (scheme ${url.protocol.slice(0, -1)})`);
  }
  url.hash = '';
  if (url.pathname !== '/') url.pathname = url.pathname.replace(/\/+$/, '') || '/';
  if (url.search) {
    const kept = url.search.slice(1).split('&').filter((pair) => pair && !/^utm_/i.test(pair));
    url.search = kept.length ? `?${kept.join('&')}` : '';
  }
  return url.href;
}

function normalisePublishedAt(raw: string, now: Date): string {
  const parsed = parsePublicationDate(raw);
  if (!parsed.ok) throw new Invalid(`publishedAt "${raw}" ${parsed.problem}`);
  if (parsed.time > now.getTime() + DAY_MS) throw new Invalid(`publishedAt ${raw} is in the future`);
  return parsed.iso;
}

// language[-script][-region][-variant...][-extensions]: the shapes a client really sends.
const BCP47 = /^[a-z]{2,3}(?:-[a-z]{4})?(?:-(?:[a-z]{2}|\d{3}))?(?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*(?:-[a-wyz\d](?:-[a-z\d]{2,8})+)*(?:-x(?:-[a-z\d]{1,8})+)?$/i;

function normaliseLanguage(raw: string): string {
  const candidate = raw.replace(/_/g, '-');
  if (!BCP47.test(candidate)) throw new Invalid(`language "${raw}" is not a BCP-47 language tag (e.g. "en", "en-GB")`);
  try {
    return Intl.getCanonicalLocales(candidate)[0];
  } catch {
    throw new Invalid(`language "${raw}" is not a BCP-47 language tag (e.g. "en", "en-GB")`);
  }
}

// ---------------------------------------------------------------------------------------------

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
