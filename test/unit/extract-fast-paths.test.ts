// The runtime shortcuts of extraction must give exactly what the plain definitions give.
import { describe, expect, it } from 'vitest';
import {
  BOUNDARY_FEATURES,
  docCaseBin,
  neighbourFeatures,
  positionCode,
  positionFeatures,
  prepareDocument,
  restFeaturesView,
  sentenceFeatures,
  wordFeatures,
} from '../../src/extract/ner/features.ts';
import {
  DOC_CODES,
  docFeature,
  documentHistoryOf,
  LABEL_BOS,
  LABEL_EOS,
  labelFeatures,
  labelHashes,
  labelShapeFeature,
  MAX_STACKED_FEATURES,
  stackedFeatures,
  stackedFeaturesInto,
} from '../../src/extract/ner/stacked-features.ts';
import { loadDocumentTagger, tokenize } from '../../src/extract/ner/index.ts';
import { isNameWord } from '../../src/extract/mentions.ts';
import { splitSentences } from '../../src/extract/sentences.ts';
import { containsWord } from '../../src/extract/text.ts';

const TEXT = [
  'RUSSIA WARNS U.S. OVER NEW SANCTIONS',
  'Russian Foreign Minister Sergey Lavrov met U.S. Secretary of State Mike Pompeo in Sochi on Tuesday, the ministry said.',
  '"We will respond," Lavrov told reporters. Pompeo, who arrived from Brussels, said the talks with Vladimir Putin were "frank".',
  'The ambassador to NATO Kurt Volker and the European Union\'s Federica Mogherini called for calm; Gdańsk and São Paulo were quiet.',
  'Lavrov said 1,000 troops (3.5%) left on 2019-08-22 at 10:30 -- e-mail press@example.org or see https://example.org/x.',
].join('\n');

const sorted = (xs: ArrayLike<number>) => Array.from(xs).sort((a, b) => a - b);

describe('NER feature shortcuts', () => {
  const tagger = loadDocumentTagger();
  const words = splitSentences(TEXT).map((s) => tokenize(TEXT, s.start, s.end).map((t) => t.text));
  const doc = prepareDocument(words, tagger.lexicon);

  it('word + neighbour + position + rest features are the features of every token', () => {
    for (let s = 0; s < doc.sentences.length; s++) {
      const sent = doc.sentences[s];
      const n = sent.words.length;
      const all = sentenceFeatures(doc, s);
      const rest = restFeaturesView(doc, s);
      const restOffsets = Array.from(rest.offsets.subarray(0, n + 1));
      const restHashes = Array.from(rest.hashes.subarray(0, restOffsets[n]));
      for (let i = 0; i < n; i++) {
        const parts: number[] = [];
        wordFeatures(sent, i, parts);
        parts.push(...(i > 0 ? neighbourFeatures(sent.infos[i - 1])[0] : BOUNDARY_FEATURES[0]));
        parts.push(...(i > 1 ? neighbourFeatures(sent.infos[i - 2])[1] : BOUNDARY_FEATURES[1]));
        parts.push(...(i + 1 < n ? neighbourFeatures(sent.infos[i + 1])[2] : BOUNDARY_FEATURES[2]));
        parts.push(...(i + 2 < n ? neighbourFeatures(sent.infos[i + 2])[3] : BOUNDARY_FEATURES[3]));
        parts.push(...positionFeatures(sent.infos[i], positionCode(sent, i), docCaseBin(doc, sent, i)));
        parts.push(...restHashes.slice(restOffsets[i], restOffsets[i + 1]));
        expect(sorted(parts)).toEqual(sorted(all.hashes.subarray(all.offsets[i], all.offsets[i + 1])));
      }
    }
  });

  it('stacked features from label indices equal those from label names, as hashes or as label parts and codes', () => {
    const labels = tagger.labels;
    const info = labelHashes(labels);
    // Some first-pass labelling: a fixed pattern over all labels.
    const flat = new Int32Array(doc.sentences.reduce((n, s) => n + s.words.length, 0));
    for (let k = 0; k < flat.length; k++) flat[k] = (k * 7 + (k >> 2)) % labels.length;
    const named: string[][] = [];
    let k = 0;
    for (const sent of doc.sentences) named.push(sent.words.map(() => labels[flat[k++]]));
    const history = documentHistoryOf(doc, flat, info);
    let first = 0;
    for (let s = 0; s < doc.sentences.length; s++) {
      const n = doc.sentences[s].words.length;
      const expected = stackedFeatures(doc, named, s);
      const offsets = new Int32Array(n + 1);
      const out = new Uint32Array(n * MAX_STACKED_FEATURES);
      stackedFeaturesInto(doc, history, info, flat, first, s, offsets, out);
      const restOffsets = new Int32Array(n + 1);
      const rest = new Uint32Array(n * MAX_STACKED_FEATURES);
      stackedFeaturesInto(doc, history, info, flat, first, s, restOffsets, rest, 'codes');
      for (let i = 0; i < n; i++) {
        expect(Array.from(out.subarray(offsets[i], offsets[i + 1]))).toEqual(expected[i]);
        const y = info.hashes[flat[first + i]];
        const m1 = i > 0 ? info.hashes[flat[first + i - 1]] : LABEL_BOS;
        const p1 = i + 1 < n ? info.hashes[flat[first + i + 1]] : LABEL_EOS;
        const sh = doc.sentences[s].hShort[i];
        const codes = Array.from(rest.subarray(restOffsets[i], restOffsets[i + 1]));
        expect(codes.every((c) => c >= 0 && c < DOC_CODES)).toBe(true);
        const parts = [...labelFeatures(m1, y, p1), labelShapeFeature(y, sh), ...codes.map((c) => docFeature(c, sh))];
        expect(sorted(parts)).toEqual(sorted(expected[i]));
      }
      first += n;
    }
  });
});

describe('isNameWord', () => {
  // The definition without the quick rejection of ASCII first characters.
  const reference = (text: string) =>
    !/^I['’]/.test(text) &&
    !/-(?:based|backed|led|born|owned|linked|style|era|funded|made|run|controlled|affiliated|aligned)$/i.test(text) &&
    text !== 'Image' &&
    (/^\p{Lu}[\p{L}\p{M}'’.-]*$/u.test(text) || /^(?:al|el|bin|ibn|de|van|von|da|di|du|del|la|le|d|O)[-'’]\p{Lu}/u.test(text));

  it('agrees with its definition', () => {
    const words = [
      ...tokenize(TEXT).map((t) => t.text),
      '', 'al-Assad', 'el-Sisi', "d'Estaing", 'bin-Salman', "ibn'Saud", 'van-Gogh', 'von-Trapp', 'de-Gaulle', 'la-Follette', 'le-Pen', 'du-Pont', 'da-Silva', 'di-Maio', 'del-Toro',
      "O'Brien", "I'd", 'Image', 'Kremlin-backed', 'Über', 'Ångström', 'élan', '_x', '1990s', 'x-Ray', 'Zelenskyy', 'ISIS', 'a', 'Z', '—', '“Quote',
    ];
    for (const w of words) expect(isNameWord(w), w).toBe(reference(w));
  });
});

describe('containsWord', () => {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const reference = (text: string, phrase: string) => new RegExp(`\\b${escape(phrase)}\\b`).test(text);

  it('answers as the \\b…\\b regular expression would', () => {
    const texts = ['Lavrov meets Pompeo in Sochi', 'U.S. sanctions: (Russia) vs. E.U.', 'Gdansk_port 2019', '', 'a.b.c', '  ', 'Ukraine-Russia talks'];
    const phrases = ['Lavrov', 'avrov', 'U.S.', 'U.S', 'S.', '(Russia)', 'Russia', 'E.U.', 'Gdansk', 'port', '2019', '', 'a.b', 'b.c', ' ', 'Ukraine-Russia', '-Russia', 'talks', 'x'];
    for (const t of texts) for (const p of phrases) expect(containsWord(t, p), `${t} / ${p}`).toBe(reference(t, p));
  });
});
