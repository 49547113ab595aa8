/** "New this week": the pairs co-mentioned well above their own baseline lately (emergingLinks); a click opens the link. */
import { gql } from './api.ts';
import { h, replaceChildren } from './dom.ts';

export const EMERGING = `query Emerging($first: Int) {
  emergingLinks(first: $first) {
    a { key name kind } b { key name kind }
    windowArticles baselineArticles windowRate baselineRate score since until
    evidence { sentence }
  }
}`;

interface End {
  key: string;
  name: string;
  kind: string;
}

export interface EmergingLinkBrief {
  a: End;
  b: End;
  windowArticles: number;
  baselineArticles: number;
  windowRate: number;
  baselineRate: number;
  score: number;
  since: string;
  until: string;
  evidence: { sentence: string }[];
}

const FIRST = 15;

function day(value: string): string {
  return new Date(value).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

export function emergingView(links: EmergingLinkBrief[], openEdge: (a: string, b: string) => void) {
  if (links.length === 0) return h('p', { class: 'empty' }, 'No pair is co-mentioned much more than usual in the last week of news.');
  const { since, until } = links[0];
  return h('div', null,
    h('p', { class: 'muted' }, `Pairs mentioned together far more from ${day(since)} to ${day(new Date(Date.parse(until) - 1).toISOString())} than in the four weeks before. Click one to see the sentences behind it.`),
    h('ul', { class: 'plain emerging-list' }, links.map((link) =>
      h('li', { class: 'emerging-item' },
        h('button', { type: 'button', class: 'link', 'data-pair': `${link.a.key}|${link.b.key}`, onclick: () => openEdge(link.a.key, link.b.key) },
          `${link.a.name} — ${link.b.name}`),
        h('div', { class: 'muted' },
          `${link.windowArticles} articles this week, ${link.baselineArticles} in the 4 weeks before · score ${link.score.toFixed(1)}`),
        link.evidence[0] ? h('div', { class: 'emerging-evidence' }, `“${link.evidence[0].sentence}”`) : null))));
}

/** Loads the list into `target` (each time the tab is opened: it follows the news). */
export async function showEmerging(target: HTMLElement, openEdge: (a: string, b: string) => void): Promise<void> {
  replaceChildren(target, h('p', { class: 'muted' }, 'Loading…'));
  try {
    const data = await gql<{ emergingLinks: EmergingLinkBrief[] }>(EMERGING, { first: FIRST });
    replaceChildren(target, emergingView(data.emergingLinks, openEdge));
  } catch (error) {
    replaceChildren(target, h('p', { class: 'form-error' }, (error as Error).message));
  }
}
