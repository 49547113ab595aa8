/**
 * A CoNLL-2003-like tokenizer: the tagger was trained on text split this way, so runtime text
 * must be split the same way. Offsets are UTF-16 code units into the input, end exclusive.
 */

export interface Token {
  text: string;
  start: number;
  end: number;
}

/** Abbreviations that keep their period (compared case-sensitively, without the period). */
const ABBREVIATIONS = new Set(
  (
    'Mr Mrs Ms Dr Prof St Sr Jr Gen Col Lt Maj Capt Cpt Sgt Cmdr Adm Rep Reps Sen Gov Pres Rev Hon Fr Mt Ft ' +
    'Inc Corp Co Ltd Bros Cie Plc Dept Univ Assn Ave Blvd Rd No Nos vs etc al approx est ' +
    'Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Ariz Calif Colo Conn Fla Ill Ind Kan Mass Mich Minn ' +
    'Miss Nev Okla Ore Penn Tenn Tex Va Vt Wash Wis Wyo'
  ).split(' '),
);

// Order matters: the first alternative that matches at a position wins.
const TOKEN_PATTERN = new RegExp(
  [
    String.raw`https?://[^\s"<>]+[^\s"<>.,;:!?)\]']`, // URLs
    String.raw`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`, // e-mail addresses
    String.raw`(?:\p{L}\.){2,}(?!\p{L})`, // U.S. / U.S.A. / a.m.
    String.raw`\p{Lu}\.(?=\s|$)`, // initials: "J. Smith"
    String.raw`\d[\d.,:/]*\d(?:-\d+)*`, // 1,000  3.5  1996-08-22  10:30  3-1
    String.raw`\d`,
    // Words: letters/digits joined by hyphens, apostrophes, ampersands or inner periods
    // ("anti-Russian", "O'Brien", "AT&T", "Amazon.com"); clitics are split off below.
    String.raw`[\p{L}\p{M}\p{N}]+(?:[-'’&.][\p{L}\p{M}\p{N}]+)*`,
    String.raw`\.{2,}|-{2,}|…`,
    String.raw`''|\x60\x60`,
    String.raw`\S`,
  ].join('|'),
  'uy',
);

const CLITIC = /(?:n['’]t|['’](?:s|re|ve|ll|d|m))$/iu;

function pushWord(tokens: Token[], word: string, start: number, text: string, limit: number): void {
  const end = start + word.length;
  // A trailing abbreviation period was not part of the word match: absorb it.
  if (end < limit && text.charCodeAt(end) === 46 /* . */ && ABBREVIATIONS.has(word)) {
    tokens.push({ text: word + '.', start, end: end + 1 });
    return;
  }
  // A clitic has an apostrophe: most words need no regular expression.
  const clitic = word.includes("'") || word.includes('’') ? CLITIC.exec(word) : null;
  if (clitic && clitic.index > 0) {
    const cut = start + clitic.index;
    tokens.push({ text: word.slice(0, clitic.index), start, end: cut });
    tokens.push({ text: clitic[0], start: cut, end });
    return;
  }
  tokens.push({ text: word, start, end });
}

/** Splits `text` (or `text.slice(from, to)`, keeping offsets into `text`) into tokens. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    // (ASCII white space is 9-13 and 32: the regular expression only for other characters.)
    if (c === 32 || (c >= 9 && c <= 13) || c === 160 || (c >= 128 && /\s/u.test(text[i]))) {
      i++;
      continue;
    }
    TOKEN_PATTERN.lastIndex = i;
    const m = TOKEN_PATTERN.exec(text);
    let word = m ? m[0] : text[i];
    if (i + word.length > to) word = text.slice(i, to);
    const first = word.charCodeAt(0);
    const wordLike = first < 128 ? (first >= 48 && first <= 57) || (first >= 65 && first <= 90) || (first >= 97 && first <= 122) : /^[\p{L}\p{M}\p{N}]/u.test(word);
    if (wordLike && !/[.@/]/.test(word.slice(-1))) {
      pushWord(tokens, word, i, text, to);
      i = tokens[tokens.length - 1].end;
    } else {
      tokens.push({ text: word, start: i, end: i + word.length });
      i += word.length;
    }
  }
  return tokens;
}
