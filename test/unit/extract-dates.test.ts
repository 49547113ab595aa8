import { describe, expect, it } from 'vitest';
import { findDates, parseIsoDate, resolveDayMonth, resolveMonth, resolveWeekday } from '../../src/extract/dates.ts';

const values = (text: string, published = '2017-08-10') => findDates(text, published).map((d) => [d.text, d.value, d.precision]);

describe('dates', () => {
  it('resolves weekdays backwards from the publication date', () => {
    // 2017-08-10 is a Thursday.
    expect(values('The talks took place on Sunday.')).toEqual([['on Sunday', '2017-08-06', 'day']]);
    expect(values('Tillerson told reporters on Monday')).toEqual([['on Monday', '2017-08-07', 'day']]);
    expect(values('He spoke on Thursday')).toEqual([['on Thursday', '2017-08-10', 'day']]);
    expect(values('last Thursday')).toEqual([['last Thursday', '2017-08-03', 'day']]);
    expect(values('next Monday')).toEqual([['next Monday', '2017-08-14', 'day']]);
    expect(values('The vote will be held on Tuesday')).toEqual([['on Tuesday', '2017-08-15', 'day']]);
  });

  it('resolves relative days', () => {
    expect(values('yesterday, today and tomorrow')).toEqual([
      ['yesterday', '2017-08-09', 'day'],
      ['today', '2017-08-10', 'day'],
      ['tomorrow', '2017-08-11', 'day'],
    ]);
    expect(values('three days ago')).toEqual([['three days ago', '2017-08-07', 'day']]);
    expect(values('stabbed last night, died this morning')).toEqual([
      ['last night', '2017-08-09', 'day'],
      ['this morning', '2017-08-10', 'day'],
    ]);
    expect(values('last year')).toEqual([['last year', '2016', 'year']]);
  });

  it('takes the month that is not in the future', () => {
    expect(values('announced in July')).toEqual([['July', '2017-07', 'month']]);
    expect(values('announced in December')).toEqual([['December', '2016-12', 'month']]);
    expect(values('in August')).toEqual([['August', '2017-08', 'month']]);
    expect(values('in May 2019')).toEqual([['May 2019', '2019-05', 'month']]);
    expect(values('he may go')).toEqual([]);
  });

  it('parses explicit dates', () => {
    expect(values('Posted August 10, 2017')).toEqual([['August 10, 2017', '2017-08-10', 'day']]);
    expect(values('on 4 July 2016')).toEqual([['4 July 2016', '2016-07-04', 'day']]);
    expect(values('2019-01-04')).toEqual([['2019-01-04', '2019-01-04', 'day']]);
    expect(values('on Jan. 5')).toEqual([['Jan. 5', '2017-01-05', 'day']]);
    expect(values('on December 24')).toEqual([['December 24', '2016-12-24', 'day']]);
    expect(values('February 30, 2017')).toEqual([]);
  });

  it('keeps absolute dates and drops relative ones without a publication date', () => {
    expect(findDates('on Sunday, on March 3, 2018', null).map((d) => d.value)).toEqual(['2018-03-03']);
  });

  it('has pure resolvers', () => {
    const ref = parseIsoDate('2017-08-10')!;
    expect(resolveWeekday(ref, 0).toISOString().slice(0, 10)).toBe('2017-08-06');
    expect(resolveWeekday(ref, 4, 'forward').toISOString().slice(0, 10)).toBe('2017-08-17');
    expect(resolveMonth(ref, 9)).toBe('2016-09');
    expect(resolveMonth(ref, 9, true)).toBe('2017-09');
    expect(resolveDayMonth(ref, 8, 11)).toBe('2016-08-11');
    expect(parseIsoDate('2017-08-10T12:00:00Z')!.toISOString().slice(0, 10)).toBe('2017-08-10');
    expect(parseIsoDate('not a date')).toBeNull();
  });
});
