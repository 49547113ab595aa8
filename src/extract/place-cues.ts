/**
 * Places told by what follows them: a town by a country or a state after a comma ("Manila, Philippines",
 * "Vinita, OK", "Stephenville, Texas"; read by run-kinds.ts), a court's district by "of" and a state
 * (mendSpans in span-joins.ts).
 */
import type { Doc } from './document.ts';
import type { Gazetteers } from './gazetteers/index.ts';
import { shouting } from './mentions.ts';
import type { NerSpan } from './ner-bridge.ts';

export function followedByCountry(doc: Doc, t1: number): string | undefined {
  // "Manila, Philippines"
  if (t1 + 1 >= doc.tokens.length || doc.tokens[t1].text !== ',') return undefined;
  const f = doc.cover[t1 + 1] >= 0 ? doc.found[doc.cover[t1 + 1]] : null;
  return f && f.kind === 'COUNTRY' && (f.countryForm === 'name' || f.countryForm === 'alias') ? f.countryCode : undefined;
}

/** The postal codes of the US states and DC ("Coffeyville, KS"). */
const US_STATE_CODES = new Set('AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC'.split(' '));

/**
 * "Vinita, OK", "Schenectady, N.Y.", "Stephenville, Texas": after the comma a state's postal code, or a
 * state or province the gazetteer knows, and then the clause goes on or ends. Answers the country.
 */
export function followedByState(doc: Doc, gaz: Gazetteers, t1: number): string | undefined {
  const { tokens } = doc;
  if (t1 + 1 >= tokens.length || tokens[t1].text !== ',' || tokens[t1 + 1].sentence !== tokens[t1 - 1].sentence || shouting(doc, t1)) return undefined;
  const f = doc.cover[t1 + 1] >= 0 ? doc.found[doc.cover[t1 + 1]] : null;
  let after: number;
  let country: string;
  if (f && f.t0 === t1 + 1 && f.kind === 'PLACE' && f.key && /^(?:state|province)$/.test(gaz.placesByKey.get(f.key)?.kind ?? '')) {
    after = f.t1;
    country = f.countryCode ?? 'US';
  } else if (US_STATE_CODES.has(tokens[t1 + 1].text.replace(/\./g, '')) && /^(?:[A-Z]{2}|[A-Z]\.[A-Z]\.?)$/.test(tokens[t1 + 1].text)) {
    after = t1 + 2;
    country = 'US';
  } else return undefined;
  const next = after < tokens.length && tokens[after].sentence === tokens[t1].sentence ? tokens[after].text : '';
  return next === '' || /^[,.;:)]$/.test(next) || /^\p{Ll}/u.test(next) ? country : undefined;
}

/**
 * A court's district the tagger cuts at "of": "Western District" + "Texas" is the Western District of
 * Texas, and "United States District Court" + "for the" + that district is one court.
 */
export function joinCourtDistricts(doc: Doc, ner: NerSpan[]): NerSpan[] {
  const out: NerSpan[] = [];
  for (const span of ner) {
    const a = out[out.length - 1];
    const gap = a ? doc.text.slice(a.end, span.start) : '';
    const district = a && gap === ' of ' && span.type === 'LOC' && /\b(?:\p{Lu}\p{Ll}+ )?District$/u.test(a.text);
    if (district) out[out.length - 1] = { ...a, type: 'LOC', end: span.end, text: doc.text.slice(a.start, span.end) };
    else out.push(span);
    const court = out.length > 1 ? out[out.length - 2] : undefined;
    const last = out[out.length - 1];
    if (court && / Court$/.test(court.text) && /^ for (?:the )?$/.test(doc.text.slice(court.end, last.start)) && / District of /.test(last.text)) {
      out.splice(-2, 2, { ...court, type: 'ORG', end: last.end, text: doc.text.slice(court.start, last.end) });
    }
  }
  return out;
}
