/**
 * Optional use of the trained NER tagger (src/extract/ner). The module or its model file may be
 * missing while it is being built: then extraction runs on gazetteers and rules alone.
 */
export type NerType = 'PER' | 'LOC' | 'ORG' | 'MISC';

export interface NerSpan {
  type: NerType;
  start: number;
  end: number;
  text: string;
}

export interface NerTaggerLike {
  recognize(text: string, sentences: { start: number; end: number }[]): NerSpan[];
}

interface NerModule {
  loadNerTagger(path?: string): NerTaggerLike;
}

// Resolved once at module load (top-level await), so that createExtractor() stays synchronous.
const NER_MODULE = './ner/index.ts';
let nerModule: NerModule | null = null;
try {
  nerModule = (await import(/* @vite-ignore */ NER_MODULE)) as NerModule;
} catch {
  nerModule = null;
}

/** The tagger, or null when the module or its model is not available. */
export function tryLoadNerTagger(path?: string): NerTaggerLike | null {
  if (!nerModule || typeof nerModule.loadNerTagger !== 'function') return null;
  try {
    return nerModule.loadNerTagger(path);
  } catch {
    return null;
  }
}
