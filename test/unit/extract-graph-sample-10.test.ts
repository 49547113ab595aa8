/**
 * Entities read from a sixth random sample of the Wikinews graph (issue 17, tenth round): each case
 * is a sentence of that sample (or a guard beside it), through the real extractor and shipped tagger.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createExtractor } from '../../src/extract/index.ts';
import { SEED_ARTICLES_DIR } from '../../src/seed.ts';

const extractor = createExtractor();
const extract = (text: string) => extractor.extract({ title: '', text, publishedAt: '2020-10-01' }).entities;
const kinds = (text: string) => Object.fromEntries(extract(text).map((e) => [e.name, e.kind]));

describe('a given name before "and" and a full name shares its surname', () => {
  it('makes Mark McCloskey of "Mark and Patricia McCloskey", not a Mark of another full name', () => {
    const people = kinds('Mark and Patricia McCloskey drew weapons on protesters. Mark Seidenberg spoke later.');
    expect(people).toHaveProperty('Mark McCloskey', 'PERSON');
    expect(people).toHaveProperty('Patricia McCloskey', 'PERSON');
    const seidenberg = extract('Mark and Patricia McCloskey drew weapons on protesters. Mark Seidenberg spoke later.').find((e) => e.name === 'Mark Seidenberg');
    expect(seidenberg?.mentions).toHaveLength(1);
  });

  it('leaves a surname alone, a name joined by "&" and a given name that ends a full name of the article', () => {
    // Warren is Elizabeth Warren's surname here, not Bernie Sanders' brother.
    const warren = kinds('Warren and Bernie Sanders spoke at the debate. Elizabeth Warren won the applause.');
    expect(warren).toHaveProperty('Elizabeth Warren', 'PERSON');
    expect(warren).not.toHaveProperty('Warren Sanders');
    // A museum named after a couple: "Mary & Leigh Block Museum of Art" makes no Mary Block.
    expect(kinds('an exhibit at the Mary & Leigh Block Museum of Art at Northwestern University')).not.toHaveProperty('Mary Block');
  });
});

describe('a party member named by surname', () => {
  it('drops "Democrat" before a surname the article gives in full', () => {
    const people = kinds('Democrat Spearman, a minister and former Army colonel, was first elected in 2012. Pat Spearman thanked her voters.');
    expect(people).not.toHaveProperty('Democrat Spearman');
    const spearman = extract('Democrat Spearman, a minister and former Army colonel, was first elected in 2012. Pat Spearman thanked her voters.').find((e) => e.kind === 'PERSON');
    expect(spearman?.mentions).toHaveLength(2);
  });

  it('keeps a body whose name opens with a party word', () => {
    expect(kinds('Republican Guard units moved into the city on Monday.')).toHaveProperty('Republican Guard', 'ORGANIZATION');
  });
});

describe("a degree's subject is no body and no place", () => {
  it('keeps only where the degree was earned', () => {
    const text = 'She holds a Master of Business Affairs at Bond University, and a Masters in International Relations.';
    const found = kinds(text);
    expect(found).not.toHaveProperty('Business Affairs');
    expect(found).not.toHaveProperty('International Relations');
    expect(found).toHaveProperty('Bond University', 'ORGANIZATION');
  });
});

describe('the faithful of a religion, a language, a movement', () => {
  it('makes no person of "Muslims", "Sunnis" or "Hindus"', () => {
    const found = kinds('It has deep significance to Muslims and Christians alike. Sunnis and Hindus marched together in Delhi.');
    for (const name of ['Muslims', 'Christians', 'Sunnis', 'Hindus']) expect(found).not.toHaveProperty(name);
    expect(found).toHaveProperty('Delhi');
  });

  it('makes no person of a language the article calls one', () => {
    expect(kinds('Hindi language: the message was posted twice. Hindi was the first.')).not.toHaveProperty('Hindi');
    // A person named Hindi elsewhere stays one.
    expect(kinds('Reporter Ali Hindi wrote the story. Hindi said the mayor had not answered.')).toHaveProperty('Ali Hindi', 'PERSON');
  });

  it('knows the Houthis as one body, named as a group or as an adjective', () => {
    const found = extract('The attack was claimed by the Houthi movement. How much help is received by the Houthis who are aligned with Iran remains unclear. Houthi spokesperson Yahya Sarea spoke.');
    const houthis = found.filter((e) => /Houthi/.test(e.name));
    expect(houthis.map((e) => [e.name, e.kind])).toEqual([['Houthis', 'ORGANIZATION']]);
    expect(houthis[0].mentions.length).toBeGreaterThanOrEqual(2);
  });
});

describe('names cut or run on by the tagger', () => {
  it('joins a body cut at "on": "International Committee on Taxonomy of Viruses", "Commission on Presidential Debates"', () => {
    const found = kinds('The International Committee on Taxonomy of Viruses named the virus. The Commission on Presidential Debates cancelled the second debate.');
    expect(found).toHaveProperty('International Committee on Taxonomy of Viruses', 'ORGANIZATION');
    expect(found).not.toHaveProperty('Taxonomy of Viruses');
    expect(found).not.toHaveProperty('International Committee');
    expect(found).toHaveProperty('Commission on Presidential Debates', 'ORGANIZATION');
  });

  it('ends no name on a capitalised preposition before lower-case words', () => {
    const found = kinds("Michael Tien of NPP DAB's Elizabeth Quat In the New Territories East geographical constituency won. Ann Chiang of DAB In the Kowloon West geographical constituency lost.");
    expect(found).toHaveProperty('DAB', 'ORGANIZATION');
    expect(found).not.toHaveProperty('DAB In');
    expect(found).toHaveProperty('Elizabeth Quat', 'PERSON');
  });

  it('reads "newspaper The Hill" as the paper, and "Taoiseach" as an office', () => {
    expect(kinds('At his town hall, which newspaper The Hill described as combative, Trump refused.')).toHaveProperty('Hill', 'ORGANIZATION');
    const irish = kinds('Johnson spoke in a video released with a visit to Ireland with Taoiseach Leo Varadkar.');
    expect(irish).toHaveProperty('Leo Varadkar', 'PERSON');
    expect(irish).not.toHaveProperty('Taoiseach Leo Varadkar');
  });

  it('makes no place of a faith\'s adjective: "a Pentecostal church", "the Salafi"', () => {
    const found = kinds('The Avoyelles House of Mercy, a Pentecostal church, had been travelling. The Muslim right is more of the Salafi — very extremist practice.');
    expect(found).not.toHaveProperty('Pentecostal');
    expect(found).not.toHaveProperty('Salafi');
  });
});

describe('words run into a person by the tagger', () => {
  it('drops an occupation and a place before a full name', () => {
    const found = kinds('In 2008, then-governor of Alaska Sarah Palin was chosen by John McCain as his running mate.');
    expect(found).toHaveProperty('Sarah Palin', 'PERSON');
    expect(found).toHaveProperty('Alaska', 'PLACE');
    expect(found).not.toHaveProperty('Alaska Sarah Palin');
    // A caption's occupation, with no punctuation before it.
    const caption = kinds('Forever Fairest performed in the kids area Violinist Anna Rees performs on stage.');
    expect(caption).toHaveProperty('Anna Rees', 'PERSON');
    expect(caption).not.toHaveProperty('Violinist Anna Rees');
  });
});

describe('diseases and adjectives the tagger takes for names', () => {
  it('makes no entity of "Ebola" or "LGBT"', () => {
    const found = kinds('A trial of four possible Ebola drugs was stopped early. Ebola is deadly. LGBT activist Andrew Kinsman, 49, was reported missing.');
    expect(found).not.toHaveProperty('Ebola');
    expect(found).not.toHaveProperty('LGBT');
    expect(found).toHaveProperty('Andrew Kinsman', 'PERSON');
  });
});

describe('papers, spokespeople, honours and goodbyes', () => {
  it("types a paper's title the tagger calls a place as a body", () => {
    const found = kinds('The Las Vegas Review-Journal reported the possibility. The Nevada Independent said the state could lose it.');
    expect(found).toHaveProperty('Las Vegas Review-Journal', 'ORGANIZATION');
    expect(found).toHaveProperty('Nevada Independent', 'ORGANIZATION');
  });

  it('splits a body, its spokesperson and the name the tagger ran together', () => {
    const found = kinds('The Taliban have claimed responsibility. Taliban spokesperson Zabiullah Mujahid claimed 190 were dead.');
    expect(found).toHaveProperty('Zabiullah Mujahid', 'PERSON');
    expect(found).toHaveProperty('Taliban', 'ORGANIZATION');
    expect(kinds('Podcaster Spike Cohen was nominated for vice president.')).toHaveProperty('Spike Cohen', 'PERSON');
  });

  it('makes no body of an honour named with "of" or of a goodbye', () => {
    const found = kinds('Awards included a trip to the White House to receive the US National Medal of Science. ((WN)) Thank you. ((Valeria Gazzola)) Bye.');
    expect(found).not.toHaveProperty('US National Medal of Science');
    expect(found).not.toHaveProperty('Bye');
    expect(found).toHaveProperty('Valeria Gazzola', 'PERSON');
  });
});

describe('one word after "in" or before a state that no one bears as a name', () => {
  it('is a place, and so is one word before a state: "visiting Kenosha, Wisconsin" (a person and a body in this whole article before)', () => {
    const article = readFileSync(`${SEED_ARTICLES_DIR}/wikinews-sample.jsonl`, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { title: string; text: string; publishedAt: string })
      .find((a) => a.title === 'On the campaign trail in the USA, September 2020')!;
    const kenosha = extractor.extract(article).entities.filter((e) => e.name === 'Kenosha');
    expect(kenosha.map((e) => e.kind)).toEqual(['PLACE']);
  });

  it("is no place before a subtitle's colon, before coordinated authors or as a known surname", () => {
    expect(kinds('Kevin Conroy, the voice of Batman in Batman: The Animated Series, spoke.')).not.toHaveProperty('Batman', 'PLACE');
    expect(kinds("It is similar to that observed in Carrano and Biewener's experimental subjects.")).not.toHaveProperty('Carrano', 'PLACE');
    expect(kinds('Voters lost faith in Trump after the debate.')).not.toHaveProperty('Trump', 'PLACE');
  });
});

describe('software named with no cue', () => {
  it('makes no place, body or person of a programming language or a system', () => {
    const found = kinds("V8 is complex and its API is changing all the time, and Python isn't really designed for embedding. Lua is simpler. CentOS was separated from the project, and Kubernetes runs on Android.");
    for (const name of ['Python', 'Lua', 'CentOS', 'Kubernetes', 'Android']) expect(found).not.toHaveProperty(name);
  });
});

describe('a town placed in its state is no one\'s name', () => {
  it('keeps "Allen, Texas" apart from the police chief Greg Allen', () => {
    const found = extract("U.S. officials identified the suspect as 21-year-old Patrick Crusius of Allen, Texas, near the city of Dallas. El Paso's police chief Greg Allen said late Sunday the police would act.");
    expect(found.find((e) => e.name === 'Allen')?.kind).toBe('PLACE');
    expect(found.find((e) => e.name === 'Greg Allen')?.mentions).toHaveLength(1);
  });

  it('makes every "Tyler" of the article the town its address names, however often the tagger read a person', () => {
    const found = extract(
      'Wikinews attended the sixth annual Mini Maker Faire in Tyler, Texas, United States on Saturday. A volunteer hangs signage in preparation for the Mini Maker Faire in Tyler, Texas (April 2019). Students from All Saints, a local school in Tyler. A robot built by students from All Saints school in Tyler.',
    );
    expect(found.filter((e) => e.name === 'Tyler').map((e) => e.kind)).toEqual(['PLACE']);
  });
});

describe('numbered, not named', () => {
  it('makes no place of "seventh Congressional District" or "14th Amendment"', () => {
    const found = kinds("When Representative Kweisi Mfume of Maryland's seventh Congressional District announced his resignation, he left. It violates the 14th Amendment.");
    expect(found).not.toHaveProperty('Congressional District');
    expect(found).not.toHaveProperty('Amendment');
    expect(found).toHaveProperty('Maryland', 'PLACE');
    // A named district stays one.
    expect(kinds('He grew up in the Eastern District of the city, the Karol Bagh District.')).toHaveProperty('Karol Bagh District');
  });
});

describe('a comics company, a faith, an interjection', () => {
  it('knows Marvel as a company under its other names, and makes no entity of "Shi\'a" or "Uhh"', () => {
    const found = extract('Avengers from Marvel Comics opened this week. Marvel released the film. ((WN)) Uhh, ya. He is of the Shi\'a faith.');
    expect(found.filter((e) => /Marvel/.test(e.name)).map((e) => [e.name, e.kind, e.mentions.length])).toEqual([['Marvel', 'ORGANIZATION', 2]]);
    const names = found.map((e) => e.name);
    for (const name of ["Shi'a", 'Uhh', 'Ya']) expect(names).not.toContain(name);
  });
});
