/**
 * Word tokens with offsets (UTF-16, end exclusive). Dotted abbreviations ("U.S.", "a.m.") and
 * title abbreviations ("Mr.", "Gen.") keep their period; a possessive "'s" is split off.
 */

export interface Token {
  text: string;
  start: number;
  end: number;
  /** Index of the sentence the token belongs to (filled in by `tokenizeSentences`). */
  sentence: number;
  /** First word token of its sentence (after any opening quotes or brackets). */
  sentenceStart: boolean;
}

/** Abbreviations written with a final period that does not end a sentence. */
export const ABBREVIATIONS = new Set(
  (
    'Mr Mrs Ms Messrs Dr Prof St Sr Jr Gen Col Lt Maj Capt Cpt Sgt Cmdr Adm Rep Reps Sen Sens Gov Pres Rev Hon Fr ' +
    'Mt Ft Inc Corp Co Ltd Bros Plc Dept Univ Assn Ave Blvd Rd No Nos vs etc al approx est Amb Supt Insp Gens ' +
    'Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Ariz Calif Colo Conn Fla Ill Ind Kan Mass Mich Minn ' +
    'Nev Okla Ore Penn Tenn Tex Va Vt Wash Wis Wyo'
  ).split(' '),
);

const TOKEN = new RegExp(
  [
    String.raw`(?:\p{L}\.){2,}(?!\p{L})`, // U.S.  U.S.A.  a.m.
    String.raw`\d[\d.,:/]*\d|\d`, // 1,000  3.5  2017-08-10 is split at '-' on purpose
    String.raw`[\p{L}\p{M}\p{N}]+(?:[-'’&][\p{L}\p{M}\p{N}]+)*`,
    String.raw`\S`,
  ].join('|'),
  'gu',
);

const POSSESSIVE = /['’]s$/i;

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = from;
  const slice = to === text.length ? text : text.slice(0, to);
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(slice))) {
    let word = m[0];
    const start = m.index;
    let end = start + word.length;
    // Wikinews captions glued to a name: "Jo JorgensenImage: …".
    const caption = word.endsWith('Image') ? /^(.*\p{Ll})(Image)$/u.exec(word) : null;
    if (caption) {
      out.push(tok(caption[1], start, start + caption[1].length));
      out.push(tok(caption[2], start + caption[1].length, end));
      continue;
    }
    // "then-New Jersey Governor": the name after "then-" is a token of its own.
    if (/^then-\p{Lu}/u.test(word)) {
      out.push(tok('then-', start, start + 5));
      TOKEN.lastIndex = start + 5;
      continue;
    }
    if (POSSESSIVE.test(word) && word.length > 2) {
      out.push(tok(word.slice(0, -2), start, end - 2));
      out.push(tok(word.slice(-2), end - 2, end));
      continue;
    }
    if (end < slice.length && slice.charCodeAt(end) === 46 && ABBREVIATIONS.has(word)) {
      word += '.';
      end += 1;
      TOKEN.lastIndex = end;
    } else if (end < slice.length && slice.charCodeAt(end) === 46 && /^\p{Lu}$/u.test(word) && /^\s\p{Lu}/u.test(slice.slice(end + 1, end + 3))) {
      // An initial: "John F. Kennedy".
      word += '.';
      end += 1;
      TOKEN.lastIndex = end;
    }
    out.push(tok(word, start, end));
  }
  return out;
}

function tok(text: string, start: number, end: number): Token {
  return { text, start, end, sentence: 0, sentenceStart: false };
}

export function isWord(t: Token): boolean {
  return /^[\p{L}\p{N}]/u.test(t.text);
}
