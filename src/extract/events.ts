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
  MEETING: { cameoCode: '040', noun: 'Meeting', symmetric: true, trigger: /\b(?:met|meets?|meetings?|summit)\b/g },
  TALKS: { cameoCode: '046', noun: 'Talks', symmetric: true, trigger: /\b(?:talks|negotiations|negotiated|peace process)\b/g },
  SANCTIONS: { cameoCode: '163', noun: 'Sanctions', symmetric: false, trigger: /\b(?:sanction(?:s|ed|ing)?|embargo(?:es)?)\b/g },
  EXPULSION: {
    cameoCode: '174',
    noun: 'Expulsion',
    symmetric: false,
    trigger: /\b(?:expel(?:s|led|ling)?|expulsions?|deport(?:ed|ing|ations?)?|persona non grata|(?:reduce|cut|slash)(?:s|d|ing)? (?:its|their|the) (?:diplomatic (?:personnel|staff|presence)|number of diplomats))\b/g,
  },
  ELECTION: { cameoCode: 'X01', noun: 'Election', symmetric: true, trigger: /\b(?:elections?|elected|re-elected|reelected|referendum)\b/g },
  STATEMENT: { cameoCode: '010', noun: 'Statement', symmetric: false, trigger: /\b(?:in a statement|issued a statement|(?<!(?:was|were|been|be|is|are) )announced|(?<!(?:was|were|been|be|is|are) )declared)\b/g },
  ACCUSATION: { cameoCode: '112', noun: 'Accusation', symmetric: false, trigger: /\b(?:accus(?:e|ed|es|ing|ations?)|blamed|alleged)\b/g },
  MILITARY: {
    cameoCode: '150',
    noun: 'Military action',
    symmetric: false,
    trigger: /\b(?:troops|military exercises?|military drills|deploy(?:ed|ment)|air ?strikes?|missile (?:tests?|launch(?:es)?)|testing (?:those |the )?missiles|offensive|invasion|invaded|shelling)\b/g,
  },
  ATTACK: {
    cameoCode: '180',
    noun: 'Attack',
    symmetric: false,
    trigger: /\b(?:attack(?:s|ed)?|bomb(?:s|ing|ings|ed)?|shooting|shot dead|stabb(?:ed|ing)|gunmen|suicide bomber|massacre)\b/g,
  },
  PROTEST: { cameoCode: '140', noun: 'Protest', symmetric: true, trigger: /\b(?:protest(?:s|ed|ers|ing)?|demonstrat(?:ion|ions|ors)|rall(?:y|ies))\b/g },
  AGREEMENT: { cameoCode: '057', noun: 'Agreement', symmetric: true, trigger: /\b(?:agreements?|agreed to|treaty|accord|ceasefire|cease-fire|signed a deal)\b/g },
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

const SOURCE_AFTER = /^\)?(?:['’]s\s+\w+)?\s*(?:,[^,]{0,20},\s*)?(?:said|says|told|reported|stated|added|confirmed|announced)\b/;
const HYPOTHETICAL = /\b(?:if|would|could|might|unless|whether)\b/;

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
        if (insideQuote(quotes, at)) continue;
        const clause = clauseAround(doc.text, s.start, s.end, at);
        const before = doc.text.slice(clause[0], at);
        if (HYPOTHETICAL.test(before)) continue;
        const draft: Draft = { type, sentence: s.index, triggerAt: at, roles: new Map() };
        let window = clause;
        // "Following a meeting with …, Tillerson explained": the main clause names the other side.
        if (def.symmetric && /^\W*(?:following|after|before|during|speaking after|at)\b/i.test(doc.text.slice(clause[0], at))) {
          window = [clause[0], clauseAround(doc.text, s.start, s.end, Math.min(s.end - 1, clause[1] + 1))[1]];
        }
        const placeSpans = new Set(inSentence.filter((e) => e.kind === 'PLACE').map((e) => e.start));
        const take = (e: EventMention, peopleOnly: boolean) => {
          if (e.media || (peopleOnly && e.kind !== 'PERSON')) return;
          // The source of a report ("the FSB said", "officials told") is not a party to what it reports.
          if (!def.symmetric && type !== 'STATEMENT' && SOURCE_AFTER.test(doc.text.slice(e.end, e.end + 24))) return;
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
            const possessive = /^['’]s\s+(?:\w+\s+){0,2}$/.test(doc.text.slice(e.end, at)); // "Russia's alleged interference"
            role = e.end > at || possessive || isBetweenCausativeAndTrigger(doc.text, e, at) ? 'target' : 'actor';
          }
          if (!draft.roles.has(e.key)) draft.roles.set(e.key, role);
        };
        for (const e of inSentence) if (e.start >= window[0] && e.end <= window[1]) take(e, false);
        // No party named in the clause ("…, IS heading to Moscow for talks"): the people of the neighbouring clauses.
        if (draft.roles.size === 0) {
          const prev = clauseAround(doc.text, s.start, s.end, Math.max(s.start, window[0] - 2));
          const next = clauseAround(doc.text, s.start, s.end, Math.min(s.end - 1, window[1] + 1));
          for (const e of inSentence) if ((e.start >= prev[0] && e.end <= window[0]) || (e.start >= window[1] && e.end <= next[1])) take(e, true);
        }
        if (draft.roles.size === 0) continue;
        draft.date = nearestDay(dates, at);
        drafts.push(draft);
      }
    }
  }
  return mergeDrafts(drafts, mentions, published);
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

function nearestDay(dates: DateMention[], at: number): string | undefined {
  let best: DateMention | undefined;
  for (const d of dates) {
    if (d.precision !== 'day') continue;
    if (!best || Math.abs(d.start - at) < Math.abs(best.start - at)) best = d;
  }
  return best?.value;
}

/** One event per type and date in an article: later sentences add participants to the first. */
function mergeDrafts(drafts: Draft[], mentions: EventMention[], published: string | null): ExtractedEvent[] {
  const groups: Draft[] = [];
  for (const d of drafts) {
    // Same type, compatible dates and at least one party in common: the same event told twice.
    const same = groups.find((g) => g.type === d.type && (!g.date || !d.date || g.date === d.date) && [...d.roles.keys()].some((k) => g.roles.has(k)));
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
