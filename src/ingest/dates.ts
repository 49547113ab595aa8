/**
 * Publication dates as they appear in article metadata ("2017-08-10", "2017-08-10T14:00:00+02:00",
 * "Thursday, August 10, 2017", "Thu, 10 Aug 2017 14:00:00 +0000") turned into one UTC instant.
 * Dates inside article text are the extraction team's job (src/extract), not this module's.
 */

export type ParsedDate = { ok: true; iso: string; time: number } | { ok: false; problem: string };

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5,
  june: 6, jun: 6, july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9,
  october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};

const MONTH = '(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?';
// The weekday is accepted and ignored: feeds get it wrong more often than the date itself.
const WEEKDAY = '(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)\\.?,?\\s+)?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const ZONE = '(z|utc|gmt|[+-]\\d{2}(?::?\\d{2})?)';
// An optional clock time after an English date, as in RFC 2822 feeds or "August 10, 2017, 2:30 pm UTC".
const TIME = `(?:(?:\\s+at\\s+|,?\\s+)(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\s*(am|pm))?(?:\\s*${ZONE})?)?`;

const ISO = new RegExp(`^(\\d{4})-(\\d{2})-(\\d{2})(?:[t ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?\\s*${ZONE}?)?$`, 'i');
const MONTH_DAY_YEAR = new RegExp(`^${WEEKDAY}${MONTH}\\s+${DAY},?\\s+(\\d{4})${TIME}$`, 'i');
const DAY_MONTH_YEAR = new RegExp(`^${WEEKDAY}${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})${TIME}$`, 'i');

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  meridiem?: string;
  zone?: string;
}

/**
 * Rules:
 * - ISO 8601 dates ("2017-08-10") are midnight UTC; ISO date-times with a zone ("Z", "+02:00", "+0200")
 *   are converted to UTC; an ISO date-time without a zone is taken as UTC (the usual server convention).
 * - English forms: "August 10, 2017", "Aug. 10 2017", "10 August 2017", "10th of August, 2017", with an
 *   optional leading weekday and an optional trailing time ("14:00", "2:30 pm", "14:00:00 +0000", "UTC").
 * - Calendar-impossible values ("2017-13-45", "2017-02-30", "25:00") are refused, never rolled over.
 * - Numeric forms such as "08/10/2017" are refused: month-first and day-first readings both exist.
 */
export function parsePublicationDate(raw: string): ParsedDate {
  const value = raw.trim().replace(/\s+/g, ' ');
  const parts = matchParts(value);
  if (!parts) {
    return { ok: false, problem: 'is not a recognised date (use YYYY-MM-DD, an ISO date-time, or e.g. "August 10, 2017")' };
  }
  const time = toUtcTime(parts);
  if (time === null) return { ok: false, problem: 'is not a valid calendar date or time' };
  return { ok: true, iso: new Date(time).toISOString(), time };
}

function matchParts(value: string): Parts | null {
  let m = ISO.exec(value);
  if (m) {
    return {
      year: +m[1], month: +m[2], day: +m[3],
      hour: m[4] ? +m[4] : 0, minute: m[5] ? +m[5] : 0, second: m[6] ? +m[6] : 0,
      millisecond: m[7] ? +m[7].slice(0, 3).padEnd(3, '0') : 0,
      zone: m[8],
    };
  }
  m = MONTH_DAY_YEAR.exec(value);
  if (m) return englishParts(m[1], m[2], m[3], m.slice(4));
  m = DAY_MONTH_YEAR.exec(value);
  if (m) return englishParts(m[2], m[1], m[3], m.slice(4));
  return null;
}

function englishParts(month: string, day: string, year: string, time: string[]): Parts {
  const [hour, minute, second, meridiem, zone] = time;
  return {
    year: +year, month: MONTHS[month.toLowerCase()], day: +day,
    hour: hour ? +hour : 0, minute: minute ? +minute : 0, second: second ? +second : 0, millisecond: 0,
    meridiem: meridiem?.toLowerCase(), zone,
  };
}

/** Milliseconds since the epoch, or null when any field is out of range for the calendar. */
function toUtcTime(p: Parts): number | null {
  if (p.month < 1 || p.month > 12) return null;
  if (p.day < 1 || p.day > daysInMonth(p.year, p.month)) return null;
  let hour = p.hour;
  if (p.meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (p.meridiem === 'pm' ? 12 : 0);
  }
  if (hour > 23 || p.minute > 59 || p.second > 59) return null;
  const offset = zoneOffsetMinutes(p.zone);
  if (offset === null) return null;
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0-99 to 1900-1999.
  date.setUTCFullYear(p.year, p.month - 1, p.day);
  date.setUTCHours(hour, p.minute, p.second, p.millisecond);
  return date.getTime() - offset * 60_000;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function zoneOffsetMinutes(zone: string | undefined): number | null {
  if (!zone || /^(z|utc|gmt)$/i.test(zone)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!m) return null;
  const hours = +m[2];
  const minutes = m[3] ? +m[3] : 0;
  if (hours > 14 || minutes > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}
