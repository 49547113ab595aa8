/**
 * Dates in news text, resolved against the publication date. Pure functions.
 *
 * News reports the past: a bare weekday ("on Sunday") is the most recent such day on or before the
 * publication date, "in July" is the latest July not after the publication month; only "next" /
 * "this coming" look forward. Values are ISO strings at the precision the text gives:
 * "2017-08-06" (day), "2017-07" (month), "2017" (year).
 */

export type DatePrecision = 'day' | 'month' | 'year';

export interface DateMention {
  start: number;
  end: number;
  text: string;
  value: string;
  precision: DatePrecision;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_ABBR: Record<string, number> = {};
MONTHS.forEach((m, i) => {
  MONTH_ABBR[m] = i + 1;
  MONTH_ABBR[m.slice(0, 3)] = i + 1;
});
MONTH_ABBR.sept = 9;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** A calendar date as UTC midnight; null if `iso` does not start with YYYY-MM-DD. */
export function parseIsoDate(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return Number.isNaN(d.getTime()) ? null : d;
}

export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * 86_400_000);
}

/** The weekday (0 = Sunday) on or before `ref`, or strictly after it when `forward`. */
export function resolveWeekday(ref: Date, weekday: number, direction: 'back' | 'forward' | 'last' = 'back'): Date {
  const today = ref.getUTCDay();
  if (direction === 'forward') return addDays(ref, ((weekday - today + 7) % 7) || 7);
  const back = (today - weekday + 7) % 7;
  // "last Monday" said on a Monday means a week ago, not today.
  return addDays(ref, -(direction === 'last' && back === 0 ? 7 : back));
}

/** The latest (year, month) not after the reference month, or the next one when `forward`. */
export function resolveMonth(ref: Date, month: number, forward = false): string {
  const y = ref.getUTCFullYear();
  const m = ref.getUTCMonth() + 1;
  const year = forward ? (month > m ? y : y + 1) : month <= m ? y : y - 1;
  return `${year}-${pad(month)}`;
}

/** Day and month without a year: the latest such date not after the reference (or the next one). */
export function resolveDayMonth(ref: Date, month: number, day: number, forward = false): string {
  const y = ref.getUTCFullYear();
  const sameYear = Date.UTC(y, month - 1, day);
  const year = forward ? (sameYear >= ref.getTime() ? y : y + 1) : sameYear <= ref.getTime() ? y : y - 1;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function validDay(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

const MONTH_RE = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const WEEKDAY_RE = '(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)';

// One pattern, alternatives tried left to right at each position; named groups tell which matched.
const DATE_PATTERN = new RegExp(
  [
    `(?<iso>\\b(\\d{4})-(\\d{2})-(\\d{2})\\b)`,
    `(?<mdy>\\b${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b)`,
    `(?<dmy>\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_RE}(?:,?\\s+(\\d{4}))?\\b)`,
    `(?<my>\\b(?:(early|mid|late|mid-)\\s*)?${MONTH_RE}(?:\\s+(?:of\\s+)?(\\d{4}))?\\b)`,
    `(?<wd>\\b(?:(next|last|this|this coming|this past|on|On)\\s+)?${WEEKDAY_RE}\\b)`,
    `(?<rel>\\b(yesterday|today|tomorrow|tonight|last night|this morning|this afternoon|this evening|Yesterday|Today|Tomorrow|Tonight|Last night|This morning|This afternoon|This evening)\\b)`,
    `(?<relp>\\b(last|next|this|Last|Next|This)\\s+(week|month|year)\\b)`,
    `(?<ago>\\b(\\d+|one|two|three|four|five|six|seven|eight|nine|ten)\\s+(day|week|month|year)s?\\s+ago\\b)`,
    `(?<yr>\\b(?:in|In|since|Since|during|During|of|by|By)\\s+((?:19|20)\\d{2})\\b)`,
  ].join('|'),
  'g',
);

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

function monthNumber(s: string): number {
  return MONTH_ABBR[s.toLowerCase().replace(/\.$/, '').slice(0, s.toLowerCase().startsWith('sept') ? 4 : 3)] ?? MONTH_ABBR[s.toLowerCase().slice(0, 3)];
}

/**
 * All date expressions in `text[from, to)`, resolved against `published` (ISO date). Relative
 * expressions are dropped when there is no publication date; absolute ones are always kept.
 */
export function findDates(text: string, published?: string | null, from = 0, to = text.length): DateMention[] {
  const ref = parseIsoDate(published ?? null);
  const out: DateMention[] = [];
  const slice = text.slice(0, to);
  DATE_PATTERN.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = DATE_PATTERN.exec(slice))) {
    const g = m.groups!;
    const value = resolveMatch(m, g, ref, text, m.index + m[0].length);
    if (value) out.push({ start: m.index, end: m.index + m[0].length, text: m[0], ...value });
  }
  return out;
}

function resolveMatch(
  m: RegExpExecArray,
  g: Record<string, string | undefined>,
  ref: Date | null,
  text: string,
  end: number,
): { value: string; precision: DatePrecision } | null {
  const forward = ref !== null && /\b(?:will|to be|is due|are due|scheduled|planned|expected)\b[^.]{0,40}$/.test(text.slice(Math.max(0, m.index - 60), m.index));
  if (g.iso) {
    const [y, mo, d] = [+m[2], +m[3], +m[4]];
    return validDay(y, mo, d) ? { value: `${m[2]}-${m[3]}-${m[4]}`, precision: 'day' } : null;
  }
  if (g.mdy) {
    const month = monthNumber(m[6]);
    const day = +m[7];
    if (!month || day < 1 || day > 31) return null;
    if (m[8]) return validDay(+m[8], month, day) ? { value: `${m[8]}-${pad(month)}-${pad(day)}`, precision: 'day' } : null;
    return ref ? { value: resolveDayMonth(ref, month, day, forward), precision: 'day' } : null;
  }
  if (g.dmy) {
    const day = +m[10];
    const month = monthNumber(m[11]);
    if (!month || day < 1 || day > 31) return null;
    if (m[12]) return validDay(+m[12], month, day) ? { value: `${m[12]}-${pad(month)}-${pad(day)}`, precision: 'day' } : null;
    return ref ? { value: resolveDayMonth(ref, month, day, forward), precision: 'day' } : null;
  }
  if (g.my) {
    const word = m[15];
    // "May" is too often the verb: require a year or a preposition before it.
    if (/^may$/i.test(word) && !m[16] && !/\b(?:in|In|since|Since|until|by|By|early|late|mid|of)\s+$/.test(text.slice(Math.max(0, m.index - 8), m.index))) return null;
    if (!/^\p{Lu}/u.test(word)) return null;
    const month = monthNumber(word);
    if (!month) return null;
    if (m[16]) return { value: `${m[16]}-${pad(month)}`, precision: 'month' };
    // A bare month needs a cue that it is a time ("in July", "since March") and a reference date.
    if (!/\b(?:in|In|since|Since|until|Until|by|By|during|During|early|late|mid|of|from|From|last|this|next)\s*-?\s*$/.test(text.slice(Math.max(0, m.index - 8), m.index)) && !m[14]) return null;
    return ref ? { value: resolveMonth(ref, month, forward), precision: 'month' } : null;
  }
  if (g.wd) {
    if (!ref) return null;
    const mod = (m[18] ?? '').toLowerCase();
    const weekday = WEEKDAYS.indexOf(m[19].toLowerCase());
    const direction = mod === 'next' || mod === 'this coming' || (forward && mod !== 'last' && mod !== 'this past') ? 'forward' : mod === 'last' ? 'last' : 'back';
    return { value: isoDay(resolveWeekday(ref, weekday, direction)), precision: 'day' };
  }
  if (g.rel) {
    if (!ref) return null;
    const w = m[21].toLowerCase();
    return { value: isoDay(addDays(ref, w === 'yesterday' || w === 'last night' ? -1 : w === 'tomorrow' ? 1 : 0)), precision: 'day' };
  }
  if (g.relp) {
    if (!ref) return null;
    const dir = m[23].toLowerCase();
    const unit = m[24];
    const step = dir === 'last' ? -1 : dir === 'next' ? 1 : 0;
    if (unit === 'year') return { value: String(ref.getUTCFullYear() + step), precision: 'year' };
    if (unit === 'month') {
      const d = new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth() + step, 1));
      return { value: d.toISOString().slice(0, 7), precision: 'month' };
    }
    return null; // "last week" is a range, not a date
  }
  if (g.ago) {
    if (!ref) return null;
    const n = NUMBER_WORDS[m[26].toLowerCase()] ?? +m[26];
    const unit = m[27];
    if (unit === 'day') return { value: isoDay(addDays(ref, -n)), precision: 'day' };
    if (unit === 'week') return { value: isoDay(addDays(ref, -7 * n)), precision: 'day' };
    if (unit === 'month') {
      const d = new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth() - n, 1));
      return { value: d.toISOString().slice(0, 7), precision: 'month' };
    }
    return { value: String(ref.getUTCFullYear() - n), precision: 'year' };
  }
  if (g.yr) return { value: m[29], precision: 'year' };
  void end;
  return null;
}
