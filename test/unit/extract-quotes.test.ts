import { describe, expect, it } from 'vitest';
import { createExtractor } from '../../src/extract/index.ts';
import { findQuoteSpans } from '../../src/extract/quotes.ts';
import { buildGivenNames } from '../../src/training/gazetteers/build-given-names.ts';

const extractor = createExtractor({ ner: false });
const quotes = (text: string) => {
  const r = extractor.extract({ title: '', text, publishedAt: '2019-10-08' });
  const names = new Map(r.entities.map((e) => [e.key, e.name]));
  return r.quotes.map((q) => [q.text, q.speakerKey ? names.get(q.speakerKey) : null]);
};

describe('quotes', () => {
  it('joins a quote that runs over paragraphs, the opening mark repeated and one closing mark', () => {
    const text = 'Sergei Lavrov said: "We will respond to every step.\n\n"The sanctions change nothing," he added.\n\nA "short" note.';
    expect(findQuoteSpans(text).map((q) => text.slice(q.start, q.end))).toEqual(['"We will respond to every step.\n\n"The sanctions change nothing,"', '"short"']);
    expect(quotes(text)).toEqual([['We will respond to every step. The sanctions change nothing,', 'Sergei Lavrov']]);
  });

  it('drops scare quotes, names and picture captions', () => {
    expect(quotes('Critics called the plan "lousy" and the government named it "Operation Peace Spring" in June.')).toEqual([]);
    expect(quotes('Protesters with a banner saying "put it to the people". Image: Voice of America.')).toEqual([]);
  });

  it('takes the subject of the speech verb, not the person named last before the quote', () => {
    expect(quotes('Prime Minister Mateusz Morawiecki tweeted "We are with Mayor Adamowicz in our thoughts and prayers." President Andrzej Duda remarked, "Today I am unconditionally with him."')).toEqual([
      ['We are with Mayor Adamowicz in our thoughts and prayers.', 'Mateusz Morawiecki'],
      ['Today I am unconditionally with him.', 'Andrzej Duda'],
    ]);
    expect(quotes('Donald Tusk, the current President of the European Council, wrote "Let us all pray for the mayor."')).toEqual([['Let us all pray for the mayor.', 'Donald Tusk']]);
    expect(quotes('"Terrorists seek to divide us," said Sadiq Khan, "here in London we will never let them succeed."')).toEqual([
      ['Terrorists seek to divide us,', 'Sadiq Khan'],
      ['here in London we will never let them succeed.', 'Sadiq Khan'],
    ]);
  });

  it('resolves he/she past people named after a preposition, and continues the speaker of a paragraph', () => {
    const text =
      'Crown Prince Mohammad bin Salman accepted responsibility. Speaking to Martin Smith of PBS, he said, "It happened under my watch." Agnès Callamard cautioned patience. "True justice takes time," she said, asking Hatice Cengiz to be "patient and resilient."\n\n"I put no pressure on them whatsoever," Donald Trump told the press. "I could have. But I did not."';
    expect(quotes(text)).toEqual([
      ['It happened under my watch.', 'Mohammad bin Salman'],
      ['True justice takes time,', 'Agnès Callamard'],
      ['patient and resilient.', 'Agnès Callamard'],
      ['I put no pressure on them whatsoever,', 'Donald Trump'],
      ['I could have. But I did not.', 'Donald Trump'],
    ]);
  });

  it('skips an owner or a home place before the speaker, and titles with "of" after the verb', () => {
    expect(quotes('Labour\'s Shadow Home Secretary Yvette Cooper said her party backed the idea "for months", and said it was "damning that the Home Office is not doing this already".')).toEqual([
      ['damning that the Home Office is not doing this already', 'Yvette Cooper'],
    ]);
    expect(quotes('Democratic committee chairman Jerrold Nadler of New York said on Twitter, "Until the full House votes, nobody is conducting an inquiry."')).toEqual([
      ['Until the full House votes, nobody is conducting an inquiry.', 'Jerrold Nadler'],
    ]);
    expect(quotes('"I am in awe of the people who ran towards danger" tweeted Mayor of London Sadiq Khan.')).toEqual([['I am in awe of the people who ran towards danger', 'Sadiq Khan']]);
  });

  it('finds the speaker after a participial opener and past an aside holding a name in marks', () => {
    expect(quotes('Calling it as "just another apology", Anna Franowska of "Have no fear", an abuse victim support charity, told Reuters "it almost appears as if the statement was prepared before".')).toEqual([
      ['just another apology', 'Anna Franowska'],
      ['it almost appears as if the statement was prepared before', 'Anna Franowska'],
    ]);
  });

  it('leaves a quote whose speaker the text does not name without one', () => {
    expect(quotes('A source within the central Interior Ministry reportedly said "I have been told not to make the figures public." The Taliban have claimed responsibility.')).toEqual([
      ['I have been told not to make the figures public.', null],
    ]);
  });

  it('gives he/she to the last person whose gender agrees (honorific, given name, or a pronoun after the first mention)', () => {
    expect(quotes('Police spoke with Margaret Lowe on Sunday. Henry Cole was taken to hospital. She said "I did not see the motorbike at all."')).toEqual([
      ['I did not see the motorbike at all.', 'Margaret Lowe'],
    ]);
    expect(quotes('Mrs Ngozi Adeyemi chaired the meeting. Mr Ifeanyi Okafor answered questions. She said "we will keep working on this agreement."')).toEqual([
      ['we will keep working on this agreement.', 'Ngozi Adeyemi'],
    ]);
    // Unknown gender: the rule before it (the person named last).
    expect(quotes('Ben Wallace met Sarah Jones. Then he said "the base will stay open for at least another ten years."')).toEqual([
      ['the base will stay open for at least another ten years.', 'Ben Wallace'],
    ]);
  });

  it('gives a quote from a writing or an office to its author when it is an entity, else to no one', () => {
    expect(quotes('Ben Wallace visited the base on Monday, and a ministry statement said "all personnel must report to the base by Friday morning."')).toEqual([
      ['all personnel must report to the base by Friday morning.', null],
    ]);
    expect(quotes('Ben Wallace visited the base on Monday, and the agency said "all personnel must report to the base by Friday morning."')).toEqual([
      ['all personnel must report to the base by Friday morning.', null],
    ]);
    expect(quotes('Jens Stoltenberg arrived in Kabul. The NATO statement said "the alliance remains committed to Afghan security forces."')).toEqual([
      ['the alliance remains committed to Afghan security forces.', 'NATO'],
    ]);
    expect(quotes('Jens Stoltenberg arrived in Kabul. According to a statement released by NATO, "the alliance remains committed to Afghan security forces."')).toEqual([
      ['the alliance remains committed to Afghan security forces.', 'NATO'],
    ]);
    expect(quotes('Ben Wallace visited the base. According to a letter seen by reporters, "all personnel must report to the base by Friday morning."')).toEqual([
      ['all personnel must report to the base by Friday morning.', null],
    ]);
  });

  it('continues a speaker over "and" between two quotes and into a paragraph that is only a quote', () => {
    expect(quotes('Chuck Schumer said "We made a plea to the president once again" and "we told him the government must reopen now."')).toEqual([
      ['We made a plea to the president once again', 'Chuck Schumer'],
      ['we told him the government must reopen now.', 'Chuck Schumer'],
    ]);
    expect(quotes('"This would never have been possible ten years ago," said Ambassador Hamdullah Mohib.\n\n"These girls show the world what our country can do."\n\nThe contest ended on Tuesday.')).toEqual([
      ['This would never have been possible ten years ago,', 'Hamdullah Mohib'],
      ['These girls show the world what our country can do.', 'Hamdullah Mohib'],
    ]);
  });

  it('finds speakers named by a title ("the archbishop"), a relative clause and a member "of" an organisation', () => {
    expect(quotes('The bill was criticised by archbishop Jorge Eduardo Scheinig. Pope Francis stayed silent. The archbishop said "we need to pray for the life of every child."')).toEqual([
      ['we need to pray for the life of every child.', 'Jorge Eduardo Scheinig'],
    ]);
    expect(quotes('Another was tour manager Thomas Gray, 24, who cited his rugby training: "I did what any Londoner would do."')).toEqual([['I did what any Londoner would do.', 'Thomas Gray']]);
    expect(quotes('Paul Smith of the United Nations, in remarks to CNN, said, "The court has set a very broad rule for everyone."')).toEqual([
      ['The court has set a very broad rule for everyone.', 'Paul Smith'],
    ]);
  });

  it('keeps a given name when at least three people bear it and 95% share one gender', () => {
    const row = (name: string, gender: string) => JSON.stringify({ name, gender });
    const jsonl = [
      row('Anna Nowak', 'female'), row('Anna Berg', 'female'), row('Anna Holm', 'female'),
      row('Kim Lee', 'male'), row('Kim Park', 'female'), row('Kim Cho', 'female'),
      row('Paul Roy', 'male'), row('Paul Day', 'male'), row('Paul', 'male'), row('José Ruiz', 'male'), row('José Gil', 'male'), row('José Paz', 'male'),
    ].join('\n');
    expect(buildGivenNames(jsonl)).toEqual({ male: ['Jose'], female: ['Anna'] });
  });
});
