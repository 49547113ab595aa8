/** Acceptance on the user's article, with the rule fallback and with the NER tagger when it loads. */
import { describe, expect, it } from 'vitest';
import { createExtractor } from '../../src/extract/index.ts';
import type { ExtractedArticle } from '../../src/extract/types.ts';
export const SEED_TITLE = "United States and Russian officials to continue dialogue despite new sanctions";

export const SEED_TEXT = "Posted August 10, 2017\n\nAs ABC News wrote in an article \"Trump admin still seeks cooperation with Russia despite new sanctions and retaliation\", the top USA diplomat took a step toward that goal on Sunday, meeting with Russian Foreign Minister Sergei Lavrov on the sidelines of a major summit in Manila, Philippines.\n\nLavrov called for all parties in the Korean conflict to \"show their utmost restraint\" against using military force and conduct a \"denuclearization\" of the peninsula, the Russian Foreign Ministry said in a statement.\n\nIt's extraordinary - and appalling - that eight months after the election, and seven months after the USA intelligence community confirmed Russia's unprecedented and aggressive involvement in last year's election, the Trump administration is still trying to impress upon Moscow how \"serious\" the situation is.\n\nFollowing a meeting with his Russian counterpart in the Philippines, Tillerson explained he will ask \"clarifying questions\" about the Kremlin's demands, which were announced in July after Congress passed a bill imposing fresh sanctions on Russia.\n\n\"This will be in this way from now on\". Speaking after the lengthy meeting held on the sidelines of an worldwide conference in Manila, Lavrov said there is no alternative to dialogue.\n\n\"He was primarily interested.in details of those decisions that we grudgingly made in response to the law on anti-Russian sanctions\", Lavrov said.\n\n\"We would be interested to see what impression the USA special envoy has on the current state of affairs\", Lavrov said. Tillerson's special envoy for Ukraine, former US ambassador to NATO Kurt Volker, IS heading to Moscow soon for talks amid a stalemate in the conflict and an uptick in violence.\n\n\"But what we're saying is that you will not get us to talk about your security if you just continue testing those missiles\". Despite the striking back initiatives, Russian Federation keeps the positive tone in the relations with the United States.\n\nRyabkov said that if the USA continues the diplomatic tit-for-tat by expelling more Russian diplomats, Russia would respond in kind, Russian state-controlled news agency RIA reported.\n\nTurkey, Russia and Iran are working on a mechanism of de-escalation zones in Syria involving the USA and respective zones assigned to each country. More than an hour later, Tillerson emerged from the meeting and boarded his motorcade without commenting.\n\nThe US has cautiously raised concern over Russia's alleged interference in last year's presidential election and its effect on relations between the two nations.\n\nHe said the U.S. Congress was able to overwhelmingly pass such severe restrictions on trade only because the United States didn't conduct much trade with Russian Federation to begin with.\n\nAfter Congress approved the sanctions, but prior to Trump signing the bill, Russian President Vladimir Putin ordered the United States to reduce its diplomatic personnel in Russia by 755. \"We talked about that in the discussion that we had with Mr. Lavrov yesterday\", Tillerson told reporters on Monday.";

const ruleExtractor = createExtractor({ ner: false });
const defaultExtractor = createExtractor();
const paths: [string, ReturnType<typeof createExtractor>][] = [['rules only', ruleExtractor]];
if (defaultExtractor.usesNer) paths.push(['with the NER tagger', defaultExtractor]);

const article = { title: SEED_TITLE, text: SEED_TEXT, publishedAt: '2017-08-10' };
const bodyOnly = { ...article, text: SEED_TEXT.replace(/^Posted[^\n]*\n+/, '') };

function entity(r: ExtractedArticle, key: string) {
  return r.entities.find((e) => e.key === key);
}

describe.each(paths)('the seed article (%s)', (_name, extractor) => {
  const r = extractor.extract(article);

  it('splits sentences with offsets into the text', () => {
    expect(r.sentences.length).toBeGreaterThan(15);
    for (const s of r.sentences) expect(article.text.slice(s.start, s.end)).toBe(s.text);
    // "Mr. Lavrov" and "U.S. Congress" do not end sentences.
    expect(r.sentences.some((s) => s.text.includes('Mr. Lavrov yesterday'))).toBe(true);
    expect(r.sentences.some((s) => s.text.includes('the U.S. Congress was able'))).toBe(true);
  });

  it('links the people to Wikidata', () => {
    const expected: [string, string][] = [
      ['Q58217', 'Lavrov'],
      ['Q331401', 'Tillerson'],
      ['Q22686', 'Trump'],
      ['Q7747', 'Putin'],
      ['Q6447103', 'Volker'],
    ];
    for (const [qid, surname] of expected) {
      const e = entity(r, `person:${qid}`);
      expect(e, qid).toBeDefined();
      expect(e!.kind).toBe('PERSON');
      expect(e!.wikidataId).toBe(qid);
      expect(e!.name).toContain(surname);
    }
    expect(entity(r, 'person:Q58217')!.name).toBe('Sergei Lavrov');
    expect(entity(r, 'person:Q331401')!.name).toBe('Rex Tillerson');
    // Every "Lavrov" joins the full name.
    expect(entity(r, 'person:Q58217')!.mentions.length).toBeGreaterThanOrEqual(6);
    expect(r.entities.some((e) => e.kind === 'PERSON' && e.name.includes('Ryabkov'))).toBe(true);
  });

  it('makes no people out of places, organisations or stray words', () => {
    const names = r.entities.filter((e) => e.kind === 'PERSON').map((e) => e.name.toLowerCase());
    for (const bad of ['kremlin', 'ria', 'is', 'moscow', 'russian federation', 'nato', 'congress', 'korean', 'posted', 'sergei']) {
      expect(names, bad).not.toContain(bad);
    }
    expect(names.length).toBeLessThanOrEqual(7);
  });

  it('finds the countries, with ISO codes and common names', () => {
    for (const code of ['US', 'RU', 'PH', 'UA', 'TR', 'IR', 'SY']) {
      const e = entity(r, `country:${code}`);
      expect(e, code).toBeDefined();
      expect(e!.code).toBe(code);
      expect(e!.iso3).toHaveLength(3);
    }
    expect(entity(r, 'country:RU')!.name).toBe('Russia');
    expect(entity(r, 'country:US')!.name).toBe('United States');
    expect(entity(r, 'country:PH')!.name).toBe('Philippines');
    const ru = entity(r, 'country:RU')!.mentions.map((m) => m.text);
    expect(ru).toEqual(expect.arrayContaining(['Russia', 'Russian', 'Russian Federation', 'Moscow', 'Kremlin']));
    // "us" in a quote and "IS heading" are not the United States.
    expect(entity(r, 'country:US')!.mentions.map((m) => m.text)).not.toContain('us');
    expect(r.entities.filter((e) => e.kind === 'COUNTRY').map((e) => e.code)).not.toContain('KR');
  });

  it('finds the organisations and places', () => {
    expect(entity(r, 'org:nato')).toBeDefined();
    expect(entity(r, 'org:abc-news')).toBeDefined();
    expect(entity(r, 'org:ria-novosti')?.countryCode).toBe('RU');
    const congress = entity(r, 'org:us-congress')!;
    expect(congress.countryCode).toBe('US');
    expect(congress.mentions.map((m) => m.text)).toEqual(expect.arrayContaining(['Congress', 'U.S. Congress']));
    expect(entity(r, 'org:ru-foreign-ministry')?.countryCode).toBe('RU');
    const manila = entity(r, 'place:manila')!;
    expect(manila.kind).toBe('PLACE');
    expect(manila.countryCode).toBe('PH');
  });

  it('gives mentions exact offsets and sentence indexes', () => {
    for (const e of r.entities) {
      for (const m of e.mentions) {
        expect(article.text.slice(m.start, m.end)).toBe(m.text);
        const s = r.sentences[m.sentence];
        expect(m.start >= s.start && m.end <= s.end).toBe(true);
      }
      expect(e.salience).toBeGreaterThanOrEqual(0);
      expect(e.salience).toBeLessThanOrEqual(1);
    }
    expect(entity(r, 'country:RU')!.salience).toBe(1);
  });

  it('reads roles from titles and appositions', () => {
    const roles = (qid: string) => r.roles.filter((x) => x.personKey === `person:${qid}`);
    expect(roles('Q58217')).toContainEqual(expect.objectContaining({ title: 'Foreign Minister', countryKey: 'country:RU' }));
    expect(roles('Q7747')).toContainEqual(expect.objectContaining({ title: 'President', countryKey: 'country:RU' }));
    expect(roles('Q6447103')).toContainEqual(expect.objectContaining({ title: 'ambassador to NATO', countryKey: 'country:US', organizationKey: 'org:nato', former: true }));
    expect(roles('Q6447103')).toContainEqual(expect.objectContaining({ title: 'special envoy for Ukraine' }));
  });

  it('attributes quotes to their speakers', () => {
    const lavrov = r.quotes.filter((q) => q.speakerKey === 'person:Q58217');
    expect(lavrov.length).toBeGreaterThanOrEqual(2);
    expect(lavrov.map((q) => q.text)).toContain('We would be interested to see what impression the USA special envoy has on the current state of affairs');
    const tillerson = r.quotes.find((q) => q.text.startsWith('We talked about that'))!;
    expect(tillerson.speakerKey).toBe('person:Q331401');
    expect(tillerson.aboutKeys).toContain('person:Q58217');
  });

  it('finds the meeting in Manila on Sunday 2017-08-06', () => {
    const meeting = r.events.find((e) => e.type === 'MEETING')!;
    expect(meeting).toBeDefined();
    expect(meeting.date).toBe('2017-08-06');
    expect(meeting.cameoCode).toBe('040');
    expect(meeting.locationKey).toBe('place:manila');
    const keys = meeting.participants.map((p) => p.entityKey);
    expect(keys).toEqual(expect.arrayContaining(['person:Q331401', 'person:Q58217']));
    expect(meeting.title).toBe('Meeting of Rex Tillerson and Sergei Lavrov in Manila');
    expect(meeting.key).toBe('event:meeting:2017-08-06:person:Q331401+person:Q58217');
    expect(r.sentences[meeting.sentence].text).toContain('meeting with Russian Foreign Minister Sergei Lavrov');
  });

  it('finds the sanctions against Russia and the cut in US diplomats', () => {
    const sanctions = r.events.find((e) => e.type === 'SANCTIONS')!;
    expect(sanctions.participants).toContainEqual({ entityKey: 'country:RU', role: 'target' });
    expect(sanctions.participants).toContainEqual({ entityKey: 'org:us-congress', role: 'actor' });
    const expulsion = r.events.find((e) => e.type === 'EXPULSION')!;
    expect(expulsion.participants).toContainEqual({ entityKey: 'person:Q7747', role: 'actor' });
    expect(expulsion.participants).toContainEqual({ entityKey: 'country:US', role: 'target' });
  });

  it('gives the same results for the text without the date line', () => {
    const b = extractor.extract(bodyOnly);
    const keys = (x: ExtractedArticle) => x.entities.map((e) => e.key).sort();
    expect(keys(b)).toEqual(keys(r));
    expect(b.events.map((e) => e.key).sort()).toEqual(r.events.map((e) => e.key).sort());
  });

  it('is deterministic', () => {
    expect(extractor.extract(article)).toEqual(r);
  });
});
