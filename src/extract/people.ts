/**
 * People: within-article coreference (surname, "Mr. Surname" and title forms join the full name)
 * and linking to the Wikidata people gazetteer.
 *
 * Linking. Candidates come from the full name (spelling-tolerant keys: Sergei/Sergey) or, for a
 * surname used alone, from the surname index. Each candidate is scored by
 *   - an office held on the article's date (+3, more for high offices),
 *   - offices in a country the article mentions (+2),
 *   - agreement with a title the article gives the person ("Foreign Minister" ~ "Minister of
 *     Foreign Affairs", +3).
 * A full name with one candidate links to it; several candidates need a clear winner. A surname
 * alone links only to someone in high office on that date in a country of the article (or with a
 * matching title), clearly ahead of the other bearers of the name. Unlinked people keep a slug key.
 */
import type { Doc, Found } from './document.ts';
import type { Gazetteers, PersonRecord, Position } from './gazetteers/index.ts';
import { fold, nameKey, nameWordKey, slug } from './text.ts';
import { isNameWord } from './mentions.ts';
import { COMMON_CAPITALIZED, NEVER_PERSON, RELIGION_ADJECTIVES, SURNAME_PARTICLE } from './lexicon.ts';

export interface PersonCluster {
  key: string;
  name: string;
  /** Name words of the fullest form seen ("Sergei Lavrov"). */
  words: string[];
  surnameKey: string;
  mentions: Found[];
  wikidataId?: string;
  record?: PersonRecord;
  /** Titles the article gives the person (filled in by roles.ts before linking). */
  titles: string[];
  aliases: Set<string>;
}

export interface LinkContext {
  date: string | null;
  countries: Set<string>;
}

/**
 * The words of a person's name: without punctuation, a nickname in quotes (Matiu "Matt" Ratana) or
 * letters after the name (Daniel Bernoulli FRS, Zaha Hadid DBE RA).
 */
function nameWordsOf(doc: Doc, f: Found): string[] {
  const words: string[] = [];
  let quoted = false;
  for (const t of doc.tokens.slice(f.t0, f.t1)) {
    if (/^["“”‘’'«»]$/.test(t.text)) quoted = !quoted;
    else if (!quoted && /[\p{L}\p{N}]/u.test(t.text)) words.push(t.text);
  }
  while (words.length > 2 && /^[A-Z]{2,4}$/.test(words[words.length - 1])) words.pop();
  return words;
}

/**
 * The name words of each person mention, where a given name alone before "and" and a full name
 * shares that name's surname: "Mark and Patricia McCloskey" are Mark McCloskey and Patricia
 * McCloskey, not a Mark of some other full name. Only when both first words are given names and the
 * lone word ends no full name of the article ("Warren and Bernie Sanders" beside Elizabeth Warren).
 */
function sharedSurnames(doc: Doc, gaz: Gazetteers, people: Found[]): Map<Found, string[]> {
  const wordsOf = new Map(people.map((f) => [f, nameWordsOf(doc, f)]));
  const surnames = new Set([...wordsOf.values()].filter((w) => w.length > 1).map((w) => nameWordKey(w[w.length - 1])));
  const ordered = [...people].sort((a, b) => a.start - b.start);
  for (let i = 0; i + 1 < ordered.length; i++) {
    const [lone, full] = [wordsOf.get(ordered[i])!, wordsOf.get(ordered[i + 1])!];
    if (lone.length !== 1 || full.length !== 2 || !/^\s+and\s+$/.test(doc.text.slice(ordered[i].end, ordered[i + 1].start))) continue;
    if (!gaz.givenNames.has(fold(lone[0])) || !gaz.givenNames.has(fold(full[0])) || surnames.has(nameWordKey(lone[0]))) continue;
    wordsOf.set(ordered[i], [lone[0], full[1]]);
  }
  return wordsOf;
}

/** Groups person mentions into clusters (one per real person in the article). */
export function clusterPeople(doc: Doc, gaz: Gazetteers): PersonCluster[] {
  const people = doc.found.filter((f) => f.kind === 'PERSON');
  const wordsOf = sharedSurnames(doc, gaz, people);
  const clusters: PersonCluster[] = [];
  const byFull = new Map<string, PersonCluster[]>();
  // Full names first, in text order.
  for (const f of people) {
    const words = wordsOf.get(f)!;
    if (words.length < 2) continue;
    const first = nameWordKey(words[0]);
    const last = nameWordKey(words[words.length - 1]);
    const id = `${first} ${last}`;
    // "George H. W. Bush" and "George W. Bush" are two people: middle names that differ keep them apart.
    const sameName = byFull.get(id) ?? [];
    let c = sameName.find((other) => middlesAgree(other.words, words));
    if (!c) {
      // "Vladimir Putin" then "Putin" is fine; "Donald Trump" and "Ivanka Trump" stay apart.
      c = { key: '', name: words.join(' '), words, surnameKey: last, mentions: [], titles: [], aliases: new Set() };
      byFull.set(id, [...sameName, c]);
      clusters.push(c);
    } else if (words.length > c.words.length) {
      c.words = words;
      c.name = words.join(' ');
    }
    c.mentions.push(f);
    f.pending = false;
  }
  // Single words: a surname (or, failing that, a given name) of a full name, else their own cluster.
  const singles = new Map<string, PersonCluster>();
  for (const f of people) {
    const words = wordsOf.get(f)!;
    if (words.length !== 1) continue;
    const k = nameWordKey(words[0]);
    // A given name alone ("Frank" in an interview with Frank Messina) is that person when one full name
    // of the article starts with it, or when a title says it is a person.
    const byGivenName = (c: PersonCluster) => c.words.length > 1 && nameWordKey(c.words[0]) === k;
    const givenNameOfOne = clusters.filter(byGivenName).length === 1;
    const match = nearestCluster(clusters, f, (c) => c.surnameKey === k) ?? nearestCluster(clusters, f, (c) => byGivenName(c) && (givenNameOfOne || f.cue === true));
    if (match) {
      match.mentions.push(f);
      f.pending = false;
      continue;
    }
    let c = singles.get(k);
    if (!c) {
      c = { key: '', name: words[0], words, surnameKey: k, mentions: [], titles: [], aliases: new Set() };
      singles.set(k, c);
    }
    c.mentions.push(f);
  }
  clusters.push(...singles.values());
  return joinNamesGivenAs(doc, joinNamePrefixes(clusters, gaz));
}

/**
 * "John Luk" beside "John Luk Jok", "Andrés Manuel" beside "Andrés Manuel López Obrador": a full name
 * that is the first words of one longer full name of the article is that person, and so are the
 * surnames counted to it ("Luk"); so is a surname opened by a particle that ends one ("De La Fuente").
 */
function joinNamePrefixes(clusters: PersonCluster[], gaz: Gazetteers): PersonCluster[] {
  const keys = (c: PersonCluster) => c.words.map(nameWordKey);
  const gone = new Set<PersonCluster>();
  for (const short of clusters) {
    if (short.words.length < 2) continue;
    const head = keys(short).join(' ') + ' ';
    // Not when a common word goes on from it: "George Floyd Justice" (of a law's name) is not George Floyd.
    const extends_ = (c: PersonCluster) => c.words.length > short.words.length && (keys(c).join(' ') + ' ').startsWith(head) && !c.words.slice(short.words.length).some((w) => gaz.commonWords.has(w.toLowerCase()));
    // "De La Fuente" beside "Rocky De La Fuente": a surname opened by a particle is the end of one full name.
    const tail = ' ' + keys(short).join(' ');
    const endsWith = (c: PersonCluster) => SURNAME_PARTICLE.test(short.words[0]) && c.words.length > short.words.length && (' ' + keys(c).join(' ')).endsWith(tail);
    const longer = clusters.filter((c) => extends_(c) || endsWith(c));
    if (longer.length !== 1) continue;
    longer[0].mentions.push(...short.mentions);
    longer[0].mentions.sort((a, b) => a.start - b.start);
    for (const a of short.aliases) longer[0].aliases.add(a);
    gone.add(short);
  }
  return clusters.filter((c) => !gone.has(c));
}

/** "wrestled as", "known as", "ring name", "stage name": what follows is another name of the person before. */
const NAME_GIVEN_AS = /\b(?:(?:known|wrestled|wrestles|wrestling|performed|performs|performing|billed|competed|competes|debuted|wrote|writes|writing|better known)\s+as(?:\s+the)?(?:\s+\p{Ll}+)?|(?:ring|stage|pen|screen)\s+names?(?:\s+of)?)\s*$/u;

/**
 * A person named after "wrestled as", "under the ring name", "known as" is the person named just
 * before (a wrestler's ring names, a writer's pen name), and so is a second name joined by "and"
 * or "or": one entity, not one per name.
 */
function joinNamesGivenAs(doc: Doc, clusters: PersonCluster[]): PersonCluster[] {
  const clusterOf = new Map<Found, PersonCluster>();
  for (const c of clusters) for (const m of c.mentions) clusterOf.set(m, c);
  const mentions = [...clusterOf.keys()].sort((a, b) => a.start - b.start);
  const gone = new Set<PersonCluster>();
  let owner: PersonCluster | null = null;
  for (let i = 1; i < mentions.length; i++) {
    const f = mentions[i];
    const before = doc.text.slice(mentions[i - 1].end, f.start);
    const given = NAME_GIVEN_AS.test(doc.text.slice(Math.max(0, f.start - 60), f.start)) && !/[.!?]\s/.test(before);
    const coordinated = owner !== null && /^\s*(?:and|or|,)\s*$/.test(before);
    if (!given && !coordinated) {
      owner = null;
      continue;
    }
    owner ??= clusterOf.get(mentions[i - 1])!;
    const c = clusterOf.get(f)!;
    if (c === owner || gone.has(owner)) continue;
    for (const m of c.mentions) {
      owner.mentions.push(m);
      clusterOf.set(m, owner);
      m.pending = false;
    }
    c.mentions = [];
    gone.add(c);
  }
  return clusters.filter((c) => !gone.has(c));
}

function middlesAgree(a: string[], b: string[]): boolean {
  const middle = (words: string[]) => words.slice(1, -1).map((w) => w.replace(/\./g, '').toLowerCase()).join(' ');
  const [ma, mb] = [middle(a), middle(b)];
  return !ma || !mb || ma === mb;
}

function nearestCluster(clusters: PersonCluster[], f: Found, pred: (c: PersonCluster) => boolean): PersonCluster | undefined {
  let best: PersonCluster | undefined;
  let bestDistance = Infinity;
  for (const c of clusters) {
    if (!pred(c)) continue;
    for (const m of c.mentions) {
      const d = m.start <= f.start ? f.start - m.start : 1e9 + m.start - f.start;
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
  }
  return best;
}

/** Capitalised words elsewhere in the text equal to a cluster's surname become its mentions too. */
export function collectSurnameMentions(doc: Doc, clusters: PersonCluster[]): Found[] {
  const bySurname = new Map<string, PersonCluster>();
  for (const c of clusters) {
    const last = c.words[c.words.length - 1];
    // A regnal number or a suffix is no surname: "Damasus I" must not take every "I" of the text; nor is a
    // faith's word ("The Atheist Muslim", a book's title read as a person, must not take every "Muslim").
    if (/^(?:[IVX]+|\p{Lu}\.?|Jr\.?|Sr\.?)$/u.test(last) || RELIGION_ADJECTIVES.has(last.toLowerCase())) continue;
    if (c.words.length > 1 || c.mentions.some((m) => !m.pending)) bySurname.set(fold(last), c);
  }
  const added: Found[] = [];
  doc.tokens.forEach((t, i) => {
    if (doc.cover[i] >= 0) return;
    const c = bySurname.get(doc.folded[i]);
    if (!c || !isNameWord(t.text)) return;
    const prevWord = i > 0 ? doc.tokens[i - 1].text : '';
    if (isNameWord(prevWord) && doc.cover[i - 1] < 0 && !COMMON_CAPITALIZED.has(prevWord.toLowerCase())) return; // another person's full name
    const f: Found = { kind: 'PERSON', t0: i, t1: i + 1, start: t.start, end: t.end };
    doc.cover[i] = doc.found.length;
    doc.found.push(f);
    c.mentions.push(f);
    added.push(f);
  });
  return added;
}

const HIGH_OFFICE = /^(?:president|prime minister|vice[- ]president|chancellor|premier|king|queen|emperor|secretary of state|secretary-general|first lord of the treasury|chief executive)\b/i;
const MINISTERIAL = /\b(?:minister|secretary|attorney general|governor|mayor|ambassador|permanent representative|director|chairman|chair|speaker|commissioner|administrator|judge|justice|president)\b/i;

function officeRank(title: string): number {
  if (HIGH_OFFICE.test(title)) return 3;
  // "Senior Advisor to the President" is an adviser, not a president: rank the head of the title.
  title = title.split(/\s+(?:to|of|for)\s+/)[0];
  if (/\b(?:advis[eo]r|aide|assistant|lady|spouse)\b/i.test(title)) return 1;
  if (/^(?:deputy|assistant|under|parliamentary under|vice|first deputy|state secretary)/i.test(title)) return 1;
  // A cabinet office ("Minister of Foreign Affairs", "Secretary of Defense") outranks other appointments.
  if (/^(?:minister|secretary|attorney general)\b/i.test(title)) return 2.5;
  if (MINISTERIAL.test(title)) return 2;
  return 0.5; // members of legislatures and assemblies
}

function activeOn(p: Position, date: string): boolean {
  return (!p.start || p.start <= date) && (!p.end || p.end >= date);
}

const TITLE_SYNONYMS: [RegExp, string][] = [
  [/\bforeign\b/g, 'foreign affairs'],
  [/\bdefen[cs]e\b/g, 'defence'],
  [/\bsecretary of state\b/g, 'secretary state'],
  [/\bu\.?n\.?\b/g, 'united nations'],
];

function titleWords(title: string): string[] {
  let t = title.toLowerCase();
  for (const [re, to] of TITLE_SYNONYMS) t = t.replace(re, to);
  return t.split(/[^a-z]+/).filter((w) => w.length > 2 && !['the', 'and', 'for', 'former', 'top', 'acting', 'minister'].includes(w) || w === 'minister');
}

/** How well an article title ("Foreign Minister") fits a gazetteer office ("Minister of Foreign Affairs"). */
export function titleMatches(articleTitle: string, office: string): boolean {
  const want = titleWords(articleTitle);
  if (want.length === 0) return false;
  const have = new Set(titleWords(office));
  return want.every((w) => have.has(w));
}

interface Scored {
  index: number;
  score: number;
  active: boolean;
  countryMatch: boolean;
  titleMatch: boolean;
  rank: number;
}

function score(gaz: Gazetteers, index: number, cluster: PersonCluster, ctx: LinkContext): Scored {
  const p = gaz.people.get(index);
  let s = 0;
  let active = false;
  let rank = 0;
  let countryMatch = false;
  let titleMatch = false;
  for (const pos of p.positions) {
    const isActive = ctx.date ? activeOn(pos, ctx.date) : false;
    const r = officeRank(pos.title);
    if (isActive) {
      active = true;
      rank = Math.max(rank, r);
    }
    if (pos.country && ctx.countries.has(pos.country)) countryMatch = true;
    if (cluster.titles.some((t) => titleMatches(t, pos.title))) titleMatch = true;
  }
  if (active) s += 3 + rank;
  else if (ctx.date && p.positions.some((pos) => pos.end && pos.end < ctx.date! && pos.end >= String(+ctx.date!.slice(0, 4) - 3))) s += 1;
  if (countryMatch) s += 2;
  if (titleMatch) s += 3;
  if (p.dod && ctx.date && p.dod < ctx.date) s -= 2;
  return { index, score: s, active, countryMatch, titleMatch, rank };
}

function firstNameCompatible(a: string, b: string): boolean {
  const ka = nameWordKey(a);
  const kb = nameWordKey(b);
  if (ka === kb) return true;
  if (ka.length < 3 || kb.length < 3) return false;
  return ka.slice(0, 4) === kb.slice(0, 4) || editDistance(ka, kb) <= 2;
}

function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0];
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j];
      dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length];
}

/** Chooses the gazetteer person a cluster refers to, or none. */
export function linkCluster(gaz: Gazetteers, cluster: PersonCluster, ctx: LinkContext): number | null {
  if (cluster.words.length >= 2) {
    const full = cluster.words.join(' ');
    let ids = gaz.peopleByName.get(nameKey(full)) ?? [];
    if (ids.length === 0 && cluster.words.length > 2) {
      // Without the middle names, only someone whose own middle names do not contradict them.
      ids = (gaz.peopleByName.get(`${nameWordKey(cluster.words[0])} ${cluster.surnameKey}`) ?? []).filter((i) => middlesAgree(gaz.people.get(i).name.split(/\s+/), cluster.words));
    }
    if (ids.length === 0) {
      // Same surname and a compatible given name (Aleksandr/Alexander).
      ids = (gaz.peopleBySurname.get(cluster.surnameKey) ?? []).filter((i) => {
        const name = gaz.people.get(i).name.split(/\s+/);
        return name.length >= 2 && firstNameCompatible(name[0], cluster.words[0]);
      });
      if (ids.length === 0) return null;
      const scored = ids.map((i) => score(gaz, i, cluster, ctx)).sort((a, b) => b.score - a.score);
      const [best, second] = scored;
      // A looser name match needs support from the context.
      if (best.score < 4 || (second && second.score > best.score - 2)) return null;
      return best.index;
    }
    if (ids.length === 1) {
      // A namesake who sat in some regional assembly is not enough: the office, the date or the
      // country must fit the article too.
      const only = score(gaz, ids[0], cluster, ctx);
      const record = gaz.people.get(ids[0]);
      const prominent = record.positions.some((p) => officeRank(p.title) >= 2.5);
      return only.countryMatch || only.active || only.titleMatch || prominent || !ctx.date ? ids[0] : null;
    }
    const scored = ids.map((i) => score(gaz, i, cluster, ctx)).sort((a, b) => b.score - a.score);
    return scored[0].score > scored[1].score ? scored[0].index : null;
  }
  const ids = gaz.peopleBySurname.get(cluster.surnameKey);
  if (!ids || ids.length === 0 || ids.length > 400) return null;
  const scored = ids.map((i) => score(gaz, i, cluster, ctx)).sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  const strong = best.active && best.rank >= 2 && (best.countryMatch || best.titleMatch);
  if (!strong && !(best.titleMatch && best.countryMatch)) return null;
  if (second && second.score > best.score - 1.5) return null;
  return best.index;
}

/**
 * Gives every cluster its key and name: linked ones `person:Q…` with the article's fullest form
 * of the name (or the gazetteer's when the article only gives a surname), unlinked ones a slug.
 * Pending surname-only clusters that neither link nor carry a person cue are dropped.
 */
export function resolvePeople(gaz: Gazetteers, clusters: PersonCluster[], ctx: LinkContext): PersonCluster[] {
  const kept: PersonCluster[] = [];
  for (const c of clusters) {
    const pending = c.mentions.every((m) => m.pending);
    const cue = c.mentions.some((m) => m.cue);
    const display = c.words.join(' ');
    if (NEVER_PERSON.has(display.toLowerCase())) continue;
    const linked = linkCluster(gaz, c, ctx);
    if (linked === null && pending && !cue) continue;
    if (linked !== null) {
      const record = gaz.people.get(linked);
      c.record = record;
      c.wikidataId = record.qid;
      c.key = `person:${record.qid}`;
      // A name written in capitals ("JOHN OSSOFF" in a transcript) is named as the gazetteer writes it.
      c.name = c.words.length >= 2 && display !== display.toUpperCase() ? display : record.name;
      if (record.name !== c.name) c.aliases.add(record.name);
      for (const a of record.aliases) c.aliases.add(a);
    } else {
      c.key = `person:${slug(display)}`;
      c.name = display;
    }
    for (const m of c.mentions) m.pending = false;
    kept.push(c);
  }
  // Two clusters may link to one person ("Sergei Lavrov" and a stray "Sergey Lavrov"): merge them.
  const byKey = new Map<string, PersonCluster>();
  for (const c of kept) {
    const other = byKey.get(c.key);
    if (!other) byKey.set(c.key, c);
    else {
      other.mentions.push(...c.mentions);
      other.titles.push(...c.titles);
      for (const a of c.aliases) other.aliases.add(a);
      if (c.words.length > other.words.length) {
        other.aliases.add(other.name);
        other.words = c.words;
        other.name = c.name;
      }
    }
  }
  return [...byKey.values()];
}
