/**
 * Entities read from a fifth random sample of the Wikinews graph (issue 17, ninth round): each case
 * is a sentence of that sample (or a guard beside it), through the real extractor and shipped tagger.
 */
import { describe, expect, it } from 'vitest';
import { createExtractor } from '../../src/extract/index.ts';
import { isLowercaseWordName, loadGazetteers } from '../../src/extract/gazetteers/index.ts';
import { citedAuthor } from '../../src/extract/person-cues.ts';

const extractor = createExtractor();
const gazetteers = loadGazetteers();
const extract = (text: string) => extractor.extract({ title: '', text, publishedAt: '2020-10-01' }).entities;
const kinds = (text: string) => Object.fromEntries(extract(text).map((e) => [e.name, e.kind]));

describe('a rare common noun capitalised once is no person', () => {
  it('drops "Treason" and "Cowboy", which no corpus count had seen three times', () => {
    const treason = kinds(
      'The United States Constitution specifies that officials are removed from office after being impeached for, and convicted of, "Treason, Bribery, or other high Crimes and Misdemeanors." A simple majority of the House of Representatives is needed to impeach an official.',
    );
    expect(treason).not.toHaveProperty('Treason');
    expect(treason).toHaveProperty('House of Representatives');
    const cowboy = kinds('"I am beyond grateful to him for being my boss, my mentor, & my friend. My heart breaks for Deirdre, Wyatt & Zach. Rest easy Cowboy. You have earned it."');
    expect(cowboy).not.toHaveProperty('Cowboy');
  });

  it('keeps a surname cited with a year, a known person\'s surname and a name seen twice', () => {
    expect(kinds('Proposals range from Santos (1989) through Polio and Gass 1997 to very recent ones.')).toHaveProperty('Polio', 'PERSON');
    expect(isLowercaseWordName(gazetteers, 'Cowboy')).toBe(true);
    // Nicola Sturgeon is in the people gazetteer: "sturgeon" the fish does not make her surname common.
    expect(isLowercaseWordName(gazetteers, 'Sturgeon')).toBe(false);
    // A given name is never taken for a common noun ("Will", "Rose" are in common-words.txt, not here).
    expect(isLowercaseWordName(gazetteers, 'Bruce Wayne')).toBe(false);
    const twice = kinds('Reporter Anne Cowboy wrote the story. Cowboy said the mayor had not answered.');
    expect(twice).toHaveProperty('Anne Cowboy', 'PERSON');
  });

  it('tells a citation by the year after the name', () => {
    const text = 'ability to do two tasks at once (Boot, Kramer, Simons, Fabiani, & Gratton, 2008). Polio and Gass 1997 say so.';
    expect(citedAuthor(text, text.indexOf('Boot') + 4)).toBe(true);
    expect(citedAuthor(text, text.indexOf('Polio') + 5)).toBe(true);
    const plain = 'Rest easy Cowboy. You have earned it in 2019.';
    expect(citedAuthor(plain, plain.indexOf('Cowboy') + 6)).toBe(false);
  });
});

describe("a place's head on a name the tagger took for a person", () => {
  it('makes islands, avenues, counties and mines places', () => {
    const found = kinds('The NHC issued a hurricane warning in the northwestern Bahamas and a hurricane watch for Andros Island. The march went down Karl Marx Avenue. Fires burned in Santa Barbara County.');
    expect(found).toMatchObject({ 'Andros Island': 'PLACE', 'Karl Marx Avenue': 'PLACE', 'Santa Barbara County': 'PLACE' });
    expect(kinds('During his tenure, the 2010 Upper Big Branch Mine disaster occurred, which killed 29 miners.')).toHaveProperty('Upper Big Branch Mine', 'PLACE');
  });

  it('leaves a person whose surname is a head some people bear', () => {
    expect(kinds('Constitution Party nominee Darrell Castle said he would run again.')).toHaveProperty('Darrell Castle', 'PERSON');
  });
});

describe('a national body named without its country', () => {
  it('is the body the article names with its country, before the country it names most', () => {
    const found = extract('The wreck lies south of Okinawa, Japan, far from where the Navy\'s records predicted it would be. The United States Navy confirmed the discovery on Tuesday. Japan welcomed it.');
    const navy = found.filter((e) => /Navy/.test(e.name));
    expect(navy.map((e) => e.key)).toEqual(['org:us-navy']);
    expect(navy[0].mentions.map((m) => m.text).sort()).toEqual(['Navy', 'United States Navy']);
  });
});

describe('"then-" before a name', () => {
  it('does not cut "New" off the name after it', () => {
    const found = extract('Kelly, then-New Jersey Governor Chris Christie\'s deputy chief of staff, testified.');
    expect(found.map((e) => e.name)).toContain('New Jersey');
    expect(found.map((e) => e.key)).not.toContain('country:JE');
  });
});

describe('a one-word body or place named once that is a common noun', () => {
  it('drops a place the dictionary writes in lower case, unless "the" comes before it', () => {
    const text = '"Heartbroken and numb," writes his longtime tag team partner on Instagram. Day performed with Les Brown and His Band of Renown.';
    expect(kinds(text)).not.toHaveProperty('Heartbroken');
    expect(kinds(text)).not.toHaveProperty('Renown');
    expect(kinds('Oil prices rose as tankers left the Gulf on Monday.')).toHaveProperty('Gulf', 'PLACE');
  });

  it('drops a family named after people of the article', () => {
    const found = kinds('Joe Biden and his son Hunter Biden were named. Trump denied that he made any specific deal about the Bidens.');
    expect(found).not.toHaveProperty('Bidens');
    expect(found).toMatchObject({ 'Joe Biden': 'PERSON', 'Hunter Biden': 'PERSON' });
  });
});

describe("a plural ending a body's name", () => {
  it('is that body ("Representatives", "the Reds")', () => {
    const house = extract('Over 220 members of the House of Representatives favored impeachment. One of the Representatives was an independent.');
    expect(house.map((e) => e.name)).not.toContain('Representatives');
    const reds = extract('The Florida Marlins beat the Cincinnati Reds 3-1 on Friday. Brown won for the third time against the Reds this season.');
    const team = reds.filter((e) => /Reds/.test(e.name));
    expect(team.map((e) => e.name)).toEqual(['Cincinnati Reds']);
    expect(team[0].mentions).toHaveLength(2);
  });

  it('is not a word opening a longer name', () => {
    const found = extract('The Mets Poet wrote about the game. The Mets lost to the Giants on Sunday.').map((e) => e.name);
    expect(found).toContain('Mets');
  });
});

describe('a known body\'s one-word alias inside a longer body\'s name', () => {
  it('is no mention of the known body ("Alliance Party" is no NATO, "Liberal Democrats" no US Democrats)', () => {
    const found = extract('Alliance Party presidential nominee Rocky De La Fuente was invited. NATO said so.');
    expect(found.filter((e) => e.key === 'org:nato').map((e) => e.mentions.map((m) => m.text))).toEqual([['NATO']]);
    expect(found.map((e) => e.name)).toContain('Alliance Party');
    const seats = extract('Results: Conservative Party - 365 seats. Labour Party - 203 seats. Liberal Democrats - 11 seats. Democratic Unionist Party - 8 seats.');
    expect(seats.map((e) => e.key)).not.toContain('org:democratic-party');
    expect(seats.map((e) => e.name)).toContain('Liberal Democrats');
  });

  it('leaves "The Guardian" the known newspaper', () => {
    expect(extract('The Guardian reported it on Monday.').map((e) => e.key)).toContain('org:the-guardian');
  });
});

describe('words the tagger left out before a body\'s name', () => {
  it('join it when the tagger read them as a name or they are no common word', () => {
    expect(kinds('She focused on animal rights, founding the Doris Day Animal Foundation.')).toHaveProperty('Doris Day Animal Foundation', 'ORGANIZATION');
    expect(kinds('There was one MP of the Co-operative Commonwealth Federation, and 8 independent MPs.')).toHaveProperty('Co-operative Commonwealth Federation', 'ORGANIZATION');
  });

  it('do not join when they describe it ("Virginia-based")', () => {
    expect(kinds('The Virginia-based Symplicity Corporation said so.')).toHaveProperty('Symplicity Corporation', 'ORGANIZATION');
  });
});

describe('a given name alone beside one person of the article it opens', () => {
  it('is that person, not a place', () => {
    const text = `Joe Biden's son Hunter Biden was named in the report. ${HUNTER}`;
    const found = extract(text);
    expect(found.map((e) => e.key)).not.toContain('place:hunter');
    expect(found.find((e) => e.key === 'person:hunter-biden')!.mentions.map((m) => m.text)).toContain('Hunter');
  });
});

describe('a body run into a person with no title between', () => {
  it('is the body and then the person, the person named alone elsewhere', () => {
    const found = kinds('The Iranian Chess Federation banned them. What was the President of the Iranian Chess Federation Mehrdad Pahlavanzadeh like? Mehrdad Pahlavanzadeh explained the decision.');
    expect(found).toEqual(expect.objectContaining({ 'Iranian Chess Federation': 'ORGANIZATION', 'Mehrdad Pahlavanzadeh': 'PERSON' }));
    expect(found).not.toHaveProperty('Iranian Chess Federation Mehrdad Pahlavanzadeh');
  });
});

/** A paragraph of the Wikinews article on the New York Post's laptop story (CC-BY 2.5, Wikinews), where the tagger reads "Hunter" alone as a place. */
const HUNTER = "In another potential \"October surprise,\" on the week of Trump and Biden's dueling town halls, the New York Post published an article about the discovery of a laptop belonging to Biden's son Hunter that he allegedly abandoned at a Delaware computer repair shop.  According to the Post, former Trump adviser Steve Bannon told them of its existence and current Trump personal attorney Rudy Giuliani, the former Mayor of New York City, recently gave them a copy of its harddrive's contents allegedly obtained from the shop owner.  E-mails in the copy detailed Hunter's worldwide business affairs and alleged influence peddling.  Contrary to the elder Biden's assurances he had no involvement in his son's business deals, an e-mail alluded to a 2015 meeting between the elder Biden and a Ukranian adviser to the board of the energy company Burisma, on which Hunter served. The report claimed after the meeting the elder Biden used his influence as vice president to have a Ukrainian prosecutor investigating Burisma fired.  The material also contained a video of Hunter smoking crack cocaine and taking part in a sex act.  Fifty former intelligence officials, including former CIA directors John Brennan, Leon Panetta, and Michael Hayden, signed a letter saying the Post'‍s report \"has all the classic earmarks of a Russian information operation.\"  Current Director of National Intelligence John Ratcliffe said the information was \"not part of some Russian disinformation campaign.\" According to The Washington Post, intelligence officials warned the administration last December that Giuliani could be a conduit for Russian disinformation. Twitter prevented users from sharing the Post story, claiming it violated their policy on hacked materials.  Twitter CEO Jack Dorsey later said they made a mistake. Facebook did not censor the story but limited its spread on their platform.  Shortly after the report, Trump and Biden held the dueling town halls on NBC and ABC, respectively.  While NBC simulcast Trump's hour long town hall, hosted by Savannah Guthrie, on the main network as well as MSNBC and CNBC, ABC broadcast Biden's town hall with George Stephanopoulos for two hours.  The broadcast of Biden's event received more viewers than Trump's event. At his town hall, which newspaper The Hill described as combative, Trump refused to disavow the Qanon conspiracy theory and defended his pandemic policies.  At Biden's event, Biden implied he would consider making a potential COVID-19 vaccine mandatory.  On Court packing, he said his decision would depend on how the Senate conducts the Barrett confirmation hearing.";

describe('spans that only look like a person (read from a sixth sample)', () => {
  it('makes no person of a prize or a licence', () => {
    const found = kinds('He won the Nemmers Prize in Mathematics in 1998 and the Leroy P. Steele Prize in 2000. YouTube allows videos to be licensed under a Creative Commons Attribution license.');
    expect(found).not.toHaveProperty('Leroy P. Steele Prize');
    expect(found).not.toHaveProperty('Creative Commons Attribution');
  });

  it('cuts a common noun opening a sentence before a given name, and nothing else', () => {
    expect(kinds("Kosgei was the defending champion. Countryman Lawrence Cherono won the men's division.")).toHaveProperty('Lawrence Cherono', 'PERSON');
    const kept = kinds('General questions. Heaven Sent Gaming was founded by Mario J. Lucero and Isabel Ruiz.');
    expect(kept).not.toHaveProperty('Sent Gaming');
  });
});

describe('a body run into a person opened by a known given name', () => {
  it('is split even when the person is not named alone', () => {
    const found = kinds('Wikinews interviews a professor of Counseling Psychology at Washington State University Simon Ličen about attitudes.');
    expect(found).toEqual(expect.objectContaining({ 'Washington State University': 'ORGANIZATION', 'Simon Ličen': 'PERSON' }));
  });
});

describe('a tagger person of dictionary words only, with no given name and no cue', () => {
  it('is a body ("Heaven Sent Gaming")', () => {
    expect(kinds('Wikinews interviews Mario J. Lucero and Isabel Ruiz of Heaven Sent Gaming. What is Heaven Sent Gaming?')).toHaveProperty('Heaven Sent Gaming', 'ORGANIZATION');
  });
});

describe('the Sun in an article about the sky', () => {
  it('is a body of the sky (a place), not an organisation', () => {
    const found = kinds('AB Aurigae is a young star, roughly five million years old, Boccaletti told Wikinews. In contrast, the Sun is approximately 4.6 billion years old.');
    expect(found).toHaveProperty('Sun', 'PLACE');
  });
});

describe('a programming language', () => {
  it('is no place ("written in Python")', () => {
    const found = kinds('Initially started in July 2008 by Ricardo Garcia, youtube-dl is a script written in Python which can download videos from websites including YouTube.');
    expect(found).not.toHaveProperty('Python');
    expect(found).toHaveProperty('Ricardo Garcia', 'PERSON');
  });
});
