/**
 * Builds seed/given-names/given-names.json, given names → gender, from the Wikidata office-holder dump
 * (`../shared/data/people_wikidata.jsonl`, CC0 facts gathered by every-politician-scrapers).
 *
 *   npx tsx src/training/gazetteers/build-given-names.ts [IN.jsonl] [OUT.json]
 *
 * A given name is the first word of a name of two words or more. It is kept when at least 3 people
 * bear it and 95% of them have one gender ("Jean" and "Kim" are left out); names are folded (see text.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { GivenNamesFile } from '../../extract/gender.ts';
import { fold } from '../../extract/text.ts';

const MIN_PEOPLE = 3;
const MIN_SHARE = 0.95;

export function buildGivenNames(jsonl: string): GivenNamesFile {
  const counts = new Map<string, { male: number; female: number; other: number }>();
  for (const line of jsonl.split('\n')) {
    if (!line.trim()) continue;
    const person = JSON.parse(line) as { name: string; gender?: string | null };
    const words = person.name.trim().split(/\s+/);
    if (!person.gender || words.length < 2 || !/^\p{Lu}\p{Ll}+$/u.test(words[0])) continue;
    const name = fold(words[0]);
    const c = counts.get(name) ?? { male: 0, female: 0, other: 0 };
    if (person.gender === 'male') c.male++;
    else if (person.gender === 'female') c.female++;
    else c.other++;
    counts.set(name, c);
  }
  const out: GivenNamesFile = { male: [], female: [] };
  for (const [name, c] of counts) {
    const total = c.male + c.female + c.other;
    if (total < MIN_PEOPLE) continue;
    if (c.male / total >= MIN_SHARE) out.male.push(name);
    else if (c.female / total >= MIN_SHARE) out.female.push(name);
  }
  out.male.sort();
  out.female.sort();
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const input = process.argv[2] ?? fileURLToPath(new URL('../../../../shared/data/people_wikidata.jsonl', import.meta.url));
  const output = process.argv[3] ?? fileURLToPath(new URL('../../../seed/given-names/given-names.json', import.meta.url));
  const built = buildGivenNames(readFileSync(input, 'utf8'));
  writeFileSync(output, JSON.stringify(built) + '\n');
  console.log(`${output}: ${built.male.length} male, ${built.female.length} female given names`);
}
