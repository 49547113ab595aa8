/**
 * Builds seed/gazetteers/lowercase-words.txt: words an English spelling dictionary lists in lower
 * case only, with no capitalised entry beside them ("treason", "cowboy", "tavern", but not "walker"
 * or "smith", which it also lists as names). common-words.txt is counted from our corpora and needs
 * three sightings; these are the rarer words it cannot see. The extractor takes one such word, seen
 * once with nothing calling it a person, for a capitalised common noun rather than a person.
 *
 *   npx tsx src/training/gazetteers/build-lowercase-words.ts [COMMON_WORDS] [OUT]
 *
 * Source: the en_US Hunspell dictionary of SCOWL (the npm package dictionary-en, a dev dependency).
 * Only its word stems are read (the affix flags after "/" are dropped); words of common-words.txt
 * are left out, as are words under three letters and words with anything but letters a–z.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import dictionary from 'dictionary-en';

const seedDir = fileURLToPath(new URL('../../../seed/gazetteers/', import.meta.url));
const [commonPath = `${seedDir}common-words.txt`, outPath = `${seedDir}lowercase-words.txt`] = process.argv.slice(2);

const stems = new TextDecoder()
  .decode(dictionary.dic)
  .split('\n')
  .slice(1) // the first line is the entry count
  .map((line) => line.split('/')[0].trim())
  .filter(Boolean);
const capitalised = new Set(stems.filter((w) => /^\p{Lu}/u.test(w)).map((w) => w.toLowerCase()));
const common = new Set(readFileSync(commonPath, 'utf8').split('\n').filter(Boolean));
const words = [...new Set(stems)].filter((w) => /^[a-z]{3,}$/.test(w) && !capitalised.has(w) && !common.has(w)).sort();
writeFileSync(outPath, `${words.join('\n')}\n`);
process.stdout.write(`${words.length} lower-case-only words → ${outPath}\n`);
