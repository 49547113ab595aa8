/**
 * A deterministic synthetic news corpus for benchmarks: wire-style articles about meetings, talks,
 * sanctions, expulsions, elections, statements, accusations, military moves, attacks, protests,
 * agreements and visits, filled with real people, countries, organisations and places from
 * seed/gazetteers. Same seed, same corpus; article i depends only on (seed, i), so a smaller corpus
 * is a prefix of a larger one. Articles are produced one at a time: 100k stream in constant memory.
 *
 *   npx tsx bench/corpus.ts --articles 10000 --seed 1 [--start 2019-01-01] [--days 730] [--out FILE]
 *
 * Popularity is Zipf-like (rank r drawn with weight 1/(r+1)^s): a few people and countries are in
 * most articles, a long tail appears rarely. A fifth of the articles belong to "bursts" (a few days
 * of intense coverage of one event between mid-ranked countries) so that trending has something to find.
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { mulberry32 } from '../src/random.ts';

export interface CorpusArticle {
  title: string;
  text: string;
  url: string;
  publishedAt: string;
  source: string;
}

export interface CorpusOptions {
  articles: number;
  seed: number;
  /** First publication day, YYYY-MM-DD. */
  start?: string;
  /** Length of the publication window in days. */
  days?: number;
  /** Folder holding countries.json, people.json, organizations.json, places.json. */
  gazetteerDir?: string;
  /** Overrides of the generator's exponents (for calibration). */
  popularity?: Partial<Popularity>;
}

const DEFAULT_GAZETTEER_DIR = fileURLToPath(new URL('../seed/gazetteers/', import.meta.url));
const DAY_MS = 86_400_000;
/** Share of articles that belong to a burst of coverage. */
const BURST_SHARE = 0.2;

/**
 * Targets, from the entity frequencies of the Wikinews graph (../shared/data/wikinews.jsonl through
 * the project's extractor: 334 articles, 3,902 entities; `npx tsx bench/corpus-stats.ts --wikinews`):
 * the Zipf rank exponent s of each kind (least squares of log(articles) on log(rank) over its 50 most
 * frequent entities) and the power law of all entities' article counts, P(k) ∝ k^-alpha (maximum
 * likelihood, kmin 1, bench/popularity.ts).
 */
export const WIKINEWS_FIT = { countries: 0.82, people: 0.67, organizations: 0.74, alpha: 2.87 } as const;

/**
 * The generator's exponents, calibrated so that the *extracted* corpus lands on WIKINEWS_FIT (an
 * article draws countries, officials and organisations several times, which steepens what comes out).
 * `tail` draws the made-up people and organisations: s = 1/(alpha-1) = 0.535 of the Wikinews fit.
 */
export interface Popularity {
  /** Countries by rank; an official is drawn through the country (its share of the news is the country's). */
  countries: number;
  organizations: number;
  tail: number;
}
export const POPULARITY: Popularity = { countries: 0.7, organizations: 1.0, tail: 0.535 };
/** Per-month pools of people and organisations in the news (new names every month), and an evergreen pool. */
const TAIL_MONTH_POOL = 40_000;
const TAIL_EVERGREEN_POOL = 400_000;
/** Share of tail draws from the month's own pool (the rest from the evergreen pool). */
const TAIL_MONTH_SHARE = 0.75;

// ---------------------------------------------------------------------------------------------
// Randomness

/** Two integers → one well-mixed 32-bit seed (murmur3's finaliser), so article streams are independent. */
function mixSeed(a: number, b: number): number {
  let h = Math.imul((a ^ 0x9e3779b9) >>> 0, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
}

/** Draws items by rank with Zipf weights 1/(rank+1)^s (or given weights), in O(log n) per draw. */
class Zipf<T> {
  private readonly cumulative: Float64Array;
  /** `s` is the exponent over ranks, or each item's weight when a list. */
  constructor(
    readonly items: T[],
    s: number | number[],
  ) {
    this.cumulative = new Float64Array(items.length);
    let sum = 0;
    for (let r = 0; r < items.length; r++) this.cumulative[r] = sum += typeof s === 'number' ? 1 / Math.pow(r + 1, s) : s[r];
  }
  draw(rng: Rng): T {
    const target = rng.next() * this.cumulative[this.cumulative.length - 1];
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] <= target) lo = mid + 1;
      else hi = mid;
    }
    return this.items[lo];
  }
  /** A draw that satisfies `accept`, by rejection (keeps the Zipf shape among acceptable items), or null. */
  drawWhere(rng: Rng, accept: (item: T) => boolean, tries = 40): T | null {
    for (let i = 0; i < tries; i++) {
      const item = this.draw(rng);
      if (accept(item)) return item;
    }
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// The cast: gazetteer entries shaped for writing

interface Country {
  code: string;
  name: string;
  /** "the United States", "Russia": the form used inside a sentence. */
  inText: string;
  /** Adjective before a title: "U.S.", "Russian". */
  adjective: string;
  demonym: string;
  capital: string;
}

interface Office {
  personName: string;
  surname: string;
  /** Title as written before a name: "Foreign Minister". */
  title: string;
  /** ISO alpha-2 of the office's country, '' for international offices. */
  country: string;
  /** For international offices, how the title is written without a country ("UN Secretary-General"). */
  start: string;
  end: string;
  /** An office without a named holder: always written by title. */
  anonymous?: true;
}

interface Org {
  name: string;
  inText: string;
  kind: string;
  countryCode?: string;
}

interface Place {
  name: string;
  countryCode: string;
  kind: string;
}

interface Cast {
  countries: Zipf<Country>;
  countryByCode: Map<string, Country>;
  offices: Zipf<Office>;
  officesByCountry: Map<string, Zipf<Office>>;
  orgs: Zipf<Org>;
  igos: Org[];
  media: Org[];
  armedGroups: Org[];
  placesByCountry: Map<string, Place[]>;
  neutralCities: string[];
  tail: Tail;
}

/** Countries the news is mostly about, most covered first; the rest follow in a seeded order. */
const TOP_COUNTRIES = [
  'US', 'RU', 'CN', 'UA', 'GB', 'FR', 'DE', 'IN', 'JP', 'IR', 'IL', 'TR', 'SY', 'KP', 'KR', 'SA', 'PL', 'BY',
  'AF', 'IQ', 'VE', 'BR', 'CA', 'IT', 'EG', 'PK', 'PS', 'LY', 'YE', 'QA', 'AE', 'ES', 'AU', 'MX', 'NG', 'ZA',
  'GE', 'AZ', 'AM', 'KZ',
];
const TOP_ORGS = [
  'org:united-nations', 'org:nato', 'org:european-union', 'org:un-security-council', 'org:osce', 'org:iaea',
  'org:who', 'org:imf', 'org:g7', 'org:g20', 'org:european-commission', 'org:world-bank', 'org:opec',
];
/** Organisations written with "the" ("the OSCE", "the Taliban"); inter-governmental ones take it unless listed bare. */
const ARTICLE_ORG = /^(?:United Nations|European|World|International|UN |Council|Federal|Taliban|Islamic State|Red Cross|State |Bundestag|Knesset|Pentagon|Democratic|Republican|Conservative|Labour|Communist|House|US |Supreme|Indian National|Lok Sabha)/;
const BARE_IGO = new Set(['NATO', 'UNESCO', 'UNICEF', 'Interpol', 'ASEAN', 'OPEC']);
const ADJECTIVE: Record<string, string> = { US: 'U.S.', GB: 'British' };
const WITH_ARTICLE = /^(United |Netherlands$|Philippines$|Bahamas$|Gambia$|Maldives$|Comoros$|Seychelles$|Republic of)|(Republic|Islands|Emirates)$/;

/**
 * National offices worth a headline, as written before a name, with how much news they make.
 * Anything not listed (legislators, judges, governors, deputies) is left out of the cast.
 */
const OFFICES: [RegExp, string, number][] = [
  [/^President$/, 'President', 100],
  [/^Prime Minister$/, 'Prime Minister', 80],
  [/^Secretary-General of the United Nations$/, 'UN Secretary-General', 60],
  [/^Secretary of State$/, 'Secretary of State', 60],
  [/^Ministers? (?:of|for) Foreign Affairs$/, 'Foreign Minister', 60],
  [/^Secretary of State for Foreign(?:,| and) Commonwealth(?: and Development)? Affairs$/, 'Foreign Secretary', 55],
  [/^(?:Minister of Defen[cs]e|Minister of the Armed Forces)$/, 'Defence Minister', 40],
  [/^Secretary of Defen[cs]e$/, 'Defense Secretary', 40],
  [/^Secretary of State for Defence$/, 'Defence Secretary', 40],
  [/^Vice President$/, 'Vice President', 30],
  [/^Chancellor of the Exchequer$/, 'Chancellor of the Exchequer', 25],
  [/^Secretary of the Treasury$/, 'Treasury Secretary', 25],
  [/^Minister of (?:Finance|Finances|the Economy and Finance)$/, 'Finance Minister', 25],
  [/^National Security Advis[eo]r$/, 'National Security Adviser', 25],
  [/^Ambassador to the United Nations$|^Permanent Representative to the United Nations$/, 'Ambassador to the United Nations', 20],
  [/^Secretary of State for the Home Department$/, 'Home Secretary', 20],
  [/^Minister of (?:the Interior|Internal Affairs)$/, 'Interior Minister', 20],
  [/^Secretary of Homeland Security$/, 'Homeland Security Secretary', 15],
  [/^Director of the CIA$/, 'CIA Director', 15],
  [/^Director of National Intelligence$/, 'Director of National Intelligence', 12],
  [/^Director of the Federal Security Service$/, 'FSB Director', 12],
  [/^Chief Cabinet Secretary$/, 'Chief Cabinet Secretary', 12],
  [/^First Deputy Prime Minister$/, 'First Deputy Prime Minister', 10],
  [/^Deputy Prime Minister$/, 'Deputy Prime Minister', 10],
  [/^Vice Premier(?: of the State Council)?$/, 'Vice Premier', 10],
  [/^State Councilor$/, 'State Councillor', 10],
  [/^Attorney General$/, 'Attorney General', 10],
  [/^Minister of Justice$/, 'Justice Minister', 8],
  [/^Secretary of Commerce$/, 'Commerce Secretary', 8],
  [/^Minister of Economy$|^Minister of Economic Development$/, 'Economy Minister', 8],
  [/^Minister of (?:Energy|Energy and Coal Industry)$/, 'Energy Minister', 8],
  [/^Secretary of Energy$/, 'Energy Secretary', 8],
  [/^Minister of Health(?:, Labour and Welfare)?$|^Minister of Health and Social Affairs$/, 'Health Minister', 8],
  [/^Director-General of the World Trade Organization$/, 'WTO Director-General', 8],
  [/^Chairman of the Joint Chiefs of Staff$/, 'Chairman of the Joint Chiefs of Staff', 6],
  [/^Chief of the General Staff$/, 'Chief of the General Staff', 6],
  [/^White House Press Secretary$/, 'White House Press Secretary', 6],
  [/^White House Chief of Staff$/, 'White House Chief of Staff', 6],
  [/^Foreign Ministry Spoke(?:s)?person$/, 'Foreign Ministry spokeswoman', 6],
];
/** How much news international offices (the UN Secretary-General) make, against a country's Zipf weight (1 for the first). */
const INTERNATIONAL_WEIGHT = 0.3;
const NAME_PARTICLES = new Set(['von', 'van', 'der', 'den', 'de', 'du', 'da', 'di', 'del', 'la', 'le', 'Le', 'La', 'De', 'Van', 'Von', 'bin', 'al']);
const NAME_SUFFIXES = new Set(['Jr.', 'Sr.', 'II', 'III', 'IV', 'Jr', 'Sr']);
const NEUTRAL_VENUES = ['Geneva', 'Vienna', 'Helsinki', 'Brussels', 'Istanbul', 'Doha', 'Singapore', 'Minsk', 'Paris', 'Berlin', 'Rome', 'Oslo'];

function surnameOf(name: string, country: string): string {
  const words = name.split(/\s+/).filter((w) => !NAME_SUFFIXES.has(w.replace(/,$/, '')));
  // Chinese names put the family name first ("Xi Jinping" → "Xi").
  if (country === 'CN' && words.length >= 2) return words[0];
  let i = words.length - 1;
  while (i > 1 && NAME_PARTICLES.has(words[i - 1])) i--;
  return words.slice(i).join(' ');
}

function listOf<T>(json: unknown, key: string): T[] {
  if (Array.isArray(json)) return json as T[];
  const inner = (json as Record<string, unknown> | null)?.[key];
  if (Array.isArray(inner)) return inner as T[];
  throw new Error(`gazetteer: expected an array or an object with "${key}"`);
}

interface RawPosition {
  title: string;
  country: string;
  start: string;
  end: string;
}

/** People with their positions, from the compact file (rows + position table) or a plain list of objects. */
function readPeople(json: unknown): { name: string; dod: string; positions: RawPosition[] }[] {
  const file = json as { positions?: unknown; repos?: unknown; people?: unknown };
  if (Array.isArray(file.people) && Array.isArray(file.positions) && Array.isArray(file.repos)) {
    const titles = file.positions as string[];
    const repos = file.repos as [string, string][];
    return (file.people as string[][]).map((row) => ({
      name: row[1],
      dod: row[3] ?? '',
      positions: String(row[4] ?? '')
        .split(';')
        .filter(Boolean)
        .map((p) => {
          const [title, start, end, repo] = p.split(',');
          return { title: titles[+title], start: start ?? '', end: end ?? '', country: repos[+repo]?.[1] ?? '' };
        }),
    }));
  }
  return listOf<{ name: string; dateOfDeath?: string; positions?: Partial<RawPosition>[] }>(json, 'people').map((p) => ({
    name: p.name,
    dod: p.dateOfDeath ?? '',
    positions: (p.positions ?? []).map((q) => ({ title: q.title ?? '', country: q.country ?? '', start: q.start ?? '', end: q.end ?? '' })),
  }));
}

/** Positions' dates may be "YYYY", "YYYY-MM" or "YYYY-MM-DD": compare as padded strings. */
function padDate(date: string, fill: '01' | '31'): string {
  if (!date) return '';
  const parts = date.split('-');
  while (parts.length < 3) parts.push(fill === '01' ? '01' : parts.length === 1 ? '12' : '31');
  return parts.join('-');
}

function loadCast(dir: string, rng: Rng, windowStart: string, windowEnd: string, seed: number, popularity: Popularity): Cast {
  const read = (name: string) => JSON.parse(readFileSync(new URL(name, `file://${dir.endsWith('/') ? dir : `${dir}/`}`), 'utf8'));

  const countryList: Country[] = listOf<{ code: string; name: string; demonyms?: string[]; capital?: string }>(read('countries.json'), 'countries')
    .filter((c) => c.capital && c.demonyms?.length)
    .map((c) => ({
      code: c.code,
      name: c.name,
      inText: WITH_ARTICLE.test(c.name) ? `the ${c.name}` : c.name,
      adjective: ADJECTIVE[c.code] ?? c.demonyms![0],
      demonym: c.demonyms![0],
      capital: c.capital!,
    }));
  const countryByCode = new Map(countryList.map((c) => [c.code, c]));
  const top = TOP_COUNTRIES.filter((code) => countryByCode.has(code)).map((code) => countryByCode.get(code)!);
  const rest = rng.shuffle(countryList.filter((c) => !TOP_COUNTRIES.includes(c.code)));
  // An official makes news as often as the office and the country do: the country's weight is its Zipf weight.
  const countryWeight = new Map([...top, ...rest].map((c, rank) => [c.code, Math.pow(rank + 1, -popularity.countries)]));

  const offices: { office: Office; score: number }[] = [];
  for (const person of readPeople(read('people.json'))) {
    if (!person.name || /[()\d]/.test(person.name) || person.name.split(' ').length < 2) continue;
    if (person.dod && person.dod < windowStart) continue;
    const seen = new Set<string>();
    for (const p of person.positions) {
      const office = OFFICES.find(([pattern]) => pattern.test(p.title));
      if (!office) continue;
      const start = padDate(p.start, '01');
      const end = padDate(p.end, '31');
      // Only offices held during the window, with a known start (an undated office could be a century old).
      if (!start || start > windowEnd || (end && end < windowStart)) continue;
      if (p.country && !countryByCode.has(p.country)) continue;
      // An ambassador needs a country to represent; the international ones in the file have none.
      if (!p.country && office[1] === 'Ambassador to the United Nations') continue;
      const title = office[1];
      if (seen.has(title)) continue;
      seen.add(title);
      offices.push({
        office: { personName: person.name, surname: surnameOf(person.name, p.country), title, country: p.country, start, end: padDate(person.dod, '01') && (!end || person.dod < end) ? person.dod : end },
        score: office[2] * (0.6 + 0.8 * rng.next()),
      });
    }
  }
  if (offices.length === 0) throw new Error(`gazetteer: no office holders between ${windowStart} and ${windowEnd} in ${dir}people.json`);
  // A country's officials share its weight (a country with thirty ministers in the gazetteer makes no more news for it).
  const perCountry = new Map<string, number>();
  for (const o of offices) perCountry.set(o.office.country, (perCountry.get(o.office.country) ?? 0) + o.score);
  for (const o of offices) o.score *= (o.office.country ? (countryWeight.get(o.office.country) ?? 0) : INTERNATIONAL_WEIGHT) / perCountry.get(o.office.country)!;
  offices.sort((a, b) => b.score - a.score);
  const ranked = offices.map((o) => o.office);
  const officesByCountry = new Map<string, Zipf<Office>>();
  for (const code of new Set(ranked.map((o) => o.country))) {
    officesByCountry.set(code, new Zipf(ranked.filter((o) => o.country === code), 1));
  }

  const orgList: Org[] = listOf<{ key: string; name: string; kind: string; countryCode?: string }>(read('organizations.json'), 'organizations').map((o) => ({
    name: o.name,
    inText: ARTICLE_ORG.test(o.name) || (o.kind === 'igo' && !BARE_IGO.has(o.name)) ? `the ${o.name}` : o.name,
    kind: o.kind,
    countryCode: o.countryCode,
    key: o.key,
  })) as (Org & { key: string })[];
  const byKey = new Map((orgList as (Org & { key: string })[]).map((o) => [o.key, o]));
  const topOrgs = TOP_ORGS.filter((k) => byKey.has(k)).map((k) => byKey.get(k)!);
  const otherOrgs = rng.shuffle((orgList as (Org & { key: string })[]).filter((o) => !TOP_ORGS.includes(o.key) && o.kind !== 'media'));

  const placeList = listOf<Place>(read('places.json'), 'places');
  const placesByCountry = new Map<string, Place[]>();
  for (const p of placeList) {
    if (!placesByCountry.has(p.countryCode)) placesByCountry.set(p.countryCode, []);
    placesByCountry.get(p.countryCode)!.push(p);
  }
  const cityNames = new Set(placeList.filter((p) => p.kind === 'city').map((p) => p.name));

  return {
    countries: new Zipf([...top, ...rest], popularity.countries),
    countryByCode,
    offices: new Zipf(ranked, offices.map((o) => o.score)),
    officesByCountry,
    orgs: new Zipf([...topOrgs, ...otherOrgs], popularity.organizations),
    igos: orgList.filter((o) => o.kind === 'igo' || o.kind === 'alliance'),
    media: orgList.filter((o) => o.kind === 'media' && o.name !== 'Wikinews'),
    armedGroups: orgList.filter((o) => o.kind === 'armed-group'),
    placesByCountry,
    neutralCities: NEUTRAL_VENUES.filter((c) => cityNames.has(c) || countryList.some((k) => k.capital === c)),
    tail: makeTail(seed, popularity),
  };
}


// ---------------------------------------------------------------------------------------------
// The long tail: people and organisations in the news for a month or two, with made-up names

const GIVEN_NAMES_FILE = fileURLToPath(new URL('../seed/given-names/given-names.json', import.meta.url));
/** Syllables for surnames no gazetteer holds: 40 × 20 × 40 = 32,000 surnames ("Tellaron", "Oskavel"). */
const SYL_START = ['Al', 'Bar', 'Cor', 'Dal', 'El', 'Fen', 'Gar', 'Hal', 'Ir', 'Jas', 'Kel', 'Lor', 'Mar', 'Nor', 'Ol', 'Par', 'Quen', 'Ros', 'Sar', 'Tel', 'Ul', 'Var', 'Wen', 'Yar', 'Zel', 'Bren', 'Cas', 'Dor', 'Gal', 'Mel', 'Tor', 'Ves', 'Kor', 'Lan', 'Mor', 'Ser', 'Tam', 'Val', 'Rad', 'Os'];
const SYL_MID = ['a', 'e', 'i', 'o', 'u', 'an', 'en', 'in', 'on', 'ar', 'er', 'or', 'el', 'il', 'ol', 'ad', 'ed', 'ov', 'av', 'is'];
const SYL_END = ['sko', 'ron', 'vel', 'drik', 'mont', 'tano', 'berg', 'wick', 'ssen', 'lari', 'dova', 'nek', 'rova', 'zian', 'ford', 'quist', 'mann', 'etti', 'sch', 'ley', 'ton', 'vic', 'rac', 'stad', 'holm', 'dale', 'nari', 'pour', 'ides', 'ulu', 'ez', 'ani', 'ovic', 'enko', 'escu', 'strom', 'oglu', 'aki', 'uchi', 'ara'];
const ORG_SUFFIXES = ['Group', 'Holdings', 'Institute', 'Foundation', 'Logistics', 'Energy', 'Capital', 'Partners', 'Mining', 'Airlines', 'Telecom', 'Bank', 'Pharmaceuticals', 'Shipping', 'Analytics', 'Trust'];

interface TailPerson {
  name: string;
  surname: string;
}

interface Tail {
  given: string[];
  /** Ranks within one month's pool and within the evergreen pool, fitted Zipf. */
  month: Zipf<number>;
  evergreen: Zipf<number>;
  seed: number;
}

function makeTail(seed: number, popularity: Popularity): Tail {
  const file = JSON.parse(readFileSync(GIVEN_NAMES_FILE, 'utf8')) as { male: string[]; female: string[] };
  const ranks = (n: number) => Array.from({ length: n }, (_, i) => i);
  return {
    given: [...file.male, ...file.female],
    month: new Zipf(ranks(TAIL_MONTH_POOL), popularity.tail),
    evergreen: new Zipf(ranks(TAIL_EVERGREEN_POOL), popularity.tail),
    seed,
  };
}

function surnameAt(i: number): string {
  const end = i % SYL_END.length;
  const mid = Math.floor(i / SYL_END.length) % SYL_MID.length;
  const start = Math.floor(i / (SYL_END.length * SYL_MID.length)) % SYL_START.length;
  return SYL_START[start] + SYL_MID[mid] + SYL_END[end];
}

/** Pool -1 is the evergreen one; pool m ≥ 0 the people first in the news in month m. Identity depends on (seed, pool, rank) alone. */
function tailRng(tail: Tail, pool: number, rank: number, kind: number): Rng {
  return new Rng(mixSeed(mixSeed(tail.seed, 0x7a11 + kind * 7919 + pool), rank));
}

function drawTail(rng: Rng, tail: Tail, month: number): [number, number] {
  return rng.chance(TAIL_MONTH_SHARE) ? [month, tail.month.draw(rng)] : [-1, tail.evergreen.draw(rng)];
}

function tailPerson(tail: Tail, pool: number, rank: number): TailPerson {
  const r = tailRng(tail, pool, rank, 1);
  const surname = surnameAt(r.int(0, SYL_START.length * SYL_MID.length * SYL_END.length - 1));
  return { name: `${r.pick(tail.given)} ${surname}`, surname };
}

function tailOrg(tail: Tail, pool: number, rank: number): string {
  const r = tailRng(tail, pool, rank, 2);
  return `${surnameAt(r.int(0, SYL_START.length * SYL_MID.length * SYL_END.length - 1))} ${r.pick(ORG_SUFFIXES)}`;
}

// ---------------------------------------------------------------------------------------------
// Dates and bursts

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

type Kind = 'MEETING' | 'TALKS' | 'SANCTIONS' | 'EXPULSION' | 'ELECTION' | 'STATEMENT' | 'ACCUSATION' | 'MILITARY' | 'ATTACK' | 'PROTEST' | 'AGREEMENT' | 'VISIT';
const KIND_WEIGHTS: [Kind, number][] = [
  ['STATEMENT', 16], ['MEETING', 12], ['TALKS', 9], ['ACCUSATION', 9], ['VISIT', 8], ['SANCTIONS', 7], ['MILITARY', 7],
  ['AGREEMENT', 7], ['ATTACK', 7], ['PROTEST', 7], ['ELECTION', 5], ['EXPULSION', 4],
];
const BURST_KINDS: Kind[] = ['EXPULSION', 'SANCTIONS', 'ATTACK', 'PROTEST', 'MILITARY', 'ELECTION', 'AGREEMENT', 'TALKS'];

interface Burst {
  /** Day index of the event within the window. */
  day: number;
  length: number;
  weight: number;
  kind: Kind;
  x: Country;
  y: Country;
  /** The local actor when the people gazetteer has nobody for x: written by office ("the Maldivian president"). */
  actor: Office | null;
}

/** An office without a named holder in the cast, written by title ("the Maldivian president"). */
function anonymousOffice(x: Country, title: string): Office {
  return { personName: `the ${x.adjective} ${lowerTitle(title)}`, surname: `the ${lowerTitle(title)}`, title, country: x.code, start: '', end: '', anonymous: true };
}

function planBursts(rng: Rng, cast: Cast, days: number): Burst[] {
  const count = Math.max(4, Math.round(days / 45));
  const countries = cast.countries.items;
  const bursts: Burst[] = [];
  for (let i = 0; i < count; i++) {
    // Mid-ranked countries: news that stands out against the usual suspects.
    const x = countries[rng.int(8, Math.min(60, countries.length - 1))];
    let y = countries[rng.int(0, 12)];
    if (y === x) y = countries[0] === x ? countries[1] : countries[0];
    const title = rng.pick(['President', 'Prime Minister', 'Foreign Minister']);
    const actor: Office | null = cast.officesByCountry.has(x.code) ? null : anonymousOffice(x, title);
    bursts.push({ day: rng.int(0, Math.max(0, days - 8)), length: rng.int(3, 8), weight: 0.5 + rng.next(), kind: rng.pick(BURST_KINDS), x, y, actor });
  }
  return bursts;
}

// ---------------------------------------------------------------------------------------------
// Word banks

const TOPICS = [
  'the conflict in eastern Ukraine', 'the Iran nuclear deal', 'arms control', 'trade tariffs', 'energy supplies', 'gas transit',
  'the war in Syria', 'cyber security', 'migration', 'border security', 'North Korea\'s missile programme', 'climate change',
  'the New START treaty', 'the Black Sea', 'food exports', 'debt relief', 'maritime disputes in the South China Sea',
  'a prisoner exchange', 'visa rules', 'the pandemic response', 'oil production quotas', 'counter-terrorism cooperation',
  'humanitarian corridors', 'the status of Crimea', 'election interference', 'nuclear non-proliferation',
];
const REASONS = [
  'human rights abuses', 'its role in the conflict in eastern Ukraine', 'alleged election interference', 'cyber attacks on government networks',
  'the poisoning of an opposition figure', 'its ballistic missile programme', 'the crackdown on protesters', 'arms sales to armed groups',
  'money laundering', 'the detention of journalists',
];
const WRONGDOINGS = [
  'meddling in its internal affairs', 'violating the ceasefire', 'spying on its diplomats', 'spreading disinformation',
  'supplying weapons to rebels', 'launching cyber attacks against its banks', 'harbouring terrorists', 'breaking the terms of the agreement',
  'provoking a military incident at sea', 'violating its airspace',
];
const PROTEST_CAUSES = [
  'the election results', 'rising fuel prices', 'a new pension law', 'corruption', 'police violence', 'the arrest of an opposition leader',
  'a controversial security law', 'the government\'s handling of the economy', 'food shortages', 'a proposed constitutional change',
];
const ATTACKS = ['a car bomb attack', 'a suicide bombing', 'a rocket attack', 'an attack on a police station', 'an ambush on a military convoy', 'a shooting at a market'];
const DEPLOYMENTS = ['tanks and artillery', 'several warships', 'air defence systems', 'thousands of troops', 'fighter jets', 'two battalions'];
const ELECTIONS = ['presidential', 'parliamentary', 'snap parliamentary', 'regional', 'presidential run-off'];
const DEAL_TERMS = [
  'cut tariffs on agricultural goods', 'exchange prisoners held since the fighting began', 'open a new gas pipeline by next year',
  'share intelligence on militant groups', 'reopen consulates closed in the dispute', 'cooperate on space research',
  'restore direct flights', 'set up a joint commission on border demarcation',
];
const NUMBER_WORDS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const OUTLETS: [string, string][] = [
  ['The Meridian Post', 'meridianpost.example'], ['Atlas Wire', 'atlaswire.example'], ['Northern Courier', 'northerncourier.example'],
  ['Global Ledger', 'globalledger.example'], ['The Continental Herald', 'continentalherald.example'], ['Harbor Times', 'harbortimes.example'],
  ['World Sentinel', 'worldsentinel.example'], ['Daily Dispatch International', 'dailydispatch.example'],
];

// ---------------------------------------------------------------------------------------------
// Writing one article

interface Story {
  kind: Kind;
  published: Date;
  /** The publication day, YYYY-MM-DD. */
  day: string;
  eventDay: Date;
  x: Country;
  y: Country;
  a: Office;
  b: Office | null;
  org: Org;
  place: string;
  topic: string;
  /** Months since the start of the window: the pool of new names the story draws from. */
  month: number;
}

const possessive = (s: string) => (s.endsWith('s') ? `${s}'` : `${s}'s`);
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const lowerTitle = (t: string) => t.replace(/\b(President|Prime|Minister|Secretary|Foreign|Defence|Defense|Vice|Deputy|First|Chief|Director|Interior|Finance|Treasury|Justice|Health|Energy|Economy|Commerce|Home|Homeland|Security|Adviser|Ambassador|Chancellor|Premier|Councillor|Chairman|Attorney|General|State)\b/g, (w) => w.toLowerCase());

/** One article's writer: remembers who was already introduced, so a person's first mention carries the title. */
class Writer {
  private readonly introduced = new Set<string>();
  constructor(
    readonly rng: Rng,
    readonly cast: Cast,
    readonly s: Story,
  ) {}

  private officeCountry(o: Office): Country | undefined {
    return o.country ? this.cast.countryByCode.get(o.country) : undefined;
  }

  /** A person: full title and name the first time ("Russian Foreign Minister Sergey Lavrov"), the surname after. */
  person(o: Office, subject = false): string {
    if (this.introduced.has(o.personName)) return o.surname;
    this.introduced.add(o.personName);
    if (o.anonymous) return o.personName;
    const country = this.officeCountry(o);
    const r = this.rng.next();
    if (subject && country && r < 0.25) return `${o.personName}, ${possessive(country.inText)} ${lowerTitle(o.title)},`;
    if (country && r < 0.4) return `${o.title} ${o.personName} of ${country.inText}`;
    return country ? `${country.adjective} ${o.title} ${o.personName}` : `${o.title} ${o.personName}`;
  }
  A(subject = false) {
    return this.person(this.s.a, subject);
  }
  /** The other side: a person when the country has one in the cast, else its officials. */
  B(subject = false) {
    return this.s.b ? this.person(this.s.b, subject) : `${this.s.y.demonym} officials`;
  }
  /** A third person from anywhere: the long tail of people. */
  other(subject = false): string {
    const o = this.otherOffice();
    return o ? this.person(o, subject) : `${this.s.x.demonym} officials`;
  }
  /** Another official: a country by the countries' Zipf, then one of its officials (by title when the cast has none). */
  otherOffice(): Office | null {
    const accept = (c: Office) => c !== this.s.a && c !== this.s.b && c !== this.lastOther && active(c, this.s.day);
    // Half the time another official of the story's own countries ("Russian Defence Minister …" in a story about Russia).
    const country = this.rng.chance(0.5) ? this.pick([this.s.x, this.s.y]) : this.cast.countries.draw(this.rng);
    const o = this.rng.chance(0.04)
      ? this.cast.offices.drawWhere(this.rng, (c) => !c.country && accept(c))
      : (this.cast.officesByCountry.get(country.code)?.drawWhere(this.rng, accept) ?? anonymousOffice(country, this.pick(['Foreign Minister', 'Prime Minister', 'Defence Minister', 'President'])));
    if (o) this.lastOther = o;
    return o;
  }
  private lastOther: Office | null = null;
  X() {
    return this.s.x.inText;
  }
  Y() {
    return this.s.y.inText;
  }
  /** A third country, Zipf-drawn. */
  Z(): Country {
    return this.cast.countries.drawWhere(this.rng, (c) => c !== this.s.x && c !== this.s.y) ?? this.s.x;
  }
  org(): string {
    return this.s.org.inText;
  }
  anyOrg(): string {
    return this.cast.orgs.draw(this.rng).inText;
  }
  igo(): string {
    return this.rng.pick(this.cast.igos).inText;
  }
  media(): string {
    return this.rng.pick(this.cast.media).name;
  }
  armedGroup(): string {
    return this.cast.armedGroups.length ? this.rng.pick(this.cast.armedGroups).inText : 'militants';
  }
  /** "on Tuesday" within a week of publication, "on March 4" before that. */
  when(day = this.s.eventDay): string {
    const diff = Math.round((this.s.published.getTime() - day.getTime()) / DAY_MS);
    if (diff <= 6) return `on ${WEEKDAYS[day.getUTCDay()]}`;
    return `on ${MONTHS[day.getUTCMonth()]} ${day.getUTCDate()}`;
  }
  past(): string {
    const year = this.s.published.getUTCFullYear();
    return this.rng.pick(['last month', 'earlier this year', `in ${MONTHS[this.rng.int(0, 11)]}`, `in ${year - 1}`, 'last year', `in ${year - this.rng.int(2, 6)}`]);
  }
  n(lo: number, hi: number): number {
    return this.rng.int(lo, hi);
  }
  words(lo: number, hi: number): string {
    return NUMBER_WORDS[this.rng.int(lo - 2, hi - 2)];
  }
  pick<T>(items: readonly T[]): T {
    return this.rng.pick(items);
  }
  topic(): string {
    return this.s.topic;
  }
  otherTopic(): string {
    let t = this.rng.pick(TOPICS);
    if (t === this.s.topic) t = TOPICS[(TOPICS.indexOf(t) + 1) % TOPICS.length];
    return t;
  }
  quote(): string {
    return this.rng.pick(QUOTES)(this);
  }
  /** Someone from the long tail: name and who they are the first time ("Maria Tellaron, an analyst at Corvath Institute"), the surname after. */
  voice(): { first: string; again: string } {
    const [pool, rank] = drawTail(this.rng, this.cast.tail, this.s.month);
    const p = tailPerson(this.cast.tail, pool, rank);
    if (this.introduced.has(p.name)) return { first: p.surname, again: p.surname };
    this.introduced.add(p.name);
    const role = this.rng.chance(0.55)
      ? `${this.pick(['an analyst at', 'a spokesperson for', 'a researcher at', 'an economist at', 'a senior adviser at', 'the chief executive of', 'a lawyer for'])} ${this.firm()}`
      : this.pick([`a resident of ${this.s.place}`, `a local official in ${this.s.place}`, `a professor in ${this.s.x.capital}`, `a member of parliament in ${this.s.x.capital}`, `a former diplomat`, `a journalist in ${this.s.y.capital}`]);
    return { first: `${p.name}, ${role},`, again: p.surname };
  }
  /** An organisation from the long tail ("Varnesko Group"). */
  firm(): string {
    const [pool, rank] = drawTail(this.rng, this.cast.tail, this.s.month);
    return tailOrg(this.cast.tail, pool, rank);
  }
}

/** Sentences that bring in the long tail: local voices, experts, companies. */
const VOICES: Template[] = [
  (w) => {
    const v = w.voice();
    return `"${w.quote()}," said ${v.first.replace(/,$/, '')}.`;
  },
  (w) => {
    const v = w.voice();
    return `${v.first} said the decision ${w.pick(['would hurt ordinary people', 'had been expected for weeks', 'left many questions open', 'could change the balance in the region'])}.`;
  },
  (w) => `${w.firm()} said in a statement that it was ${w.pick(['reviewing its operations in', 'monitoring events in', 'suspending shipments to', 'expanding its presence in'])} ${w.Y()}.`,
  (w) => {
    const v = w.voice();
    return `${v.first} told ${w.media()} that ${w.pick(['the talks had been difficult', 'nobody had been consulted', 'the measures would take months to bite', 'people were worried about prices'])}.`;
  },
  (w) => {
    const v = w.voice();
    const u = w.voice();
    return `${capitalise(v.first)} and ${u.first.replace(/,$/, '')} disagreed on what would come next.`;
  },
];

type Template = (w: Writer) => string;

const QUOTES: Template[] = [
  (w) => `We will not accept any interference in the internal affairs of ${w.X()}`,
  (w) => `Our position on ${w.topic()} has not changed and will not change`,
  () => `The door to dialogue remains open, but it takes two sides to talk`,
  (w) => `This is a dangerous escalation, and ${w.Y()} bears full responsibility for it`,
  () => `We expect concrete steps, not more promises`,
  () => `Nobody wants a new Cold War, but we will defend our interests`,
  (w) => `We had a frank and useful conversation about ${w.topic()}`,
  () => `There is no military solution to this conflict`,
  (w) => `The people of ${w.X()} deserve the truth`,
  () => `These accusations are absurd and not supported by a single fact`,
  () => `We are ready to work with anyone who respects international law`,
  (w) => `${capitalise(w.Y())} has crossed a line`,
  () => `We will respond in a measured and proportionate way`,
  () => `Sanctions have never solved anything`,
  () => `This agreement is a good start, but only a start`,
  (w) => `We stand with our partners in ${w.igo()}`,
  () => `The decision was not an easy one, but it was necessary`,
  () => `We are not going to negotiate under pressure`,
  (w) => `What is happening between ${w.X()} and ${w.Y()} concerns the whole region`,
  () => `Diplomacy is slow, but it is the only way forward`,
  () => `We want stability in the region, not confrontation`,
  () => `I think we made progress today`,
];

/** Ways to attribute a quote; `who` is the speaker as written here, `again` the short form, `q` the quote without final punctuation. */
const QUOTE_FRAMES: ((w: Writer, who: string, q: string, again: string) => string)[] = [
  (_w, who, q) => `"${q}," ${who} said.`,
  (_w, who, q) => `"${q}", ${who} said.`,
  (_w, who, q) => `${who} said: "${q}."`,
  (w, who, q) => `"${q}," ${who} told reporters in ${w.s.place}.`,
  (w, who, q) => `"${q}," ${who} told ${w.media()}.`,
  (w, who, q) => `"${q}," ${who} said. "${w.quote()}."`,
  (w, who, q, again) => `${who} said in a televised address that ${w.X()} would not back down. "${q}," ${again} added.`,
];

const LEADS: Record<Kind, Template[]> = {
  MEETING: [
    (w) => `${w.A(true)} met ${w.B()} in ${w.s.place} ${w.when()} for talks on ${w.topic()}.`,
    (w) => `${w.A(true)} and ${w.B()} met ${w.when()} in ${w.s.place}, their first meeting since ${w.past().replace(/^in /, '')}.`,
  ],
  TALKS: [
    (w) => `Negotiators from ${w.X()} and ${w.Y()} held a new round of talks on ${w.topic()} in ${w.s.place} ${w.when()}.`,
    (w) => `${w.A(true)} held talks with ${w.B()} in ${w.s.place} ${w.when()} on ${w.topic()}, officials said.`,
  ],
  SANCTIONS: [
    (w) => `${capitalise(w.X())} imposed new sanctions on ${w.Y()} ${w.when()}, targeting ${w.n(5, 40)} ${w.s.y.demonym} officials and companies over ${w.pick(REASONS)}.`,
    (w) => `${w.A(true)} announced sanctions against ${w.Y()} ${w.when()} over ${w.pick(REASONS)}.`,
  ],
  EXPULSION: [
    (w) => `${capitalise(w.X())} ordered the expulsion of ${w.words(2, 12)} ${w.s.y.demonym} diplomats ${w.when()}, giving them ${w.words(3, 10)} days to leave the country.`,
    (w) => `${capitalise(w.X())} expelled ${w.words(2, 12)} ${w.s.y.demonym} diplomats ${w.when()}, accusing them of ${w.pick(WRONGDOINGS)}.`,
  ],
  ELECTION: [
    (w) => `Voters in ${w.X()} went to the polls ${w.when()} in a ${w.pick(ELECTIONS)} election seen as a test for ${w.A()}.`,
    (w) => `${capitalise(w.X())} held a ${w.pick(ELECTIONS)} election ${w.when()}, with early results pointing to a narrow outcome.`,
  ],
  STATEMENT: [
    (w) => `${w.A(true)} said ${w.when()} that ${w.X()} was ready to resume talks with ${w.Y()} on ${w.topic()}.`,
    (w) => `${w.A(true)} warned ${w.Y()} ${w.when()} against any further steps on ${w.topic()}.`,
  ],
  ACCUSATION: [
    (w) => `${w.A(true)} accused ${w.Y()} ${w.when()} of ${w.pick(WRONGDOINGS)}.`,
    (w) => `${capitalise(w.X())} accused ${w.Y()} of ${w.pick(WRONGDOINGS)} ${w.when()}, in the latest sign of strained relations.`,
  ],
  MILITARY: [
    (w) => `${capitalise(w.X())} moved ${w.pick(DEPLOYMENTS)} toward its border with ${w.Y()} ${w.when()}, according to satellite images reviewed by ${w.media()}.`,
    (w) => `${capitalise(w.X())} began large-scale military exercises near ${w.Y()} ${w.when()}, involving ${w.pick(DEPLOYMENTS)}.`,
  ],
  ATTACK: [
    (w) => `At least ${w.n(3, 60)} people were killed and ${w.n(10, 120)} wounded in ${w.pick(ATTACKS)} in ${w.s.place} ${w.when()}, officials said.`,
    (w) => `${capitalise(w.pick(ATTACKS))} in ${w.s.place} ${w.when()} killed at least ${w.n(3, 60)} people, the ${w.s.x.demonym} Interior Ministry said.`,
  ],
  PROTEST: [
    (w) => `Thousands of people took to the streets of ${w.s.place} ${w.when()} to protest against ${w.pick(PROTEST_CAUSES)}.`,
    (w) => `Tens of thousands of protesters marched through ${w.s.place} ${w.when()}, demanding the resignation of ${w.A()}.`,
  ],
  AGREEMENT: [
    (w) => `${capitalise(w.X())} and ${w.Y()} signed an agreement on ${w.topic()} in ${w.s.place} ${w.when()}.`,
    (w) => `${w.A(true)} and ${w.B()} signed a deal ${w.when()} under which the two countries will ${w.pick(DEAL_TERMS)}.`,
  ],
  VISIT: [
    (w) => `${w.A(true)} arrived in ${w.s.y.capital} ${w.when()} on a ${w.words(2, 4)}-day visit, the first by a ${w.s.x.demonym} leader in ${w.words(3, 12)} years.`,
    (w) => `${w.A(true)} visited ${w.Y()} ${w.when()}, holding talks with ${w.B()} on ${w.topic()}.`,
  ],
};

const DETAILS: Record<Kind, Template[]> = {
  MEETING: [
    (w) => `It was the ${w.pick(['second', 'third', 'fourth'])} meeting between ${w.A()} and ${w.B()} this year.`,
    (w) => `Officials from ${w.Y()} described the atmosphere as ${w.pick(['businesslike', 'tense', 'constructive', 'cordial'])}.`,
    (w) => `The meeting lasted about ${w.words(2, 4)} hours, according to officials familiar with the talks.`,
    (w) => `${w.A()} and ${w.B()} also discussed ${w.otherTopic()}, the ${w.s.x.demonym} Foreign Ministry said in a statement.`,
    (w) => `Before the meeting, ${w.A()} told reporters that ${w.pick(['the talks would be difficult', 'there was room for compromise', 'no breakthrough was expected'])}.`,
  ],
  TALKS: [
    (w) => `The ${w.s.x.demonym} delegation was led by ${w.A()}, who has handled the file since ${w.past().replace(/^in /, '')}.`,
    (w) => `The sides agreed to set up working groups on ${w.otherTopic()}, according to a joint statement.`,
    (w) => `The talks, mediated by ${w.igo()}, ended without a breakthrough, delegates said.`,
    (w) => `A ${w.s.y.demonym} delegate said the sides had narrowed their differences but that "serious gaps" remained.`,
    () => `Another round is expected next month, though no date has been set.`,
  ],
  SANCTIONS: [
    (w) => `${capitalise(w.igo())} said it would consider similar measures.`,
    (w) => `The sanctions were coordinated with ${w.Z().inText}, officials said.`,
    (w) => `The measures freeze any assets the individuals hold in ${w.X()} and bar them from travelling there.`,
    (w) => `${w.s.y.capital} called the sanctions illegal and promised a response.`,
    (w) => `The new listings bring the number of ${w.s.y.demonym} individuals under sanctions to more than ${w.n(100, 700)}.`,
  ],
  EXPULSION: [
    (w) => `The diplomats were declared persona non grata, the ${w.s.x.demonym} Foreign Ministry said.`,
    (w) => `${w.A()} said the embassy staff had been engaged in activities "incompatible with their diplomatic status".`,
    (w) => `The ${w.s.y.demonym} ambassador in ${w.s.x.capital} was summoned to the Foreign Ministry and handed a note of protest.`,
    (w) => `In a tit-for-tat move, ${w.Y()} said it would expel the same number of ${w.s.x.demonym} diplomats.`,
    (w) => `The expulsions are the largest since ${w.past().replace(/^in /, '')}, when ${w.words(5, 12)} diplomats were ordered out.`,
  ],
  ELECTION: [
    (w) => `Polls closed at ${w.n(7, 10)} p.m. local time, and preliminary results are expected by ${WEEKDAYS[w.n(0, 6)]}.`,
    (w) => `Opposition parties in ${w.X()} complained of ${w.pick(['pressure on voters', 'restrictions on campaigning', 'ballot stuffing'])}.`,
    (w) => `Turnout stood at ${w.n(41, 78)} percent, the central election commission said.`,
    (w) => `Observers from ${w.igo()} said the vote was ${w.pick(['largely free and fair', 'marred by irregularities', 'competitive but flawed'])}.`,
    (w) => `${w.A()} cast a ballot in ${w.s.x.capital} and urged voters to turn out.`,
  ],
  STATEMENT: [
    (w) => `${w.A()} said ${w.X()} would ${w.pick(['raise the issue at', 'bring the matter before', 'seek the support of'])} ${w.igo()}.`,
    (w) => `The comments drew a sharp response from ${w.B()}.`,
    (w) => `The remarks came a day after ${w.B()} ${w.pick(['rejected an offer of talks', 'criticised the plan', 'called for new negotiations'])}.`,
    (w) => `${w.A()} made the comments at a news conference in ${w.s.place}.`,
    () => `The statement was posted on the ministry's website later in the day.`,
  ],
  ACCUSATION: [
    (w) => `The accusation follows a report by ${w.media()} that ${w.s.y.demonym} agents had been active in ${w.s.x.capital}.`,
    (w) => `${w.A()} said ${w.X()} would present its evidence to ${w.igo()}.`,
    (w) => `${w.s.y.capital} rejected the accusation as "groundless".`,
    (w) => `${w.A()} did not provide evidence for the claims, which ${w.B()} dismissed as ${w.pick(['propaganda', 'a provocation', 'an attempt to distract attention'])}.`,
    (w) => `${capitalise(w.X())} has long accused ${w.Y()} of ${w.pick(WRONGDOINGS)}.`,
  ],
  MILITARY: [
    (w) => `The exercises are expected to last ${w.words(2, 12)} days and involve about ${w.n(2, 90)},000 personnel.`,
    (w) => `${w.A()} said ${w.X()} had the right to move troops on its own territory.`,
    (w) => `The ${w.s.x.demonym} Defence Ministry said the deployment was part of scheduled exercises.`,
    (w) => `${w.igo()} said it was monitoring the build-up and called for transparency.`,
    (w) => `Officials in ${w.s.y.capital} said the move was a threat to regional security.`,
  ],
  ATTACK: [
    (w) => `It was the deadliest attack in ${w.s.place} since ${w.past().replace(/^in /, '')}.`,
    (w) => `Security forces sealed off the area and began a search for the attackers.`,
    (w) => `No group immediately claimed responsibility, though suspicion fell on ${w.armedGroup()}.`,
    (w) => `${w.A()} condemned the attack and ordered an investigation.`,
    () => `Hospitals appealed for blood donations as the wounded were brought in.`,
  ],
  PROTEST: [
    (w) => `Protesters carried ${w.X()}'s flag and chanted slogans against the government.`,
    (w) => `Similar rallies were held in at least ${w.words(3, 12)} other cities, local media reported.`,
    (w) => `Police used tear gas and detained ${w.n(12, 300)} people, according to a rights group.`,
    () => `Organisers said they would return to the streets next week.`,
    (w) => `${w.A()} said the protests had been organised from abroad, without naming any country.`,
  ],
  AGREEMENT: [
    (w) => `The deal was reached after ${w.words(2, 12)} months of negotiations, diplomats said.`,
    (w) => `${capitalise(w.igo())} welcomed the agreement as a step towards stability.`,
    (w) => `Under the deal, the two countries will ${w.pick(DEAL_TERMS)}.`,
    (w) => `The agreement still needs to be ratified by the parliaments of ${w.X()} and ${w.Y()}.`,
    (w) => `${w.A()} called the agreement "historic".`,
  ],
  VISIT: [
    (w) => `${w.A()} is also expected to visit ${w.Z().capital} before returning home.`,
    (w) => `The two sides are expected to sign agreements on ${w.otherTopic()} during the visit.`,
    (w) => `${w.A()} is due to meet ${w.B()} and lay a wreath at a war memorial in ${w.s.y.capital}.`,
    (w) => `The visit had been postponed twice, most recently in ${MONTHS[w.n(0, 11)]}.`,
    (w) => `${w.A()} was accompanied by a delegation of ${w.n(20, 90)} business leaders.`,
  ],
};

/** Context any story can use: reactions, background, the long tail of people, countries and organisations. */
const BACKGROUND: Template[] = [
  (w) => `${capitalise(w.igo())} called on both sides to show restraint.`,
  (w) => `Relations between ${w.X()} and ${w.Y()} have deteriorated sharply since ${w.past().replace(/^in /, '')}.`,
  (w) => {
    const z = w.Z();
    return `The ${z.demonym} government, which has close ties to ${w.X()}, said it was following the situation closely.`;
  },
  (w) => `${capitalise(w.Z().inText)} and ${w.Z().inText} ${w.pick(['signed a similar agreement', 'held talks on the same issue', 'exchanged sanctions', 'expelled each other\'s diplomats'])} ${w.past()}.`,
  (w) => `Analysts in ${w.s.x.capital} said the move was aimed as much at a domestic audience as at ${w.Y()}.`,
  (w) => `${w.other(true)} said ${w.when(w.s.published)} that ${w.pick(['the situation was being watched closely', 'the crisis required a diplomatic solution', 'allies would consult in the coming days'])}.`,
  (w) => `Speaking in ${w.Z().capital}, ${w.other()} said ${w.pick(['the dispute should be settled by negotiation', 'sanctions alone would not work', 'the region could not afford another war'])}.`,
  (w) => `${capitalise(w.anyOrg())} has scheduled an emergency meeting for next week.`,
  (w) => `Officials in ${w.s.y.capital} did not respond to requests for comment.`,
  (w) => `The dispute comes ahead of a summit of ${w.igo()} in ${w.rng.pick(w.cast.neutralCities)} later this month.`,
  (w) => `According to ${w.media()}, ${w.words(2, 6)} senior officials from ${w.Z().inText} were also present.`,
  (w) => `${capitalise(w.X())} and ${w.Y()} ${w.pick(['have been at odds over', 'have clashed repeatedly over', 'have tried for years to settle their differences over'])} ${w.otherTopic()}.`,
  (w) => `Markets in ${w.Z().capital} fell ${w.n(1, 4)}.${w.n(1, 9)} percent on the news.`,
  (w) => `${w.other(true)} is expected to travel to ${w.Z().capital} ${w.pick(['next week', 'later this month', 'in the coming days'])}.`,
  (w) => `The European Union said it would discuss the matter at a meeting of foreign ministers in ${w.rng.pick(['Brussels', 'Luxembourg'])}.`,
  (w) => `${capitalise(w.anyOrg())} said in a statement that it was ${w.pick(['deeply concerned', 'alarmed', 'encouraged'])} by the developments.`,
  (w) => `${w.s.x.demonym} state media described the events as ${w.pick(['a victory for diplomacy', 'a provocation', 'an internal matter'])}.`,
  (w) => `Earlier, ${w.other()} held a phone call with ${w.other()} on ${w.otherTopic()}.`,
  (w) => `${capitalise(w.Z().inText)} has offered to host further negotiations.`,
  (w) => `The ${w.s.y.demonym} embassy in ${w.s.x.capital} said it had not been informed in advance.`,
  (w) => `Earlier this ${w.pick(['week', 'month'])}, ${w.other()} ${w.pick(['called for calm', 'urged both sides to return to talks', 'warned of the risk of escalation'])}.`,
  (w) => `${capitalise(w.anyOrg())} and ${w.anyOrg()} are expected to take up the issue in the coming weeks.`,
  (w) => `The ${w.s.x.demonym} currency ${w.pick(['weakened', 'slipped', 'held steady'])} against the dollar after the announcement.`,
  (w) => `Diplomats in ${w.rng.pick(w.cast.neutralCities)} said a compromise was still possible.`,
  (w) => `A spokesman for ${w.anyOrg()} declined to comment.`,
  (w) => `${capitalise(w.Z().inText)} and ${w.Z().inText} issued a joint statement urging restraint.`,
  (w) => `In ${w.s.y.capital}, lawmakers called for a tougher response.`,
  (w) => `The issue is expected to dominate a visit by ${w.other()} to ${w.Z().inText} ${w.pick(['next month', 'in the autumn', 'later this year'])}.`,
  (w) => `Polls suggest most people in ${w.X()} support the government's approach.`,
  (w) => `${w.s.x.demonym} officials, speaking on condition of anonymity, said the decision had been taken ${w.pick(['weeks ago', 'at the highest level', 'after long debate'])}.`,
];

/** Whether the office was held on `day` (YYYY-MM-DD). */
/** Filler that only reuses the story's own entities: keeps entity density near real wire copy. */
const PLAIN: Template[] = [
  (w) => `${w.A()} did not say what ${w.X()} would do next.`,
  () => `The full text of the statement was not immediately made public.`,
  (w) => `It was not clear whether ${w.Y()} would accept the terms.`,
  () => `Officials gave no further details.`,
  (w) => `The issue has been a source of friction for years, and neither side has shown much willingness to give ground.`,
  (w) => `${w.B()} has previously said that any solution must take ${possessive(w.Y())} interests into account.`,
  () => `Critics said the decision came too late and did too little.`,
  () => `Supporters said it showed the government was willing to act.`,
  (w) => `Both sides have said they want to avoid an escalation, but each has accused the other of bad faith.`,
  () => `The move was widely expected after weeks of speculation.`,
  (w) => `${w.A()} has made ${w.topic()} a priority since taking office.`,
  () => `Further talks are expected in the coming weeks, according to people familiar with the matter.`,
  (w) => `The decision is likely to deepen the rift between ${w.X()} and ${w.Y()}.`,
  () => `Some analysts cautioned against reading too much into the announcement.`,
];

function active(o: Office, day: string): boolean {
  return o.start <= day && (!o.end || o.end >= day);
}


// ---------------------------------------------------------------------------------------------
// Stories and articles

const INTERNATIONAL_KINDS: Kind[] = ['MEETING', 'TALKS', 'STATEMENT', 'VISIT'];
/** Kinds where the other side is usually a named person. */
const TWO_SIDED = new Set<Kind>(['MEETING', 'TALKS', 'AGREEMENT', 'VISIT', 'STATEMENT', 'ACCUSATION']);

function weighted<T>(rng: Rng, items: readonly [T, number][]): T {
  let total = 0;
  for (const [, weight] of items) total += weight;
  let target = rng.next() * total;
  for (const [item, weight] of items) {
    target -= weight;
    if (target < 0) return item;
  }
  return items[items.length - 1][0];
}

function placeFor(rng: Rng, cast: Cast, kind: Kind, x: Country, y: Country): string {
  switch (kind) {
    case 'MEETING':
    case 'TALKS':
    case 'AGREEMENT':
      return weighted(rng, [[x.capital, 4], [y.capital, 3], [rng.pick(cast.neutralCities.length ? cast.neutralCities : [x.capital]), 3]]);
    case 'VISIT':
      return y.capital;
    case 'ATTACK':
    case 'PROTEST':
    case 'MILITARY': {
      const local = cast.placesByCountry.get(x.code);
      return local?.length && rng.chance(0.6) ? rng.pick(local).name : x.capital;
    }
    default:
      return x.capital;
  }
}

interface Plan {
  cast: Cast;
  seed: number;
  startMs: number;
  days: number;
  bursts: Burst[];
}

function dayOf(plan: Plan, index: number): Date {
  return new Date(plan.startMs + index * DAY_MS);
}

function planStory(rng: Rng, plan: Plan): Story {
  const { cast } = plan;
  const burst = plan.bursts.length && rng.chance(BURST_SHARE) ? weighted(rng, plan.bursts.map((b) => [b, b.weight] as [Burst, number])) : null;
  let day: number;
  if (burst) {
    // Coverage peaks the day of the event and fades over the following days.
    let offset = 0;
    while (offset < burst.length - 1 && rng.chance(0.6)) offset++;
    day = Math.min(plan.days - 1, burst.day + offset);
  } else {
    do day = rng.int(0, plan.days - 1);
    while ([0, 6].includes(dayOf(plan, day).getUTCDay()) && rng.chance(0.45));
  }
  const published = new Date(dayOf(plan, day).getTime() + rng.int(6 * 60, 22 * 60 + 59) * 60_000);
  const eventDay = burst ? dayOf(plan, burst.day) : new Date(dayOf(plan, day).getTime() - (rng.chance(0.7) ? 0 : rng.int(1, 2)) * DAY_MS);
  const publishedDay = published.toISOString().slice(0, 10);
  const isActive = (o: Office) => active(o, publishedDay);

  let kind: Kind;
  let x: Country;
  let y: Country;
  let a: Office;
  if (burst) {
    ({ kind, x, y } = burst);
    a = burst.actor ?? cast.officesByCountry.get(x.code)?.drawWhere(rng, isActive) ?? burst.actor ?? cast.offices.items[0];
  } else {
    kind = weighted(rng, KIND_WEIGHTS);
    // The story's country first (countries' Zipf), then its official; now and then an international one.
    const international = rng.chance(0.04) ? cast.offices.drawWhere(rng, (o) => !o.country && isActive(o)) : null;
    x = (international && cast.countries.draw(rng)) || cast.countries.draw(rng);
    a = international ?? cast.officesByCountry.get(x.code)?.drawWhere(rng, isActive) ?? anonymousOffice(x, rng.pick(['President', 'Prime Minister', 'Foreign Minister']));
    y = cast.countries.drawWhere(rng, (c) => c !== x) ?? cast.countries.items[1];
    // An international official (the UN Secretary-General) meets, talks, visits and speaks; governments do the rest.
    if (!a.country && !INTERNATIONAL_KINDS.includes(kind)) kind = rng.pick(INTERNATIONAL_KINDS);
  }
  const b = TWO_SIDED.has(kind) || rng.chance(0.4) ? (cast.officesByCountry.get(y.code)?.drawWhere(rng, (o) => isActive(o) && o !== a) ?? null) : null;
  return {
    kind,
    published,
    day: publishedDay,
    eventDay,
    x,
    y,
    a,
    b,
    org: cast.orgs.draw(rng),
    place: placeFor(rng, cast, kind, x, y),
    topic: rng.pick(TOPICS),
    month: Math.floor(day / 30.4375),
  };
}

function titleOf(w: Writer): string {
  const { s } = w;
  const other = s.b?.surname ?? `${s.y.demonym} officials`;
  const titles: Record<Kind, string[]> = {
    MEETING: [`${s.a.surname} meets ${other} in ${s.place}`, `${s.a.surname} and ${other} meet for talks on ${s.topic}`],
    TALKS: [`${s.x.name} and ${s.y.name} hold new talks on ${s.topic}`, `Talks between ${s.x.name} and ${s.y.name} end without breakthrough`],
    SANCTIONS: [`${s.x.name} imposes new sanctions on ${s.y.name}`, `${s.y.name} vows response to ${s.x.adjective} sanctions`],
    EXPULSION: [`${s.x.name} expels ${s.y.demonym} diplomats`, `${s.y.name} condemns expulsion of diplomats by ${s.x.name}`],
    ELECTION: [`${s.x.name} votes in closely watched election`, `Early results point to tight race in ${s.x.name}`],
    STATEMENT: [`${s.a.surname} says ${s.x.name} ready to talk to ${s.y.name}`, `${s.a.surname} warns ${s.y.name} over ${s.topic}`],
    ACCUSATION: [`${s.x.name} accuses ${s.y.name} of ${w.pick(WRONGDOINGS)}`, `${s.a.surname} accuses ${s.y.name} as tensions rise`],
    MILITARY: [`${s.x.name} moves forces near ${s.y.name} border`, `${s.x.adjective} military build-up alarms ${s.y.name}`],
    ATTACK: [`Deadly attack in ${s.place}`, `Dozens dead after attack in ${s.place}`],
    PROTEST: [`Thousands protest in ${s.place}`, `Protesters fill the streets of ${s.place}`],
    AGREEMENT: [`${s.x.name} and ${s.y.name} sign deal on ${s.topic}`, `${s.x.name}, ${s.y.name} reach agreement`],
    VISIT: [`${s.a.surname} visits ${s.y.capital}`, `${s.a.surname} arrives in ${s.y.name} for talks`],
  };
  return capitalise(w.pick(titles[s.kind]));
}

/** Draws without replacement, refilling (reshuffled) when the pool runs dry. */
class Deck<T> {
  private pile: T[] = [];
  constructor(
    private readonly rng: Rng,
    private readonly items: readonly T[],
  ) {}
  draw(): T {
    if (this.pile.length === 0) this.pile = this.rng.shuffle([...this.items]);
    return this.pile.pop()!;
  }
}

/** Draws without replacement until the pool is empty, then null. */
class Hand<T> {
  private readonly pile: T[];
  constructor(rng: Rng, items: readonly T[]) {
    this.pile = rng.shuffle([...items]);
  }
  draw(): T | null {
    return this.pile.pop() ?? null;
  }
}

const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;
const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);

function writeArticle(plan: Plan, index: number): CorpusArticle {
  const rng = new Rng(mixSeed(plan.seed, index + 1));
  const story = planStory(rng, plan);
  const w = new Writer(rng, plan.cast, story);
  const title = titleOf(w);

  const details = new Hand(rng, DETAILS[story.kind]);
  const background = new Deck(rng, BACKGROUND);
  const plain = new Deck(rng, PLAIN);
  const voices = new Deck(rng, VOICES);
  const speakers: (() => [string, string])[] = [
    () => [w.A(), story.a.surname],
    () => [w.B(), story.b?.surname ?? 'officials'],
    () => [w.A(), story.a.surname],
    () => {
      const o = w.otherOffice();
      return o ? [w.person(o), o.surname] : [w.B(), story.b?.surname ?? 'officials'];
    },
  ];
  let quotes = 0;
  let others = 0;
  // After the lead, the body follows a wire story's rhythm: detail, quote, reaction, background, other voices.
  const detail = () => (details.draw() ?? background.draw())(w);
  const schedule: (() => string)[] = [
    detail,
    () => {
      const [who, again] = speakers[quotes++ % speakers.length]();
      return w.pick(QUOTE_FRAMES)(w, who, w.quote(), again);
    },
    () => plain.draw()(w),
    detail,
    () => (others++ % 2 ? voices : background).draw()(w),
    () => plain.draw()(w),
  ];
  let step = 0;
  const sentence = () => capitalise(schedule[step++ % schedule.length]());

  const targetWords = rng.int(300, 600);
  const paragraphCount = rng.int(8, 20);
  const paragraphs: string[][] = [[capitalise(w.pick(LEADS[story.kind])(w))]];
  let words = wordCount(paragraphs[0][0]);
  for (let p = 1; p < paragraphCount; p++) {
    // Sentences run ~16 words: size paragraphs so the article lands near its target length.
    const remaining = (targetWords - words) / (paragraphCount - p);
    const size = Math.max(1, Math.min(3, Math.round(remaining / 16 + (rng.next() - 0.5))));
    const paragraph: string[] = [];
    for (let k = 0; k < size; k++) {
      paragraph.push(sentence());
      words += wordCount(paragraph[paragraph.length - 1]);
    }
    paragraphs.push(paragraph);
  }
  // Top up short articles: one more sentence in paragraphs that still have room.
  for (let p = 1; words < 300 && p < paragraphs.length; p++) {
    if (paragraphs[p].length >= 3) continue;
    paragraphs[p].push(sentence());
    words += wordCount(paragraphs[p][paragraphs[p].length - 1]);
  }

  const outlet = OUTLETS[rng.int(0, OUTLETS.length - 1)];
  const date = story.published.toISOString();
  return {
    title,
    text: paragraphs.map((p) => p.join(' ')).join('\n\n'),
    url: `https://www.${outlet[1]}/${date.slice(0, 4)}/${date.slice(5, 7)}/${date.slice(8, 10)}/${slug(title)}-${plan.seed.toString(36)}-${index.toString(36)}`,
    publishedAt: `${date.slice(0, 19)}Z`,
    source: outlet[0],
  };
}

/** Articles one at a time; the same options give the same articles, and article i does not depend on how many are asked for. */
export function* generateCorpus(options: CorpusOptions): Generator<CorpusArticle> {
  const start = options.start ?? '2019-01-01';
  const days = options.days ?? 730;
  if (!Number.isInteger(options.articles) || options.articles < 0) throw new Error(`articles must be a non-negative integer, got ${options.articles}`);
  if (!Number.isInteger(options.seed)) throw new Error(`seed must be an integer, got ${options.seed}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(start) || Number.isNaN(Date.parse(`${start}T00:00:00Z`))) throw new Error(`start must be YYYY-MM-DD, got ${start}`);
  if (!Number.isInteger(days) || days < 1) throw new Error(`days must be a positive integer, got ${days}`);

  const startMs = Date.parse(`${start}T00:00:00Z`);
  const windowEnd = new Date(startMs + (days - 1) * DAY_MS).toISOString().slice(0, 10);
  const setup = new Rng(mixSeed(options.seed, 0));
  const cast = loadCast(options.gazetteerDir ?? DEFAULT_GAZETTEER_DIR, setup, start, windowEnd, options.seed, { ...POPULARITY, ...options.popularity });
  const plan: Plan = { cast, seed: options.seed, startMs, days, bursts: planBursts(setup, cast, days) };
  for (let i = 0; i < options.articles; i++) yield writeArticle(plan, i);
}

// ---------------------------------------------------------------------------------------------
// CLI

function main(): void {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
      start: { type: 'string', default: '2019-01-01' },
      days: { type: 'string', default: '730' },
      out: { type: 'string' },
    },
  });
  const started = performance.now();
  const fd = values.out ? openSync(values.out, 'w') : 1;
  let buffer = '';
  let count = 0;
  let bytes = 0;
  const flush = () => {
    bytes += writeSync(fd, buffer);
    buffer = '';
  };
  for (const article of generateCorpus({ articles: Number(values.articles), seed: Number(values.seed), start: values.start, days: Number(values.days) })) {
    buffer += `${JSON.stringify(article)}\n`;
    count++;
    if (buffer.length > 1 << 20) flush();
  }
  flush();
  if (values.out) closeSync(fd);
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(`${count} articles, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s${values.out ? ` → ${values.out}` : ''}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
