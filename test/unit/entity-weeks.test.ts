/** The weeks the kept week sums are counted by (src/store/queries/entity-weeks.ts): UTC weeks from Monday. */
import { describe, expect, it } from 'vitest';
import { weekOf, weeksOfDays, weeksTouching, weeksWithin } from '../../src/store/queries/entity-weeks.ts';

describe('entity weeks', () => {
  it('count a day in the week of its Monday, across months and years', () => {
    expect(weekOf('2020-12-30')).toBe('2020-12-28'); // a Wednesday
    expect(weekOf('2020-12-28')).toBe('2020-12-28'); // the Monday itself
    expect(weekOf('2021-01-03')).toBe('2020-12-28'); // the Sunday after, in the next year
    expect(weekOf('2021-01-04')).toBe('2021-01-04');
    expect(weekOf('2024-03-01')).toBe('2024-02-26'); // after a leap day
  });

  it('tell the weeks a span holds whole from those it touches', () => {
    // Wednesday 16 to Tuesday 29 December 2020.
    expect(weeksWithin('2020-12-16', '2020-12-29')).toEqual(['2020-12-21']);
    expect(weeksTouching('2020-12-16', '2020-12-29')).toEqual(['2020-12-14', '2020-12-21', '2020-12-28']);
    // Monday to Sunday: one week, whole.
    expect(weeksWithin('2020-12-21', '2020-12-27')).toEqual(['2020-12-21']);
    expect(weeksTouching('2020-12-21', '2020-12-27')).toEqual(['2020-12-21']);
    // Six days hold no whole week; one day touches one.
    expect(weeksWithin('2020-12-22', '2020-12-28')).toEqual([]);
    expect(weeksTouching('2020-12-30', '2020-12-30')).toEqual(['2020-12-28']);
  });

  it('sum day counts by entity and week, in key order', () => {
    expect(
      weeksOfDays([
        { entity: 'person:b', day: '2021-01-03', articles: 2 },
        { entity: 'person:a', day: '2021-01-04', articles: 1 },
        { entity: 'person:b', day: '2020-12-28', articles: 3 },
        { entity: 'person:b', day: '2021-01-04', articles: 5 },
      ]),
    ).toEqual([
      { key: 'person:a|2021-01-04', entity: 'person:a', week: '2021-01-04', articles: 1 },
      { key: 'person:b|2020-12-28', entity: 'person:b', week: '2020-12-28', articles: 5 },
      { key: 'person:b|2021-01-04', entity: 'person:b', week: '2021-01-04', articles: 5 },
    ]);
  });
});
