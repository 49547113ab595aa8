/**
 * Extraction: article text → sentences, entities (countries, people, organisations, places) with
 * mentions and stable keys, roles, quotes and events. `createExtractor()` loads the gazetteers
 * (and the NER model when there is one) once; `extract()` is then a pure function of its input.
 */
import type { ArticleText, EntityKind, ExtractedArticle, ExtractedEntity, ExtractedRole, Extractor, Mention } from './types.ts';
import type { Doc, Found } from './document.ts';
import { splitSentences } from './sentences.ts';
import { tokenize } from './tokens.ts';
import { isCommonWordName, isLowercaseWordName, loadGazetteers, type Gazetteers } from './gazetteers/index.ts';
import { DOCUMENT_HEADS, EVENT_HEADS, ORG_HEADS, PARTICLE_SURNAME, PERSONAL_OFFICES, STORM_NAME, STORM_WORDS } from './lexicon.ts';
import { matchGazetteers, resolveContextOrgs } from './gazetteer-mentions.ts';
import { commonNounOnce, mergeAcronyms, mergeBodiesTakenForPeople, mergeCutBodies, mergeOtherNames, mergePlacesTakenForPeople, mergeSameNames, mergeSeaShortNames, ownNationalBodies, retypeListedPeople, splitBodiesFromPeople, nameFromTitle, namesProduct, namesWork, neverANameAlone, taggedNeverPerson } from './entity-precision.ts';
import { dropCapitalsNotActing, findNames, joinCampuses } from './mentions.ts';
import { spelledOutStart } from './span-joins.ts';
import { clusterPeople, collectSurnameMentions, resolvePeople, type PersonCluster } from './people.ts';
import { citedAuthor } from './person-cues.ts';
import { findRoles } from './roles.ts';
import { attributeQuotes } from './quote-speakers.ts';
import { findQuoteSpans } from './quotes.ts';
import { findEvents, type EventMention } from './events.ts';
import { parseIsoDate } from './dates.ts';
import { containsWord, fold, slug } from './text.ts';
import { tryLoadNerTagger, type NerTagger } from './ner-bridge.ts';

export { EVENT_TYPES, eventKey } from './events.ts';
export { findDates } from './dates.ts';
export { splitSentences } from './sentences.ts';

export interface ExtractorOptions {
  /** false: rules and gazetteers only; a string: path of the NER model file; default: the shipped model if present. */
  ner?: boolean | string;
  /** Folder of the gazetteer files (default seed/gazetteers). */
  gazetteerDir?: string;
}

export interface LoadedExtractor extends Extractor {
  /** Whether the NER tagger was loaded (false: rule fallback). */
  readonly usesNer: boolean;
}

export function createExtractor(options: ExtractorOptions = {}): LoadedExtractor {
  const gaz = loadGazetteers(options.gazetteerDir);
  const tagger = options.ner === false ? null : tryLoadNerTagger(typeof options.ner === 'string' ? options.ner : undefined);
  return {
    usesNer: tagger !== null,
    extract: (article) => extractArticle(article, gaz, tagger),
  };
}

export function extractArticle(article: ArticleText, gaz: Gazetteers, tagger: NerTagger | null): ExtractedArticle {
  const text = article.text ?? '';
  const published = article.publishedAt ? article.publishedAt.slice(0, 10) : null;
  const doc = prepare(text, published);

  matchGazetteers(doc, gaz);
  const ner = tagger && doc.sentences.length > 0 ? safeRecognize(tagger, text, doc) : null;
  findNames(doc, gaz, ner);
  joinCampuses(doc, gaz);
  dropCapitalsNotActing(doc);
  const articleCountries = new Set(doc.found.filter((f) => f.kind === 'COUNTRY').map((f) => f.countryCode!));
  resolveContextOrgs(doc, articleCountries, gaz);

  const clusters = clusterPeople(doc, gaz);
  nameFromTitle(clusters, article.title ?? '', gaz);
  collectSurnameMentions(doc, clusters);
  const roleDrafts = findRoles(doc, clusters);
  // One common word ("Will", "Yeah" opening a transcript's lines) is a person only when linked or
  // titled ("Mr. Gates"), one rarer common noun ("Treason", "Cowboy") only when seen twice or cited
  // with a year; a law ("Marshall Plan") is not a person.
  const rareNoun = (c: PersonCluster) => c.mentions.length < 2 && isLowercaseWordName(gaz, c.name) && !citedAuthor(doc.text, c.mentions[0].end);
  const people = resolvePeople(gaz, clusters, { date: published && parseIsoDate(published) ? published : null, countries: articleCountries }).filter(
    (c) => c.wikidataId || ((c.mentions.some((m) => m.cue) || (!isCommonWordName(gaz, c.name) && !rareNoun(c))) && !namesDocument(c.name) && !taggedNeverPerson(c, ner, text, gaz)),
  );
  const personOf = new Map<Found, PersonCluster>();
  for (const c of people) for (const m of c.mentions) personOf.set(m, c);

  const entities = buildEntities(doc, gaz, people, article.title ?? '');
  const keyKind = new Map(entities.map((e) => [e.key, e.kind]));

  const roles = buildRoles(roleDrafts, people, personOf);

  // Token → entity, for quotes. A span merged into a longer name ("SDF" into "Syrian Democratic
  // Forces", "Harvard" into "Harvard University") speaks for the entity that holds its mention.
  const tokenEntity: ({ key: string; kind: string } | null)[] = new Array(doc.tokens.length).fill(null);
  const heldAt = new Map<number, string>();
  for (const e of entities) if (e.kind !== 'PERSON') for (const m of e.mentions) heldAt.set(m.start, e.key);
  for (const f of doc.found) {
    const key = f.kind === 'PERSON' ? personOf.get(f)?.key : f.pending ? undefined : f.key && keyKind.has(f.key) ? f.key : heldAt.get(f.start);
    if (!key || !keyKind.has(key)) continue;
    for (let i = f.t0; i < f.t1; i++) if (!tokenEntity[i] || tokenEntity[i]!.kind === 'COUNTRY') tokenEntity[i] = { key, kind: f.kind };
  }
  const quoteSpans = findQuoteSpans(text);
  const quotes = attributeQuotes(doc, quoteSpans, (i) => tokenEntity[i]).map((q) => ({
    text: q.text,
    ...(q.speakerKey ? { speakerKey: q.speakerKey } : {}),
    aboutKeys: q.aboutKeys,
    sentence: q.sentence,
  }));

  const eventMentions: EventMention[] = [];
  for (const e of entities) {
    for (const m of e.mentions) {
      eventMentions.push({ key: e.key, kind: e.kind, name: e.name, start: m.start, end: m.end, sentence: m.sentence, media: e.kind === 'ORGANIZATION' && gaz.orgsByKey.get(e.key)?.kind === 'media' });
    }
  }
  eventMentions.sort((a, b) => a.start - b.start);
  const events = findEvents(doc, eventMentions, quoteSpans, published);

  return { sentences: doc.sentences, entities, events, roles, quotes };
}

function prepare(text: string, published: string | null): Doc {
  const sentences = splitSentences(text);
  const tokens = tokenize(text);
  let s = 0;
  let startPending = true;
  for (const t of tokens) {
    while (s < sentences.length - 1 && t.start >= sentences[s + 1].start) {
      s++;
      startPending = true;
    }
    t.sentence = s;
    if (startPending && startsWithLetterOrDigit(t.text)) {
      t.sentenceStart = true;
      startPending = false;
    }
  }
  const lowerWords = new Set<string>();
  for (const t of tokens) if (startsLowerCase(t.text)) lowerWords.add(t.text);
  return {
    text,
    sentences,
    tokens,
    folded: tokens.map((t) => fold(t.text)),
    lowerWords,
    cover: new Int32Array(tokens.length).fill(-1),
    found: [],
    published: parseIsoDate(published),
  };
}

/** /^[\p{L}\p{N}]/u.test(s), without the regular expression for an ASCII first character. */
function startsWithLetterOrDigit(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return /^[\p{L}\p{N}]/u.test(s);
}

/** /^\p{Ll}/u.test(s), likewise. */
function startsLowerCase(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c < 128) return c >= 97 && c <= 122;
  return /^\p{Ll}/u.test(s);
}

function safeRecognize(tagger: NerTagger, text: string, doc: Doc) {
  try {
    return tagger.recognize(text, doc.sentences);
  } catch {
    return null;
  }
}

interface EntityDraft {
  key: string;
  kind: EntityKind;
  name: string;
  aliases: Set<string>;
  wikidataId?: string;
  code?: string;
  iso3?: string;
  countryCode?: string;
  mentions: Mention[];
  /** Derived from a gazetteer entry (a network named after its news division). */
  known?: boolean;
}

function buildEntities(doc: Doc, gaz: Gazetteers, people: PersonCluster[], title: string): ExtractedEntity[] {
  const drafts = new Map<string, EntityDraft>();
  const mention = (f: Found): Mention => ({ start: f.start, end: f.end, text: doc.text.slice(f.start, f.end), sentence: doc.tokens[f.t0].sentence });
  for (const f of doc.found) {
    if (f.kind === 'PERSON' || !f.key || f.pending) continue;
    let d = drafts.get(f.key);
    if (!d) {
      d = { key: f.key, kind: f.kind, name: f.name ?? doc.text.slice(f.start, f.end), aliases: new Set(), mentions: [] };
      if (f.kind === 'COUNTRY') {
        const c = gaz.countries.get(f.countryCode!)!;
        d.name = c.name;
        d.code = c.code;
        d.iso3 = c.iso3;
        for (const a of c.aliases) d.aliases.add(a);
      } else if (f.countryCode) d.countryCode = f.countryCode;
      if (f.kind === 'ORGANIZATION') for (const a of gaz.orgsByKey.get(f.key)?.aliases ?? []) d.aliases.add(a);
      drafts.set(f.key, d);
    }
    d.countryCode ??= f.kind !== 'COUNTRY' ? f.countryCode : undefined;
    const m = mention(f);
    if (f.kind !== 'COUNTRY' || f.countryForm !== 'demonym') d.aliases.add(m.text);
    d.mentions.push(m);
  }
  for (const c of people) {
    const d: EntityDraft = { key: c.key, kind: 'PERSON', name: c.name, aliases: new Set(c.aliases), mentions: [], wikidataId: c.wikidataId };
    for (const f of c.mentions) {
      const m = mention(f);
      d.aliases.add(m.text);
      d.mentions.push(m);
    }
    if (c.words.length > 1) d.aliases.add(c.words[c.words.length - 1]);
    drafts.set(c.key, d);
  }
  nameNetworks(drafts);
  splitBodiesFromPeople(drafts, gaz);
  mergeShortForms(drafts, gaz);
  mergeAcronyms(drafts, (d) => gaz.orgsByKey.has(d.key));
  mergeSameNames(drafts, gaz, (d) => gaz.orgsByKey.has(d.key) || gaz.placesByKey.has(d.key));
  ownNationalBodies(drafts, gaz);
  mergeSeaShortNames(drafts);
  mergePlacesTakenForPeople(drafts, (d) => gaz.orgsByKey.has(d.key));
  mergeBodiesTakenForPeople(drafts, gaz);
  retypeListedPeople(drafts, doc.text, gaz);
  mergeCutBodies(drafts, doc.text);
  mergeOtherNames(drafts, doc.text, (d) => gaz.orgsByKey.has(d.key) || gaz.placesByKey.has(d.key));
  const firstSentence = Math.min(1, doc.sentences.length - 1);
  const titleFolded = fold(title);
  const scores = new Map<string, number>();
  let max = 0;
  const personEnds = new Set<number>();
  for (const d of drafts.values()) if (d.kind === 'PERSON') for (const m of d.mentions) personEnds.add(m.end);
  const storms = stormNames(doc.text);
  const sentenceStarts = doc.sentences.map((s) => s.start);
  const surnames = new Set([...drafts.values()].filter((d) => d.kind === 'PERSON' && /\s/.test(d.name)).map((d) => d.name.split(/\s+/).pop()!));
  for (const d of drafts.values()) {
    // "Majority", "Board", "Commission": one common word is a heading's first word or a fragment of
    // a longer name (mergeShortForms took those it could place), not a name of its own. Laws and
    // offices the gazetteers do not know are not entities either.
    const known = d.known || gaz.orgsByKey.has(d.key) || gaz.placesByKey.has(d.key);
    // An acronym seen once and never spelled out ("PDF", "GPS") is more often a term than a body.
    // Unless the sentence says it is a body: a person's ("Frederick Fung of ADPL") or an owner ("MTV's series").
    const loneAcronym = !known && d.kind === 'ORGANIZATION' && /^[A-Z]{2,6}$/.test(d.name) && d.mentions.length < 2 && !actsAsBody(doc.text, d.mentions[0], personEnds);
    if (loneAcronym || (!known && !d.wikidataId && (namesWork(doc.text, d.mentions) || namesProduct(doc.text, d))) || (!known && termAcronym(doc.text, d.name)) || (d.kind !== 'COUNTRY' && (isCommonWordName(gaz, d.name) || neverANameAlone(d.name) || commonNounOnce(gaz, d, doc.text, sentenceStarts, surnames))) || (!known && d.kind !== 'COUNTRY' && (namesDocument(d.name) || storms.has(d.name) || (d.kind === 'ORGANIZATION' && namesOffice(d.name))))) {
      drafts.delete(d.key);
      continue;
    }
    d.mentions.sort((a, b) => a.start - b.start || a.end - b.end);
    const inTitle = [d.name, ...d.aliases].some((a) => a.length > 2 && containsWord(titleFolded, fold(a)));
    const early = d.mentions.some((m) => m.sentence <= firstSentence);
    const score = d.mentions.length + (inTitle ? 3 : 0) + (early ? 1 : 0);
    scores.set(d.key, score);
    max = Math.max(max, score);
  }
  const out: ExtractedEntity[] = [];
  for (const d of drafts.values()) {
    d.aliases.delete(d.name);
    const e: ExtractedEntity = {
      key: d.key,
      kind: d.kind,
      name: d.name,
      aliases: [...d.aliases].sort(),
      ...(d.wikidataId ? { wikidataId: d.wikidataId } : {}),
      ...(d.code ? { code: d.code, iso3: d.iso3 } : {}),
      ...(d.countryCode ? { countryCode: d.countryCode } : {}),
      mentions: d.mentions,
      salience: max > 0 ? Math.round((scores.get(d.key)! / max) * 1000) / 1000 : 0,
    };
    out.push(e);
  }
  return out.sort((a, b) => b.salience - a.salience || a.key.localeCompare(b.key));
}

/**
 * An acronym written as a body is written: a person's party or employer after "of" ("Frederick Fung
 * of ADPL", "Leung Kwok-hung of the LSD"), or the owner of something named next ("MTV's horror
 * series", "HBO's Game of Thrones").
 */
function actsAsBody(text: string, m: Mention | undefined, personEnds: Set<number>): boolean {
  if (!m) return false;
  // Not a plural written with an apostrophe ("offering DVD's of his films").
  const owned = /^['’]s\s+(\p{L}+)/u.exec(text.slice(m.end, m.end + 20));
  if (owned && !/^(?:of|and|or|in|on|at|to|for|from|with|that|which|are|were)$/.test(owned[1])) return true;
  const of = /\s+of\s+(?:the\s+)?$/.exec(text.slice(Math.max(0, m.start - 12), m.start));
  return of !== null && personEnds.has(m.start - of[0].length);
}

/** Acronyms of things rather than bodies: eras, diseases, file formats, measures. */
const TERM_ACRONYMS = new Set(['BC', 'BCE', 'AD', 'CE', 'COVID', 'AIDS', 'HIV', 'SARS', 'GPS', 'PDF', 'DNA', 'RNA', 'GDP', 'IQ', 'AI', 'TV', 'URL', 'HTML', 'API', 'DVD', 'CD', 'USB']);

/**
 * An acronym that names a term, not a body: a plural ("LLMs", "MDGs", and then "LLM" too), one spelled
 * out in lower case ("the interquartile range (IQR)"), as a law or a system ("… Copyright Act (DMCA)"), or a
 * known term ("BCE", "COVID").
 */
function termAcronym(text: string, name: string): boolean {
  if (!/^[A-Z]{2,6}s?$/.test(name)) return false;
  if (TERM_ACRONYMS.has(name) || /s$/.test(name) || new RegExp(`\\b${name}s\\b`).test(text)) return true;
  // A law's or a system's acronym: "a Digital Millennium Copyright Act (DMCA) notice", "Red Hat Enterprise Linux (RHEL)".
  const bracket = text.indexOf(` (${name})`);
  const start = bracket < 0 ? -1 : spelledOutStart(text, bracket, name);
  const head = start < 0 ? '' : /\S+$/.exec(text.slice(start, bracket))![0].toLowerCase();
  if (DOCUMENT_HEADS.has(head) || head === 'linux') return true;
  // The lower-case words right before "(IQR)": the first starts with its first letter and they hold its letters in order.
  const spelled = new RegExp(`((?:\\b[a-z][\\w-]*\\s+){1,${name.length}})\\(${name}\\)`).exec(text);
  if (!spelled) return false;
  const words = spelled[1].trim().split(/\s+/);
  const letters = name.toLowerCase();
  for (let k = 1; k <= words.length; k++) {
    const tail = words.slice(-k).join('');
    if (tail[0] !== letters[0]) continue;
    let i = 0;
    for (const c of tail) if (c === letters[i]) i++;
    if (i === letters.length) return true;
  }
  return false;
}

/** "United States Constitution", "Marshall Plan": the name of a law or a document, not of a person, place or body. */
function namesDocument(name: string): boolean {
  const words = name.toLowerCase().split(/\s+/);
  if (words.length < 2) return false;
  const last = words[words.length - 1];
  // Events too: "Texas Revolution", "National Spelling Bee", "Siege of Savannah", "Typhoon Haiyan".
  if (STORM_WORDS.has(words[0]) || (words.length > 2 && STORM_WORDS.has(`${words[0]} ${words[1]}`))) return true;
  // A bill of three words or more ("Reproductive Health Care Reform Bill"), not "Buffalo Bill".
  return DOCUMENT_HEADS.has(last) || (last === 'bill' && words.length > 2) || EVENT_HEADS.has(last) || (words[1] === 'of' && EVENT_HEADS.has(words[0]));
}

/** The names of the storms the text names ("Tropical Storm Barry" → Barry): alone, such a name is the storm, not a person. */
function stormNames(text: string): Set<string> {
  return new Set([...text.matchAll(STORM_NAME)].map((m) => m[1]));
}

/** "National Security Advisor": an office a person holds, not an organisation. */
function namesOffice(name: string): boolean {
  const words = name.toLowerCase().split(/\s+/);
  return words.length > 1 && PERSONAL_OFFICES.has(words[words.length - 1]);
}

/**
 * A one-word organisation or place the gazetteers do not know, that is a common word of a longer
 * name, a plural ending a body's name, or a person's given name or surname in the same article, is
 * that entity's short form: "House" or "Representatives" beside "United States House of
 * Representatives", "Biden" (tagged an organisation) beside "Joe Biden"; so is a surname opened by a
 * particle ("La Riva" beside "Gloria La Riva"). When two longer names hold the word ("Joe Biden",
 * "Hunter Biden") it is one of them, not a third entity: it goes.
 */
function mergeShortForms(drafts: Map<string, EntityDraft>, gaz: Gazetteers): void {
  const short = [...drafts.values()].filter(
    (d) => (d.kind === 'ORGANIZATION' || d.kind === 'PLACE') && (!/\s/.test(d.name) || PARTICLE_SURNAME.test(d.name)) && !gaz.orgsByKey.has(d.key) && !gaz.placesByKey.has(d.key),
  );
  if (short.length === 0) return;
  const long = [...drafts.values()].filter((d) => d.kind !== 'COUNTRY' && /\s/.test(d.name)).map((d) => ({ d, words: d.name.split(/[\s-]+/).map(fold) }));
  for (const d of short) {
    const word = fold(d.name);
    const tail = word.split(/[\s-]+/);
    // A place's own name inside a longer one ("Durham" in "Durham University") is still the place:
    // only a common word, a body's plural head or a person's given name or surname is a short form.
    const common = tail.length === 1 && isCommonWordName(gaz, d.name);
    // A plural ending a longer body's name is its short form ("Representatives", "the Reds" of the
    // Cincinnati Reds); not a word inside a name ("Mets Poet").
    const plural = tail.length === 1 && !common && /^\p{Lu}\p{Ll}+s$/u.test(d.name);
    const surnameOf = (words: string[]) => words.length > tail.length && words.slice(-tail.length).join(' ') === tail.join(' ');
    // A given name alone is the one person of the article it opens ("on which Hunter served" of Hunter Biden).
    const givenOf = (words: string[]) => tail.length === 1 && words.length > 1 && words[0] === word && gaz.givenNames.has(word);
    // A town placed in its state ("Patrick Crusius of Allen, Texas") is no one's surname.
    const person = (words: string[]) => !(d.kind === 'PLACE' && d.countryCode) && (surnameOf(words) || givenOf(words));
    const holders = long.filter(({ d: o, words }) => (common ? words.includes(word) : o.kind === 'PERSON' ? person(words) : o.kind === 'ORGANIZATION' && ((plural && words[words.length - 1] === word) || (d.kind === 'ORGANIZATION' && namedAfter(words, word)))));
    if (holders.length === 0) continue;
    drafts.delete(d.key);
    if (holders.length > 1) continue;
    const [{ d: o }] = holders;
    o.mentions.push(...d.mentions);
    for (const m of d.mentions) o.aliases.add(m.text);
  }
}

/**
 * An organisation named after a word with only organisation heads around it: "Harvard University" and
 * "Tsinghua University" are what "Harvard" and "Tsinghua" stand for, "Church of Scientology" what
 * "Scientology" does.
 */
function namedAfter(words: string[], word: string): boolean {
  const at = words.indexOf(word);
  if (at < 0) return false;
  const rest = words.filter((_, i) => i !== at).map((w) => w.toLowerCase());
  return rest.length > 0 && rest.every((w) => ORG_HEADS.has(w) || w === 'of' || w === 'the') && rest.some((w) => ORG_HEADS.has(w));
}

/**
 * "ABC", "CBS" and "NBC" alone are the networks; the gazetteers know their news divisions ("ABC
 * News"). When the article never names the division, the entity is the network, named as written.
 */
function nameNetworks(drafts: Map<string, EntityDraft>): void {
  for (const d of [...drafts.values()]) {
    if (d.kind !== 'ORGANIZATION' || !/ News$/.test(d.name)) continue;
    const short = d.name.slice(0, -' News'.length);
    if (!d.mentions.every((m) => m.text === short)) continue;
    const key = `org:${slug(short)}`;
    if (drafts.has(key)) continue;
    drafts.delete(d.key);
    drafts.set(key, { ...d, key, name: short, aliases: new Set(), known: true });
  }
}

function buildRoles(drafts: ReturnType<typeof findRoles>, people: PersonCluster[], personOf: Map<Found, PersonCluster>): ExtractedRole[] {
  const live = new Set(people);
  const seen = new Set<string>();
  const out: ExtractedRole[] = [];
  // Mention → index of the first kept cluster holding it (built when first needed).
  let firstHolder: Map<Found, number> | null = null;
  /** The first of `people` that holds any of the cluster's mentions (a cluster merged into another). */
  const holderOf = (cluster: PersonCluster): PersonCluster | undefined => {
    if (!firstHolder) {
      firstHolder = new Map();
      people.forEach((p, i) => {
        for (const m of p.mentions) if (!firstHolder!.has(m)) firstHolder!.set(m, i);
      });
    }
    let best = -1;
    for (const m of cluster.mentions) {
      const i = firstHolder.get(m);
      if (i !== undefined && (best < 0 || i < best)) best = i;
    }
    return best < 0 ? undefined : people[best];
  };
  for (const r of drafts) {
    const cluster = live.has(r.cluster) ? r.cluster : holderOf(r.cluster);
    if (!cluster) continue;
    let countryKey = r.countryCode ? `country:${r.countryCode}` : undefined;
    if (!countryKey && r.ofPerson) {
      const owner = personOf.get(r.ofPerson);
      const ownerCountry = owner?.record?.positions.find((p) => p.country)?.country;
      if (ownerCountry) countryKey = `country:${ownerCountry}`;
    }
    const role: ExtractedRole = {
      personKey: cluster.key,
      title: r.title,
      ...(countryKey ? { countryKey } : {}),
      ...(r.organizationKey ? { organizationKey: r.organizationKey } : {}),
      sentence: r.sentence,
      ...(r.former ? { former: true } : {}),
    };
    const id = `${role.personKey}|${role.title.toLowerCase()}|${role.countryKey ?? ''}|${role.organizationKey ?? ''}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(role);
  }
  return out;
}
