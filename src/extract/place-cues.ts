/**
 * What says that a name is a town's: a country or a state after it and a comma ("Manila, Philippines",
 * "Vinita, OK", "Stephenville, Texas"). Read by run-kinds.ts.
 */
import type { Doc } from './document.ts';
import type { Gazetteers } from './gazetteers/index.ts';
import { shouting } from './mentions.ts';

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
