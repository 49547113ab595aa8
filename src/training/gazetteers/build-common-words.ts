/**
 * Builds seed/gazetteers/common-words.txt: English words that running text writes in lower case
 * most of the time ("majority", "house", "board", "press"). A single such word is not a name by
 * itself, however it is capitalised at the start of a heading or inside a longer name; the
 * extractor keeps it out of the entities, and the suite checks the seed graph with the same list.
 *
 *   npx tsx src/training/gazetteers/build-common-words.ts [CONLL_TRAIN] [WIKINEWS.jsonl] [OUT]
 *
 * Counted away from sentence starts (where every word is capitalised): a word seen at least
 * MIN_SEEN times, capitalised on its own in fewer than MAX_CAPITALIZED of them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const MIN_SEEN = 3;
const MAX_CAPITALIZED = 0.5;

const dataDir = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
const [conllPath = `${dataDir}conll2003/eng.train`, wikinewsPath = `${dataDir}wikinews.jsonl`, outPath = fileURLToPath(new URL('../../../seed/gazetteers/common-words.txt', import.meta.url))] =
  process.argv.slice(2);

const counts = new Map<string, { lower: number; upper: number }>();
const capitalized = (w: string | undefined) => w !== undefined && /^\p{Lu}/u.test(w);

/**
 * One sentence's words; the first is skipped. A capitalised word counts only standing alone: inside
 * a longer name ("White House") it says nothing about the word on its own.
 */
function countSentence(words: string[]): void {
  for (let i = 1; i < words.length; i++) {
    const word = words[i];
    if (!/^\p{L}{3,}$/u.test(word)) continue;
    const key = word.toLowerCase();
    const upper = word !== key;
    if (upper && (capitalized(words[i - 1]) || capitalized(words[i + 1]))) continue;
    const c = counts.get(key) ?? { lower: 0, upper: 0 };
    if (upper) c.upper++;
    else c.lower++;
    counts.set(key, c);
  }
}

/** CoNLL: one token per line, blank lines between sentences. */
function countConll(path: string): void {
  let sentence: string[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const word = line.split(' ')[0];
    if (word && word !== '-DOCSTART-') {
      sentence.push(word);
      continue;
    }
    countSentence(sentence);
    sentence = [];
  }
  countSentence(sentence);
}

/** Wikinews: sentences end at . ! ? : and line breaks. */
function countWikinews(path: string): void {
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    // Web and mail addresses are written in lower case whatever they name.
    const text = (JSON.parse(line) as { text: string }).text.replace(/\S*(?:\/\/|www\.|@|\.(?:com|org|net|gov|edu)\b)\S*/g, ' ');
    for (const sentence of text.split(/[.!?:\n]+/)) countSentence(sentence.match(/[\p{L}\p{N}'’-]+/gu) ?? []);
  }
}

countConll(conllPath);
countWikinews(wikinewsPath);
const common = [...counts]
  .filter(([, c]) => c.lower + c.upper >= MIN_SEEN && c.upper / (c.lower + c.upper) < MAX_CAPITALIZED)
  .map(([w]) => w)
  .sort();
writeFileSync(outPath, `${common.join('\n')}\n`);
process.stdout.write(`${common.length} common words → ${outPath}\n`);
