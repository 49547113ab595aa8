/**
 * The trained tagger, when its model file is there: without it (a checkout that has not trained
 * one, or a damaged file) extraction runs on gazetteers and rules alone.
 */
import { loadNerTagger, type NerTagger } from './ner/index.ts';

export type { NerSpan, NerTagger } from './ner/index.ts';

/** The tagger, or null when its model cannot be loaded. */
export function tryLoadNerTagger(path?: string): NerTagger | null {
  try {
    return loadNerTagger(path);
  } catch {
    return null;
  }
}
