/** String helpers shared by the extraction modules: folding, slugs and name keys. */

/** Removes diacritics and normalises typographic apostrophes: "Gdańsk" → "Gdansk", "O’Brien" → "O'Brien". */
const PLAIN = /^[\x20-\x5f\x61-\x7e]*$/;

export function fold(s: string): string {
  if (PLAIN.test(s)) return s; // ASCII without backquotes: nothing to fold
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[’‘ʼ`´]/g, "'")
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/ø/g, 'o')
    .replace(/Ø/g, 'O')
    .replace(/ß/g, 'ss');
}

/** A URL-safe identity fragment: "Kurt Volker" → "kurt-volker", "Gdańsk" → "gdansk". */
export function slug(s: string): string {
  return fold(s)
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * A spelling-tolerant key for one name word, so that transliteration variants meet:
 * Sergei/Sergey → "sergei", Aleksei/Alexey → "aleksei", Yevgeny/Evgeny → "evgeni", Zelenskyy/Zelensky.
 */
const wordKeyCache = new Map<string, string>();

export function nameWordKey(word: string): string {
  let key = wordKeyCache.get(word);
  if (key === undefined) {
    key = computeNameWordKey(word);
    if (wordKeyCache.size > 100_000) wordKeyCache.clear();
    wordKeyCache.set(word, key);
  }
  return key;
}

function computeNameWordKey(word: string): string {
  let s = fold(word).toLowerCase().replace(/[^a-z]/g, '');
  s = s
    .replace(/^ye/, 'e')
    .replace(/x/g, 'ks')
    .replace(/kh/g, 'h')
    .replace(/ph/g, 'f')
    .replace(/w/g, 'v')
    .replace(/tz|ts/g, 'c')
    .replace(/y/g, 'i')
    .replace(/j/g, 'i')
    .replace(/(.)\1+/g, '$1');
  return s.replace(/ii$/, 'i').replace(/ie$/, 'i');
}

/** Key of a whole name: its words' keys joined by spaces. */
export function nameKey(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter(Boolean)
    .map(nameWordKey)
    .filter(Boolean)
    .join(' ');
}

export function isCapitalized(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

export function isAllCaps(word: string): boolean {
  return /^\p{Lu}[\p{Lu}\d.&-]*$/u.test(word) && /\p{Lu}.*\p{Lu}/u.test(word.replace(/\./g, '') + word.slice(0, 1));
}

/** ASCII word character, as `\w` in a regular expression without the `u` flag. */
function isWordChar(s: string, i: number): boolean {
  if (i < 0 || i >= s.length) return false;
  const c = s.charCodeAt(i);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** `\b` at position i of s. */
function isBoundary(s: string, i: number): boolean {
  return isWordChar(s, i - 1) !== isWordChar(s, i);
}

/**
 * Whether `text` contains `phrase` between word boundaries: the same answer as testing `text`
 * against `\b` + the escaped phrase + `\b` (a RegExp without flags), without compiling one.
 */
export function containsWord(text: string, phrase: string): boolean {
  if (phrase === '') {
    for (let i = 0; i <= text.length; i++) if (isBoundary(text, i)) return true;
    return false;
  }
  for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + 1)) {
    if (isBoundary(text, i) && isBoundary(text, i + phrase.length)) return true;
  }
  return false;
}
