/**
 * Word knowledge the features consult, built at training time and embedded in the model file:
 * gazetteers (multi-word, matched on lowercased tokens), how often a word is capitalized in
 * running text, and word clusters derived from unlabelled text.
 */

export interface LexiconData {
  /** Category code → entries, each a space-joined sequence of lowercased tokens. */
  gazetteer: Record<string, string[]>;
  /** Lowercased words and, at the same index, their capitalization bin (see `casingBin`). */
  casingWords: string[];
  casingBins: number[];
  /** Words (as written) and, at the same index, their cluster path (a bit string, coarse to fine). */
  clusterWords: string[];
  clusterPaths: string[];
}

export class Lexicon {
  /** Gazetteer key → categories. */
  readonly gazetteer = new Map<string, string[]>();
  /** Keys that start some longer gazetteer entry, so that matching can stop early. */
  readonly gazetteerPrefixes = new Set<string>();
  readonly gazetteerMaxLength: number;
  readonly casing = new Map<string, number>();
  readonly clusters = new Map<string, string>();

  constructor(readonly data: LexiconData) {
    let maxLength = 1;
    for (const category of Object.keys(data.gazetteer).sort()) {
      for (const entry of data.gazetteer[category]) {
        const list = this.gazetteer.get(entry);
        if (list) {
          if (!list.includes(category)) list.push(category);
        } else this.gazetteer.set(entry, [category]);
        let length = 1;
        for (let i = 0; i < entry.length; i++) {
          if (entry.charCodeAt(i) !== 32) continue;
          length++;
          this.gazetteerPrefixes.add(entry.slice(0, i));
        }
        if (length > maxLength) maxLength = length;
      }
    }
    this.gazetteerMaxLength = Math.min(maxLength, 6);
    data.casingWords.forEach((word, i) => this.casing.set(word, data.casingBins[i]));
    data.clusterWords.forEach((word, i) => this.clusters.set(word, data.clusterPaths[i]));
  }

  static empty(): Lexicon {
    return new Lexicon({ gazetteer: {}, casingWords: [], casingBins: [], clusterWords: [], clusterPaths: [] });
  }
}

/** Capitalization rate of a word in mid-sentence positions, in 4 bins. */
export function casingBin(capitalized: number, total: number): number {
  const rate = capitalized / total;
  return rate < 0.05 ? 0 : rate < 0.5 ? 1 : rate < 0.95 ? 2 : 3;
}
