/**
 * Events: trigger words typed with CAMEO-style codes, participants from the clause around the
 * trigger, a location, a date resolved against the publication date, and a key that is the same
 * for every article reporting the same event.
 *
 * Event key rule (see eventKey): `event:<type>:<day>:<core participants>` where <day> is the
 * event's own date (else the article's publication date, else "undated"), and the core
 * participants are the sorted keys of the people involved, or of the countries and organisations
 * when no person is named. The location is left out on purpose: one report says "in Manila",
 * another "in the Philippines", another nothing, and they must still meet.
 */
import type { EventRole, ExtractedEvent } from './types.ts';
import type { Doc } from './document.ts';
import { findDates, type DateMention } from './dates.ts';
import { insideQuote, type QuoteSpan } from './quotes.ts';

export interface EventType {
  cameoCode: string;
  /** Noun for titles. */
  noun: string;
  /** Symmetric events have participants; directed ones an actor and a target. */
  symmetric: boolean;
  trigger: RegExp;
}

/**
 * The event types and their codes, in one place. CAMEO root/sub codes: 040 consult, 042 make a
 * visit, 046 engage in negotiation, 057 sign formal agreement, 010 make statement, 112 accuse,
 * 140 protest, 150 exhibit military posture, 163 impose embargo/sanctions, 174 expel or deport,
 * 180 assault. CAMEO has no code for elections: "X01" is this project's extension.
 */
export const EVENT_TYPES: Record<string, EventType> = {
  MEETING: {
    cameoCode: '040',
    noun: 'Meeting',
    symmetric: true,
    // CAMEO 040 "consult" covers telephone calls between leaders.
    trigger: /\b(?:met|meets?|meetings?|summit|(?:tele)?phone (?:call|conversation)s?|call between|spoke (?:on|by|over) the (?:tele)?phone|gathered (?:in|at))\b/g,
  },
  TALKS: { cameoCode: '046', noun: 'Talks', symmetric: true, trigger: /\b(?:talks|negotiations|negotiated|peace process)\b/g },
  // "an officially sanctioned world record" is approval, not a sanction: the adjective is left out.
  SANCTIONS: { cameoCode: '163', noun: 'Sanctions', symmetric: false, trigger: /\b(?:sanction(?:s|ing)?|(?<!(?:\b(?:a|an|the|officially|not)) )sanctioned|embargo(?:es)?)\b/g },
  EXPULSION: {
    cameoCode: '174',
    noun: 'Expulsion',
    symmetric: false,
    trigger: /\b(?:expel(?:s|led|ling)?|expulsions?|deport(?:ed|ing|ations?)?|persona non grata|(?:reduce|cut|slash)(?:s|d|ing)? (?:its|their|the) (?:diplomatic (?:personnel|staff|presence)|number of diplomats))\b/g,
  },
  ELECTION: { cameoCode: 'X01', noun: 'Election', symmetric: true, trigger: /\b(?:elections?|elected|re-elected|reelected|referendum)\b/g },
  STATEMENT: { cameoCode: '010', noun: 'Statement', symmetric: false, trigger: /\b(?:[Ii]n (?:a|his|her|its|their) (?:joint |written )?statement|(?:issued|released) (?:a )?statements?|statements? (?:released|issued) by|(?<!(?:was|were|been|be|is|are) )announced|(?<!(?:was|were|been|be|is|are) )declared)\b/g },
  ACCUSATION: { cameoCode: '112', noun: 'Accusation', symmetric: false, trigger: /\b(?:accus(?:e|ed|es|ing|ations?)|blamed|alleged|condemn(?:s|ed)|denounc(?:es|ed)|critici[sz]ed|spoke out against)\b/g },
  MILITARY: {
    cameoCode: '150',
    noun: 'Military action',
    symmetric: false,
    trigger: /\b(?:troops|military exercises?|military drills|deploy(?:ed|ment)|air ?strikes?|missile (?:tests?|launch(?:es)?)|testing (?:those |the )?missiles|offensive|invasion|invaded|incursion|military operations?|shelling)\b/g,
  },
  ATTACK: {
    cameoCode: '180',
    noun: 'Attack',
    symmetric: false,
        // "killed" only counts with an actor (checked below): "X killed Y", not "killed in a crash".
    trigger: /\b(?:attack(?:s|ed)?|bomb(?:s|ing|ings|ed)?|shooting|shot dead|stab(?:s|bed|bing)?|murder(?:s|ed)?|assassinat(?:ed|ion)|killed|gunmen|suicide bomber|massacre)\b/g,
  },
  PROTEST: { cameoCode: '140', noun: 'Protest', symmetric: true, trigger: /\b(?:protest(?:s|ed|ers|ing)?|demonstrat(?:ion|ions|ors)|rall(?:y|ies))\b/g },
  AGREEMENT: { cameoCode: '057', noun: 'Agreement', symmetric: true, trigger: /\b(?:agreements?|agreed (?:to|on|upon)|treaty|accord|ceasefire|cease-fire|signed a deal)\b/g },
  VISIT: { cameoCode: '042', noun: 'Visit', symmetric: false, trigger: /\b(?:visit(?:s|ed)?|trip to|arrived in|flew to|travell?ed to)\b/g },
};

/** An entity mention as events see it. */
export interface EventMention {
  key: string;
  kind: string;
  name: string;
  start: number;
  end: number;
  sentence: number;
  /** Media organisations report events; they do not take part in them. */
  media?: boolean;
}

interface Draft {
  type: string;
  sentence: number;
  triggerAt: number;
  roles: Map<string, EventRole>;
  location?: string;
  date?: string;
}

const SOURCE_AFTER = /^\)?(?:['’]s\s+\w+)?\s*(?:,[^,]{0,20},\s*)?(?:(?:has|have|had)\s+)?(?:said|says|told|reported|stated|added|confirmed|announced|called|agreed|saying)\b/;
/** "Lorenzana said he had ordered …": the source speaks of what they did themselves. */
const SELF_REPORT = /^\)?\s*(?:said|says|told \w+|stated|added|confirmed|announced)\s+(?:that\s+)?(?:he|she|it|they|we)\b/;
/** Plans and conditions are not events: "if …", "was planning to visit", "worked to arrange a meeting". */
const HYPOTHETICAL = /\b(?:if|would|could|might|unless|whether|will|not|never|plann(?:ed|ing)|plans?\s+to|arrange|scheduled|expected|proposed|possible|potential|(?:commit|pledg|promis|threaten|vow)(?:s|ed|ing|ting|ted)?\s+to)\b|n't\b/;
/** After the trigger: still to come ("the annual meeting … is set to open tomorrow") or only intended ("a bomb plan"). */
const NOT_YET = /^\s*(?:plan|plot|threat|scare)s?\b|^[^,.;]{0,60}\b(?:(?:is|are)\s+(?:set|scheduled|expected|due)\s+to|will)\b/;
/** "The United States had not, as of yesterday, announced any plans": the negation may sit in the clause before. */
const NEGATED = /\b(?:had|has|have|did|does|do|was|were|is|are)(?:\s+not|n't)\b|\bnever\b/;
/** A generic description, not an event: "the way the legislature is elected". */
const GENERIC_PRESENT = /\b(?:is|are)\s+$/;
/** Auxiliaries before a past participle: the mention before them is what the act was done to. */
const PASSIVE_BETWEEN = /^(?:\s*,[^,]{0,80},)?\s*(?:,\s*who\s+)?(?:was|were|is|are|has been|have been|had been|being|been|was being)\s+(?:\w+ly\s+)?$/;
const PARTICIPLE = /(?:ed|en|shot|hit|met|struck|held|sanctioned)$/;
/** "the attack", "this stabbing": a report of an event already told, unless it says more ("the attack on the embassy"). */
const ANAPHORIC_BEFORE = /\b(?:the|this|that|these|those|its|their|his|her)\s+(?:[a-z]+\s+)?$/i;
const SPECIFIER_AFTER = /^\s*(?:on|against|in|at|by|of|targeting|near)\b/;
/** A trigger inside an office's name: "special envoy for Ukraine negotiations". */
const IN_TITLE = /\b(?:envoy|representative|negotiator|ambassador|minister|secretary|committee|commission|office|department)\s+(?:for|on|of)\s+(?:\p{Lu}[\p{L}-]*\s+){0,3}$/u;
/** Prepositions whose object, before a directed trigger, is no party to it ("documents from Secretary of State Mike Pompeo as part of its investigation into alleged misconduct"). */
const PREPOSITION_BEFORE = /\b(?:from|to|for|with|of|on|about|into|against|at|in)\s+(?:(?:the|a|an)\s+)?(?:(?:\p{Lu}[\p{L}.'’-]*|[a-z]+ (?=\p{Lu}))\s+){0,5}$/u;

export function findEvents(doc: Doc, mentions: EventMention[], quotes: QuoteSpan[], published: string | null): ExtractedEvent[] {
  const drafts: Draft[] = [];
  const bySentence = new Map<number, EventMention[]>();
  for (const m of mentions) {
    if (insideQuote(quotes, m.start)) continue;
    const list = bySentence.get(m.sentence);
    if (list) list.push(m);
    else bySentence.set(m.sentence, [m]);
  }
  for (const s of doc.sentences) {
    const inSentence = bySentence.get(s.index) ?? [];
    const dates = findDates(doc.text, published, s.start, s.end).filter((d) => !insideQuote(quotes, d.start));
    for (const [type, def] of Object.entries(EVENT_TYPES)) {
      def.trigger.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = def.trigger.exec(s.text))) {
        const at = s.start + m.index;
        const triggerEnd = at + m[0].length;
        if (insideQuote(quotes, at)) continue;
        const clause = clauseAround(doc.text, s.start, s.end, at);
        const before = doc.text.slice(clause[0], at);
        if (HYPOTHETICAL.test(before)) continue;
        const lead = doc.text.slice(Math.max(s.start, at - 60), at);
        if (NEGATED.test(lead)) continue;
        if (IN_TITLE.test(lead)) continue;
        // "was met with applause" is no meeting.
        if (type === 'MEETING' && /\b(?:was|were|been|being)\s+$/.test(lead) && /^\s+with\b/.test(doc.text.slice(triggerEnd, triggerEnd + 6))) continue;
        if (ANAPHORIC_BEFORE.test(lead) && !SPECIFIER_AFTER.test(doc.text.slice(triggerEnd, triggerEnd + 12)) && drafts.some((d) => sameFamily(d.type, type))) continue;
        if (NOT_YET.test(doc.text.slice(triggerEnd, clause[1]))) continue;
        if (/ed$/.test(m[0]) && GENERIC_PRESENT.test(lead)) continue;
        // "the 2020 presidential election" seen from 2019, "the upcoming election": not held yet.
        if (type === 'ELECTION' && (/\b(?:upcoming|next|forthcoming|coming)\s+(?:\S+\s+){0,2}$/.test(lead) || laterYear(lead, published))) continue;
        const passive = PARTICIPLE.test(m[0]);
        // "alleged misconduct by Trump": the adjective's "by" names the accused, not the accuser.
        const adjectival = /^alleged$/i.test(m[0]) && !/^\s+(?:that|the|to|in|on)\b/.test(doc.text.slice(triggerEnd, triggerEnd + 6));
        const draft: Draft = { type, sentence: s.index, triggerAt: at, roles: new Map() };
        let window = clause;
        // "Following a meeting with …, Tillerson explained": the main clause names the other side.
        if (def.symmetric && /^\W*(?:following|after|before|during|speaking after|at)\b/i.test(doc.text.slice(clause[0], at))) {
          window = [clause[0], clauseAround(doc.text, s.start, s.end, Math.min(s.end - 1, clause[1] + 1))[1]];
        }
        const placeSpans = new Set(inSentence.filter((e) => e.kind === 'PLACE').map((e) => e.start));
        const take = (e: EventMention, peopleOnly: boolean) => {
          if (e.media || (peopleOnly && e.kind !== 'PERSON')) return;
          // "Footage from the City University Student Union showed protesters": a source, not a party.
          if (def.symmetric && /\b(?:from|according to)\s+(?:the\s+)?$/.test(doc.text.slice(Math.max(s.start, e.start - 16), e.start))) return;
          // The source of a report ("the FSB said", "officials told") is not a party to what it reports.
          const after = doc.text.slice(e.end, e.end + 40);
          if (type !== 'STATEMENT' && SOURCE_AFTER.test(after.slice(0, 24)) && !SELF_REPORT.test(after) && e.end < at) return;
          const prep = doc.text.slice(Math.max(s.start, e.start - 12), e.start);
          const located = /\b(?:in|at|near|to|from)\s+(?:the\s+)?$/.test(prep);
          if (e.kind === 'PLACE' || (e.kind === 'COUNTRY' && (placeSpans.has(e.start) || (located && /\b(?:in|at|near)\s+(?:the\s+)?$/.test(prep))))) {
            // A capital named as a place ("to Moscow") locates the event; it is not a party to it.
            if (e.kind === 'PLACE' && (!draft.location || draft.location.startsWith('country:'))) draft.location = e.key;
            else if (e.kind === 'COUNTRY' && !placeSpans.has(e.start)) draft.location ??= e.key;
            return;
          }
          let role: EventRole = 'participant';
          if (!def.symmetric) {
            const directed = directedRole(doc.text, s.start, type, e, at, triggerEnd, passive, adjectival, inSentence);
            if (!directed) return;
            role = directed;
          }
          if (!draft.roles.has(e.key)) draft.roles.set(e.key, role);
        };
        for (const e of inSentence) if (e.start >= window[0] && e.end <= window[1]) take(e, false);
        // "Paweł Adamowicz, mayor of …, was stabbed" / "Wiranto, who was visiting …": the clause's subject stands before the aside.
        if (![...draft.roles.values()].some((r) => r !== 'target') && /^\s*(?:who\s+)?(?:was|were|is|are|has|had|have)\b/.test(before)) {
          const subject = subjectBefore(doc.text, s.start, window[0], inSentence);
          if (subject) take(subject, false);
        }
        // "In a statement released after the attack, the Department of Defense justified …": the next clause's subject made it.
        if (draft.roles.size === 0 && type === 'STATEMENT' && /^\W*$/.test(before)) {
          const next = clauseAround(doc.text, s.start, s.end, Math.min(s.end - 1, window[1] + 1));
          const subject = inSentence.find((e) => e.start >= window[1] && e.end <= next[1] && e.kind !== 'PLACE' && !e.media);
          if (subject) draft.roles.set(subject.key, 'actor');
        }
        // "He also announced …": the person the previous sentences are about.
        if (draft.roles.size === 0 && /^\s*(?:he|she)\s+(?:(?:also|later|then|has|had|\w+ly)\s+)*$/i.test(before)) {
          const person = subjectOfEarlierSentence(mentions, s.index, quotes);
          if (person) draft.roles.set(person.key, def.symmetric ? 'participant' : 'actor');
        }
        // No party named in the clause ("…, IS heading to Moscow for talks"): the people of the neighbouring clauses.
        if (draft.roles.size === 0) {
          const prev = clauseAround(doc.text, s.start, s.end, Math.max(s.start, window[0] - 2));
          const next = clauseAround(doc.text, s.start, s.end, Math.min(s.end - 1, window[1] + 1));
          // "Brett McGurk, who was Trump's envoy …, also criticized": the relative clause's people are not its subject.
          if (/^\s*(?:who|which)\b/.test(doc.text.slice(prev[0], prev[1]))) {
            const subject = subjectBefore(doc.text, s.start, prev[0], inSentence);
            if (subject) take(subject, false);
          } else for (const e of inSentence) if (e.start >= prev[0] && e.end <= window[0]) take(e, true);
          for (const e of inSentence) if (e.start >= window[1] && e.end <= next[1]) take(e, true);
        }
        if (draft.roles.size === 0) continue;
        // "X killed Y": an actor named right before the verb ("a collision which killed Harry Dunn" has none).
        if (/^killed$/i.test(m[0]) && !inSentence.some((e) => draft.roles.get(e.key) === 'actor' && e.end <= at && /^(?:['’]s)?(?:\s+(?!which|that|who)[\p{L}-]+){0,2}\s*$/u.test(doc.text.slice(e.end, at)))) continue;
        draft.date = nearestDay(dates, at, doc.text);
        drafts.push(draft);
      }
    }
  }
  return mergeDrafts(drafts, mentions, published, doc.text);
}

/**
 * Actor or target of a directed event from the sentence's structure, or null when the mention is no
 * party: before the trigger the subject acts ("Putin ordered"), unless the verb is passive ("Wiranto
 * was stabbed"), the mention owns the trigger ("Russia's alleged interference"), is told to act
 * ("ordered the United States to reduce"), modifies a name ("Indonesia's security minister
 * Wiranto") or is the object of a preposition ("documents from Pompeo"); "by X" is the actor; after
 * the trigger, the target.
 */
function directedRole(
  text: string,
  sentenceStart: number,
  type: string,
  e: EventMention,
  at: number,
  triggerEnd: number,
  passive: boolean,
  adjectival: boolean,
  inSentence: EventMention[],
): EventRole | null {
  const lead = text.slice(Math.max(sentenceStart, e.start - 60), e.start);
  const byAgent = /\b(?:by|ascribed to|attributed to|blamed on)\s+(?:(?:the|a|an)\s+)?(?:(?:\p{Lu}[\p{L}.'’-]*|[a-z]+)\s+){0,5}$/u.test(lead);
  if (e.start >= triggerEnd) {
    // "the Libyan ambassador to Greece", "criticized the decision via Twitter": no party.
    if (/\b(?:ambassador|envoy|embassy|consulate|mission)\s+(?:to|in|of)\s+(?:the\s+)?$|\b(?:via|through)\s+(?:the\s+)?$/.test(lead)) return null;
    return byAgent && !adjectival ? 'actor' : 'target';
  }
  if (byAgent) return 'actor';
  const between = text.slice(e.end, at);
  if (/^['’]s\s+(?:\w+\s+){0,2}$/.test(between) || isBetweenCausativeAndTrigger(text, e, at)) return 'target';
  if (passive && PASSIVE_BETWEEN.test(between)) return 'target';
  // "missiles targeting US troops": the troops are hit; "Iran denied the accusation": the accused.
  if (/\b(?:targeting|targeted|against|on|at)\s+(?:the\s+)?$/.test(lead) || /^\s+(?:\w+\s+)?(?:denied|denies|rejected|rejects|dismissed|dismisses)\s+(?:the|an?|these|those|all)?\s*$/.test(between)) return 'target';
  // "the Turkish military operation", "US air strikes": the country's forces act.
  if ((type === 'MILITARY' || type === 'ATTACK') && e.kind === 'COUNTRY' && /^\s+(?:[a-z]+\s+)?$/.test(between)) return 'actor';
  const next = inSentence.find((o) => o.start >= e.end && o.start < at && o !== e && o.key !== e.key);
  if (next && next.kind === 'PERSON' && /^(?:['’]s)?(?:\s+(?:\p{Lu}[\p{L}-]*|[a-z]+))*\s*$/u.test(text.slice(e.end, next.start)) && next.start - e.end < 40) return null;
  if (PREPOSITION_BEFORE.test(lead)) return null;
  return 'actor';
}

/** The nearest party mentioned before `clauseStart` that is not a place nor the object of a preposition. */
function subjectBefore(text: string, sentenceStart: number, clauseStart: number, inSentence: EventMention[]): EventMention | undefined {
  for (let i = inSentence.length - 1; i >= 0; i--) {
    const e = inSentence[i];
    if (e.end > clauseStart || e.kind === 'PLACE') continue;
    if (PREPOSITION_BEFORE.test(text.slice(Math.max(sentenceStart, e.start - 60), e.start))) continue;
    return e;
  }
  return undefined;
}

function isBetweenCausativeAndTrigger(text: string, e: { start: number; end: number }, at: number): boolean {
  const between = text.slice(e.end, at);
  const before = text.slice(Math.max(0, e.start - 30), e.start);
  return /\bto\s+$/.test(between.replace(/\s+$/, ' ')) && /\b(?:ordered|forced|told|asked|demanded|urged|called on)\s+(?:the\s+)?$/.test(before);
}

function clauseAround(text: string, from: number, to: number, at: number): [number, number] {
  let a = at;
  while (a > from && !/[,;:—–(]/.test(text[a - 1]) && !(text[a - 1] === '-' && text[a - 2] === ' ')) a--;
  let b = at;
  while (b < to && !/[,;:—–)]/.test(text[b]) && !(text[b] === '-' && text[b + 1] === ' ')) b++;
  return [a, b];
}

/** The day named nearest the trigger, not across a relative clause ("On Wednesday, … denounced the memoranda in which Turkey and Libya agreed"). */
function nearestDay(dates: DateMention[], at: number, text: string): string | undefined {
  let best: DateMention | undefined;
  for (const d of dates) {
    if (d.precision !== 'day') continue;
    if (/\b(?:in which|which|who|whose|where)\b/.test(d.end <= at ? text.slice(d.end, at) : text.slice(at, d.start))) continue;
    if (!best || Math.abs(d.start - at) < Math.abs(best.start - at)) best = d;
  }
  return best?.value;
}

/** One event per type and date in an article: later sentences add participants to the first. */
/** An air strike and an attack are told of each other: "the attack" after "an airstrike" is a re-mention. */
function sameFamily(a: string, b: string): boolean {
  const violent = (t: string) => t === 'ATTACK' || t === 'MILITARY';
  return a === b || (violent(a) && violent(b));
}

/** A year after the publication year in the words before the trigger. */
function laterYear(lead: string, published: string | null): boolean {
  if (!published) return false;
  const years = lead.match(/\b(?:19|20)\d{2}\b/g) ?? [];
  return years.some((y) => +y > +published.slice(0, 4));
}

/** The first person named (outside quotes) in the nearest sentence before `sentence` that names one. */
function subjectOfEarlierSentence(mentions: EventMention[], sentence: number, quotes: QuoteSpan[]): EventMention | undefined {
  let best: EventMention | undefined;
  for (const m of mentions) {
    if (m.sentence >= sentence) break;
    if (m.kind !== 'PERSON' || insideQuote(quotes, m.start)) continue;
    if (!best || m.sentence > best.sentence) best = m;
  }
  return best;
}

/** Directed events against different targets are different events ("sanctions against him", "sanctions against al-Muhandis"). */
function sameTargets(a: Draft, b: Draft): boolean {
  const targets = (d: Draft) => [...d.roles].filter(([, r]) => r === 'target').map(([k]) => k);
  const ta = targets(a);
  const tb = targets(b);
  return ta.length === 0 || tb.length === 0 || ta.some((k) => tb.includes(k));
}

const SEQUENCE = /\b(?:in response to|in retaliation for|after|following|before|since)\b/;

function mergeDrafts(drafts: Draft[], mentions: EventMention[], published: string | null, text: string): ExtractedEvent[] {
  const groups: Draft[] = [];
  for (const d of drafts) {
    // Same type, compatible dates and at least one party in common: the same event told twice.
    // Told in one sentence, it is one event whatever the parties (an air strike that kills is the attack
    // itself), unless one follows the other ("missiles … in response to the US airstrike" tells two).
    const same =
      groups.find((g) => g.sentence === d.sentence && sameFamily(g.type, d.type) && !SEQUENCE.test(text.slice(Math.min(g.triggerAt, d.triggerAt), Math.max(g.triggerAt, d.triggerAt)))) ??
      groups.find((g) => sameFamily(g.type, d.type) && (!g.date || !d.date || g.date === d.date) && [...d.roles.keys()].some((k) => g.roles.has(k)) && sameTargets(g, d));
    if (same && same.type === 'MILITARY' && d.type === 'ATTACK') same.type = 'ATTACK';
    if (!same) {
      groups.push({ ...d, roles: new Map(d.roles) });
      continue;
    }
    same.date ??= d.date;
    same.location ??= d.location;
    for (const [k, r] of d.roles) {
      const had = same.roles.get(k);
      if (!had) same.roles.set(k, r);
      else if (had !== r && had !== 'participant' && r !== 'participant') same.roles.set(k, had); // first report wins
    }
  }
  const names = new Map(mentions.map((m) => [m.key, m.name]));
  const kinds = new Map(mentions.map((m) => [m.key, m.kind]));
  return groups.map((g) => {
    const def = EVENT_TYPES[g.type];
    const participants = [...g.roles].map(([entityKey, role]) => ({ entityKey, role })).sort((a, b) => a.entityKey.localeCompare(b.entityKey));
    const key = eventKey(g.type, g.date ?? published?.slice(0, 10) ?? null, participants.map((p) => ({ key: p.entityKey, kind: kinds.get(p.entityKey) ?? '' })));
    return {
      key,
      type: g.type,
      cameoCode: def.cameoCode,
      ...(g.date ? { date: g.date } : {}),
      title: eventTitle(def, participants, names, g.location ? names.get(g.location) : undefined),
      ...(g.location ? { locationKey: g.location } : {}),
      participants,
      sentence: g.sentence,
    };
  });
}

/** See the module comment: type, day and the sorted keys of the people (or else the other parties). */
export function eventKey(type: string, day: string | null, participants: { key: string; kind: string }[]): string {
  const people = participants.filter((p) => p.kind === 'PERSON').map((p) => p.key);
  const core = (people.length > 0 ? people : participants.map((p) => p.key)).sort();
  return `event:${type.toLowerCase()}:${day ?? 'undated'}:${core.join('+')}`;
}

function listNames(keys: string[], names: Map<string, string>): string {
  const n = keys.map((k) => names.get(k) ?? k).sort((a, b) => a.localeCompare(b));
  if (n.length <= 1) return n.join('');
  return `${n.slice(0, -1).join(', ')} and ${n[n.length - 1]}`;
}

function eventTitle(def: EventType, participants: { entityKey: string; role: EventRole }[], names: Map<string, string>, location?: string): string {
  const people = participants.filter((p) => p.entityKey.startsWith('person:'));
  const main = (people.length > 0 ? people : participants).slice();
  const where = location ? ` in ${location}` : '';
  if (def.noun === 'Election') {
    const countries = participants.filter((p) => p.entityKey.startsWith('country:')).map((p) => p.entityKey);
    return location ? `Election in ${location}` : countries.length ? `Election in ${listNames(countries, names)}` : `Election of ${listNames(main.map((p) => p.entityKey), names)}`;
  }
  if (def.symmetric || main.every((p) => p.role === 'participant')) {
    return `${def.noun} of ${listNames(main.slice(0, 4).map((p) => p.entityKey), names)}${where}`;
  }
  const actors = participants.filter((p) => p.role === 'actor').map((p) => p.entityKey);
  const targets = participants.filter((p) => p.role === 'target').map((p) => p.entityKey);
  const by = actors.length ? ` by ${listNames(actors.slice(0, 3), names)}` : '';
  const against = targets.length ? ` against ${listNames(targets.slice(0, 3), names)}` : '';
  return `${def.noun}${by}${against}${where}`;
}
