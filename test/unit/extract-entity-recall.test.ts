/**
 * Entity recall (issue 17, third round): names the pipeline found and then dropped, on small texts
 * through the real extractor with the shipped tagger.
 */
import { describe, expect, it } from 'vitest';
import { createExtractor } from '../../src/extract/index.ts';

const extractor = createExtractor();
const names = (text: string, publishedAt = '2020-10-01') => extractor.extract({ title: '', text, publishedAt }).entities.map((e) => e.name);

describe('an acronym seen once', () => {
  it('is a body when a person is "of" it or it owns what follows', () => {
    const found = names('Incumbent councillors Ann Chiang and Priscilla Leung of BPA were re-elected. In 2007 he hosted MTV\'s horror reality series.');
    expect(found).toEqual(expect.arrayContaining(['BPA', 'MTV']));
  });

  it('is still no body when nothing says so', () => {
    const found = names('Scores such as GPA were compared across schools. The results were filed under PMID 17547490.');
    expect(found).not.toContain('GPA');
    expect(found).not.toContain('PMID');
  });
});
