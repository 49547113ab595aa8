/**
 * Document-level, strict scoring of extracted entities against human gold (issue 17): a predicted
 * entity is right when its name, normalised, is one of a gold entity's names (its name-only
 * mentions, its proper-noun runs or its Wikipedia title); each gold entity is matched at most once,
 * so a second entity for the same thing is wrong; a country that only a demonym produced ("Danish")
 * and that no gold entity names is left out of the count. The kind of each matched entity is
 * checked apart (PERSON for PER, ORGANIZATION for ORG, PLACE or COUNTRY for LOC): the strict score
 * counts names only, and an analyst also sees the kind. So is each link: a linked entity whose gold
 * entity has a Wikipedia identity should carry that title as its canonical name.
 */

export interface GoldEntity {
  type: string;
  /** Wikipedia title ("Durham%2C_England", "Paris_(Texas)") or null. */
  identity: string | null;
  names: string[];
  runs: string[];
  /** Every mention as the gold wrote it, tokens spaced ("Zurbarán ’s"); read by ceiling.ts only. */
  mentions?: string[];
}

export interface PredictedEntity {
  name: string;
  kind: string;
  /** A country every mention of which is a demonym ("Danish"). */
  fromDemonym?: boolean;
  /** Linked to a canonical identity (an ISO country code, a Wikidata id): its name is then the canonical one. */
  linked?: boolean;
  /**
   * How its mentions are written in the document. Scored only where the gold has no identities to
   * hold a canonical name ("United States", "United Nations" for "U.S.", "U.N."): `scoreDocument`'s `byWritten`.
   */
  written?: string[];
}

export interface DocumentScore {
  tp: number;
  fp: number;
  fn: number;
  /** Predicted names counted wrong. */
  wrong: string[];
  /** Gold entities no prediction matched (their first name). */
  missed: string[];
  /** Matched predictions whose kind is not the gold entity's type ("Earth: ORGANIZATION, gold LOC"). */
  wrongKind: string[];
  /** Matched, linked predictions whose gold entity has a Wikipedia identity: how many, and those whose canonical name is not its title. */
  linkedChecked: number;
  wrongLink: string[];
}

/** The gold type each of our kinds answers to: a country is a place in the gold. */
const GOLD_TYPE: Record<string, string> = { PERSON: 'PER', ORGANIZATION: 'ORG', PLACE: 'LOC', COUNTRY: 'LOC' };

/** Case, punctuation (hyphens and dots too: "U.S." = "US"), a leading "the" and a possessive 's do not count. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u2019\u2018`]/g, "'")
    .replace(/\s*'s?\s*$/u, '')
    .replace(/\./g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

/** "Durham%2C_England" → "Durham, England"; the disambiguator of "Paris_(Texas)" is not part of the name. */
export function titleName(identity: string): string {
  let title = identity;
  try {
    title = decodeURIComponent(identity);
  } catch {
    // A stray "%" in a title: keep it as written.
  }
  return title.replace(/_/g, ' ').replace(/\s*\([^)]*\)\s*$/, '');
}

export function goldNames(gold: GoldEntity): Set<string> {
  const all = [...gold.names, ...gold.runs, ...(gold.identity ? [titleName(gold.identity)] : [])];
  return new Set(all.map(normalizeName).filter((n) => n.length > 0));
}

/**
 * Matches predictions to gold entities one to one, as many as possible (augmenting paths: a
 * prediction that could take either of two gold entities does not block another that can take
 * only one of them).
 */
export function scoreDocument(predicted: PredictedEntity[], gold: GoldEntity[], byWritten = false): DocumentScore {
  const names = gold.map(goldNames);
  const candidates = predicted.map((p) => {
    // A gold without identities ("U.S.", never "United States") is matched by the names as written.
    const own = [p.name, ...(byWritten ? (p.written ?? []) : [])].map(normalizeName);
    return names.flatMap((set, g) => (own.some((n) => set.has(n)) ? [g] : []));
  });
  const goldTakenBy = new Array<number>(gold.length).fill(-1);
  const assign = (p: number, seen: Set<number>): boolean => {
    for (const g of candidates[p]) {
      if (seen.has(g)) continue;
      seen.add(g);
      if (goldTakenBy[g] < 0 || assign(goldTakenBy[g], seen)) {
        goldTakenBy[g] = p;
        return true;
      }
    }
    return false;
  };
  for (let p = 0; p < predicted.length; p++) assign(p, new Set());
  const matched = new Set(goldTakenBy.filter((p) => p >= 0));

  const wrong: string[] = [];
  let fp = 0;
  predicted.forEach((p, i) => {
    if (matched.has(i)) return;
    // A demonym's country is neither right nor wrong unless a gold entity names it (then it is a duplicate).
    if (p.fromDemonym && candidates[i].length === 0) return;
    fp++;
    wrong.push(p.name);
  });
  const wrongKind = goldTakenBy.flatMap((p, g) =>
    p >= 0 && GOLD_TYPE[predicted[p].kind] !== gold[g].type ? [`${predicted[p].name}: ${predicted[p].kind}, gold ${gold[g].type}`] : [],
  );
  // A link is right when the canonical name it gave is the gold entity's Wikipedia title ("George W. Bush").
  const checked = goldTakenBy.flatMap((p, g) => (p >= 0 && predicted[p].linked && gold[g].identity ? [[p, g]] : []));
  const wrongLink = checked
    .filter(([p, g]) => normalizeName(predicted[p].name) !== normalizeName(titleName(gold[g].identity!)))
    .map(([p, g]) => `${predicted[p].name}: gold ${titleName(gold[g].identity!)}`);
  const missed = gold.flatMap((g, i) => (goldTakenBy[i] < 0 ? [g.names[0] ?? g.runs[0] ?? (g.identity ? titleName(g.identity) : '?')] : []));
  return { tp: matched.size, fp, fn: missed.length, wrong, missed, wrongKind, linkedChecked: checked.length, wrongLink };
}

export interface Totals {
  tp: number;
  fp: number;
  fn: number;
}

export function addTotals(into: Totals, s: Totals): void {
  into.tp += s.tp;
  into.fp += s.fp;
  into.fn += s.fn;
}

/** Precision, recall and F1 in percent (0 when there is nothing to divide by). */
export function prf(t: Totals): { p: number; r: number; f1: number } {
  const p = t.tp + t.fp > 0 ? (100 * t.tp) / (t.tp + t.fp) : 0;
  const r = t.tp + t.fn > 0 ? (100 * t.tp) / (t.tp + t.fn) : 0;
  return { p, r, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
}
