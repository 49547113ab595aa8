/**
 * Builds seed/gazetteers/people.json from the Wikidata office-holder dump
 * (`../shared/data/people_wikidata.jsonl`, CC0 facts gathered by every-politician-scrapers).
 *
 *   npx tsx src/training/gazetteers/build-people.ts [IN.jsonl] [OUT.json]
 *
 * The output is compact: position titles and source repositories are interned into tables and
 * each person is a tuple, so that the extractor can parse it in a few tens of milliseconds.
 * Name keys (see text.ts) are precomputed here so that loading needs no string work per person.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PeopleFile, PersonRow } from '../../extract/gazetteers/people-format.ts';
import { fold, nameKey, nameWordKey } from '../../extract/text.ts';

interface SourcePosition {
  position: string;
  start: string | null;
  end: string | null;
  repo: string;
}

interface SourcePerson {
  qid: string;
  name: string;
  aliases: string[];
  dod: string | null;
  positions: SourcePosition[];
}

/** Which country a scraper repository covers; "world" holds international offices (no country). */
const REPO_COUNTRY: Record<string, string | null> = {
  'china-ministers': 'CN',
  'france-cabinet': 'FR',
  'india-ministers': 'IN',
  'japan-ministers': 'JP',
  'russia-cabinet': 'RU',
  'ukraine-cabinet': 'UA',
  'united-kingdom-cabinet': 'GB',
  'us-cabinet': 'US',
  world: null,
};

export function buildPeople(lines: string[]): PeopleFile {
  const positions: string[] = [];
  const positionIndex = new Map<string, number>();
  const repos = Object.keys(REPO_COUNTRY);
  const givenNames = new Set<string>();
  const people: PersonRow[] = [];
  const keys: [string, string[], string[]][] = [];
  for (const line of lines) {
    if (!line.trim()) continue;
    const p = JSON.parse(line) as SourcePerson;
    const parts = p.name.split(/\s+/).filter(Boolean);
    const surname = parts[parts.length - 1];
    const aliases = p.aliases.filter((a) => a !== p.name && a !== surname && !a.includes('|'));
    const held = p.positions.map((pos) => {
      let index = positionIndex.get(pos.position);
      if (index === undefined) {
        index = positions.length;
        positions.push(pos.position);
        positionIndex.set(pos.position, index);
      }
      let repo = repos.indexOf(pos.repo);
      if (repo < 0) {
        repo = repos.length;
        repos.push(pos.repo);
      }
      return `${index},${pos.start ?? ''},${pos.end ?? ''},${repo}`;
    });
    const fullKeys = new Set<string>();
    const surnameKeys = new Set<string>([nameWordKey(surname)]);
    if (parts.length >= 2) {
      fullKeys.add(nameKey(p.name));
      // "Sergey Viktorovich Lavrov" is also "Sergey Lavrov".
      if (parts.length > 2) fullKeys.add(`${nameWordKey(parts[0])} ${nameWordKey(surname)}`);
      givenNames.add(fold(parts[0]));
    }
    for (const a of aliases) {
      if (/\s/.test(a.trim())) fullKeys.add(nameKey(a));
      else surnameKeys.add(nameWordKey(a));
    }
    fullKeys.delete('');
    surnameKeys.delete('');
    people.push([p.qid, p.name, aliases.join('|'), p.dod ?? '', held.join(';')]);
    keys.push([p.qid, [...fullKeys], [...surnameKeys]]);
  }
  const order = people.map((_, i) => i).sort((a, b) => Number(people[a][0].slice(1)) - Number(people[b][0].slice(1)));
  const byName: Record<string, number[]> = {};
  const bySurname: Record<string, number[]> = {};
  const index = (map: Record<string, number[]>, key: string, row: number) => {
    const list = (map[key] ??= []);
    if (list[list.length - 1] !== row) list.push(row);
  };
  order.forEach((from, row) => {
    for (const k of keys[from][1]) index(byName, k, row);
    for (const k of keys[from][2]) index(bySurname, k, row);
  });
  return {
    source: 'Wikidata (CC0) via every-politician-scrapers; built by src/training/gazetteers/build-people.ts',
    repos: repos.map((repo): [string, string] => [repo, REPO_COUNTRY[repo] ?? '']),
    positions,
    givenNames: [...givenNames].filter((g) => /^\p{Lu}\p{Ll}+$/u.test(g)).sort(),
    people: order.map((i) => people[i]),
    byName,
    bySurname,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const input = process.argv[2] ?? fileURLToPath(new URL('../../../../shared/data/people_wikidata.jsonl', import.meta.url));
  const output = process.argv[3] ?? fileURLToPath(new URL('../../../seed/gazetteers/people.json', import.meta.url));
  const file = buildPeople(readFileSync(input, 'utf8').split('\n'));
  // One person per line keeps diffs of a rebuilt file readable.
  const body = file.people.map((row) => JSON.stringify(row)).join(',\n');
  writeFileSync(
    output,
    `{"source":${JSON.stringify(file.source)},\n"repos":${JSON.stringify(file.repos)},\n"positions":${JSON.stringify(file.positions)},\n"givenNames":${JSON.stringify(file.givenNames)},\n"byName":${JSON.stringify(file.byName)},\n"bySurname":${JSON.stringify(file.bySurname)},\n"people":[\n${body}\n]}\n`,
  );
  process.stdout.write(`${file.people.length} people, ${file.positions.length} positions → ${output}\n`);
}
