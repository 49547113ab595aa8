/** What the side panel shows: an entity, a pair of entities, an article, the paths between two entities, the live feed. */
import { formatDate, h, highlighted, svg } from './dom.ts';
import { KIND_COLOURS, KIND_LABELS } from './graph.ts';
import type { ArticleBrief, ArticleResult, EntityBrief, EntityDetail, Evidence, PathsResult, RelationshipResult, TimeBucket } from './queries.ts';

export interface Actions {
  openEntity(key: string): void;
  openEdge(a: string, b: string): void;
  openArticle(id: string, sentence?: string): void;
  showPath(index: number): void;
}

export function kindBadge(kind: EntityBrief['kind']) {
  return h('span', { class: 'badge', style: `--kind: ${KIND_COLOURS[kind]}` }, KIND_LABELS[kind]);
}

function entityLink(entity: EntityBrief, actions: Actions) {
  return h('button', { class: 'link entity-link', type: 'button', title: `Show ${entity.name}`, onclick: () => actions.openEntity(entity.key) },
    h('span', { class: 'dot', style: `background: ${KIND_COLOURS[entity.kind]}` }), entity.name);
}

function section(title: string, ...children: Parameters<typeof h>[2][]) {
  return h('section', { class: 'section' }, h('h3', null, title), ...children);
}

function facts(rows: [string, string | number | null | undefined][]) {
  return h('dl', { class: 'facts' }, rows.filter(([, v]) => v !== null && v !== undefined && v !== '').map(([k, v]) => [h('dt', null, k), h('dd', null, String(v))]));
}

/** A link that opens an article in the panel (anchors wrap like text, buttons do not). */
function articleLink(article: ArticleBrief, actions: Actions, sentence?: string) {
  return h('a', {
    class: 'link open-article',
    href: `#article=${encodeURIComponent(article.articleId)}`,
    onclick: (event: MouseEvent) => {
      event.preventDefault();
      actions.openArticle(article.articleId, sentence);
    },
  }, article.title);
}

function articleLine(article: ArticleBrief, actions: Actions, sentence?: string) {
  return h('span', { class: 'article-line' },
    articleLink(article, actions, sentence),
    h('span', { class: 'muted' }, ` · ${formatDate(article.publishedAt)}${article.source ? ` · ${article.source}` : ''}`),
    article.url ? h('a', { class: 'external', href: article.url, target: '_blank', rel: 'noopener noreferrer', title: 'Open the original' }, '↗') : null);
}

function evidenceItem(evidence: Evidence, names: string[], actions: Actions) {
  return h('li', { class: 'evidence' },
    h('blockquote', null, highlighted(evidence.sentence, names)),
    evidence.article ? articleLine(evidence.article, actions, evidence.sentence) : null);
}

export function timelineChart(buckets: TimeBucket[] | null | undefined) {
  if (!buckets || buckets.length === 0) return h('p', { class: 'muted' }, 'No dated articles.');
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const width = 320;
  const height = 64;
  const step = Math.min(width / buckets.length, 36);
  const bars = buckets.map((b, i) => {
    const barHeight = b.count === 0 ? 0 : Math.max(2, (b.count / max) * (height - 14));
    return svg('rect', { x: i * step + step * 0.12, y: height - 12 - barHeight, width: Math.max(1, step * 0.76), height: barHeight, rx: 1.5, class: 'bar' },
      svg('title', {}, `${b.bucket.slice(0, 7)}: ${b.count} article${b.count === 1 ? '' : 's'}`));
  });
  const first = buckets[0].bucket.slice(0, 7);
  const last = buckets[buckets.length - 1].bucket.slice(0, 7);
  return h('figure', { class: 'timeline' },
    svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `Articles per month, ${first} to ${last}` },
      ...bars,
      svg('line', { x1: 0, x2: width, y1: height - 11.5, y2: height - 11.5, class: 'axis' }),
      svg('text', { x: 0, y: height - 1, class: 'tick' }, first),
      svg('text', { x: width, y: height - 1, class: 'tick', 'text-anchor': 'end' }, last)),
    h('figcaption', { class: 'muted' }, `Articles per month · peak ${max}`));
}

export function entityView(entity: EntityDetail, actions: Actions, live: ArticleBrief[]) {
  const roles = entity.roles ?? [];
  const events = entity.events?.edges.map((e) => e.node) ?? [];
  const articles = entity.articles?.edges.map((e) => e.node) ?? [];
  const newOnes = live.filter((a) => !articles.some((b) => b.articleId === a.articleId));
  return h('div', { class: 'view', 'data-view': 'entity', 'data-key': entity.key },
    h('header', { class: 'view-head' }, h('h2', null, entity.name), kindBadge(entity.kind)),
    entity.aliases?.length ? h('p', { class: 'muted aliases' }, `Also: ${entity.aliases.slice(0, 6).join(', ')}`) : null,
    facts([
      ['Articles', entity.articleCount],
      ['Mentions', entity.mentionCount],
      ['First seen', entity.firstSeen ? formatDate(entity.firstSeen) : null],
      ['Last seen', entity.lastSeen ? formatDate(entity.lastSeen) : null],
      ['Code', entity.code],
      ['Wikidata', entity.wikidataId],
    ]),
    roles.length
      ? section('Roles', h('ul', { class: 'plain' }, roles.map((r) =>
          h('li', null, h('strong', null, r.title), r.country || r.organization ? ` · ${r.country?.name ?? r.organization?.name}` : '', r.asOf ? h('span', { class: 'muted' }, ` (as of ${formatDate(r.asOf)})`) : null))))
      : null,
    section('Timeline', timelineChart(entity.timeline)),
    section('Top co-mentions', entity.coMentions?.length
      ? h('ul', { class: 'plain co-mentions' }, entity.coMentions.map((c) =>
          h('li', null, entityLink(c.entity, actions),
            h('button', { class: 'link count', type: 'button', title: `What links ${entity.name} and ${c.entity.name}`, onclick: () => actions.openEdge(entity.key, c.entity.key) },
              `${c.articleCount} shared`))))
      : h('p', { class: 'muted' }, 'None in this range.')),
    section(`Events${entity.events ? ` (${entity.events.totalCount})` : ''}`, events.length
      ? h('ul', { class: 'plain' }, events.map((e) =>
          h('li', null, h('span', { class: 'tag' }, e.type), ` ${e.title}`, h('span', { class: 'muted' }, ` · ${e.date ? formatDate(e.date) : 'undated'}${e.location ? ` · ${e.location.name}` : ''}`))))
      : h('p', { class: 'muted' }, 'None in this range.')),
    section(`Articles${entity.articles ? ` (${entity.articles.totalCount})` : ''}`,
      h('ul', { class: 'plain articles' },
        newOnes.map((a) => h('li', { class: 'new' }, h('span', { class: 'tag live-tag' }, 'new'), ' ', articleLine(a, actions))),
        articles.map((a) => h('li', null, articleLine(a, actions)))),
      articles.length + newOnes.length === 0 ? h('p', { class: 'muted' }, 'None in this range.') : null));
}

export function relationshipView(rel: NonNullable<RelationshipResult['relationship']>, actions: Actions) {
  const names = [rel.a.name, ...(rel.a.aliases ?? []), rel.b.name, ...(rel.b.aliases ?? [])];
  const evidence: Evidence[] = [];
  const seen = new Set<string>();
  const add = (e: Evidence) => {
    if (seen.has(e.sentence)) return;
    seen.add(e.sentence);
    evidence.push(e);
  };
  for (const event of rel.sharedEvents ?? []) for (const e of event.evidence ?? []) add(e);
  // Sentences of a shared article that name both, as the article's mentions tell.
  for (const { node } of rel.sharedArticles?.edges ?? []) {
    const of = (key: string) => new Set(node.mentions?.find((m) => m.entity?.key === key)?.evidence ?? []);
    const a = of(rel.a.key);
    for (const sentence of of(rel.b.key)) if (a.has(sentence)) add({ sentence, article: node });
  }
  return h('div', { class: 'view', 'data-view': 'relationship' },
    h('header', { class: 'view-head pair' }, entityLink(rel.a, actions), h('span', { class: 'muted' }, '—'), entityLink(rel.b, actions)),
    facts([
      ['Shared articles', rel.articleCount],
      ['First together', rel.firstSeen ? formatDate(rel.firstSeen) : null],
      ['Last together', rel.lastSeen ? formatDate(rel.lastSeen) : null],
      ['Specificity (PMI)', rel.score === null ? null : rel.score.toFixed(2)],
    ]),
    section('Evidence', evidence.length
      ? h('ul', { class: 'plain evidence-list' }, evidence.slice(0, 8).map((e) => evidenceItem(e, names, actions)))
      : h('p', { class: 'muted' }, 'No sentence names both.')),
    rel.sharedEvents?.length
      ? section('Shared events', h('ul', { class: 'plain' }, rel.sharedEvents.map((e) =>
          h('li', null, h('span', { class: 'tag' }, e.type), ` ${e.title}`, h('span', { class: 'muted' }, ` · ${e.date ? formatDate(e.date) : 'undated'}`)))))
      : null,
    rel.quotes?.length
      ? section('Quotes', h('ul', { class: 'plain' }, rel.quotes.map((q) =>
          h('li', { class: 'evidence' }, h('blockquote', { class: 'quote' }, `“${q.text}”`),
            h('span', { class: 'muted' }, `— ${q.speaker?.name ?? 'unattributed'}`), q.article ? [' · ', articleLine(q.article, actions, q.text)] : null))))
      : null,
    section('Together over time', timelineChart(rel.timeline)),
    section(`Shared articles (${rel.sharedArticles?.totalCount ?? 0})`, h('ul', { class: 'plain articles' },
      (rel.sharedArticles?.edges ?? []).map(({ node }) => h('li', null, articleLine(node, actions))))));
}

export function articleView(article: NonNullable<ArticleResult['article']>, actions: Actions, sentence?: string) {
  const paragraphs = article.text.split(/\n\s*\n|\n/).filter((p) => p.trim());
  const marked = (paragraph: string) => {
    const at = sentence ? paragraph.indexOf(sentence) : -1;
    if (!sentence || at < 0) return [paragraph];
    return [paragraph.slice(0, at), h('mark', { class: 'sentence' }, sentence), paragraph.slice(at + sentence.length)];
  };
  const mentions = (article.mentions ?? []).filter((m) => m.entity).slice(0, 24);
  return h('div', { class: 'view', 'data-view': 'article' },
    h('header', { class: 'view-head' }, h('h2', null, article.title)),
    h('p', { class: 'muted' }, formatDate(article.publishedAt), article.source ? ` · ${article.source}` : '',
      article.url ? [' · ', h('a', { href: article.url, target: '_blank', rel: 'noopener noreferrer' }, 'original ↗')] : null),
    mentions.length ? h('div', { class: 'chips' }, mentions.map((m) => entityLink(m.entity!, actions))) : null,
    h('div', { class: 'article-text' }, paragraphs.map((p) => h('p', null, marked(p)))));
}

export function pathsView(result: NonNullable<PathsResult['paths']>, selected: number, actions: Actions) {
  if (result.length === 0) return h('p', { class: 'empty' }, 'No connection within 4 hops (in this date range).');
  return h('div', { class: 'paths' },
    result.length > 1
      ? h('div', { class: 'path-tabs' }, result.map((p, i) =>
          h('button', { type: 'button', class: i === selected ? 'active' : '', onclick: () => actions.showPath(i) }, `Path ${i + 1} · ${p.length} hop${p.length === 1 ? '' : 's'}`)))
      : null,
    h('ol', { class: 'hops' }, result[selected].hops.map((hop) => {
      const names = [hop.from.name, hop.to.name];
      const via = hop.via;
      return h('li', { class: 'hop' },
        h('div', { class: 'hop-head' }, h('strong', null, hop.from.name), h('span', { class: 'arrow' }, ' → '), h('strong', null, hop.to.name)),
        via
          ? h('div', { class: 'via muted' }, 'via ', via.__typename === 'Event'
              ? [h('span', { class: 'tag' }, via.type), ` ${via.title}`]
              : articleLink(via, actions))
          : null,
        h('ul', { class: 'plain evidence-list' }, (hop.evidence ?? []).slice(0, 3).map((e) => evidenceItem(e, names, actions))));
    })),
    result[selected].truncated ? h('p', { class: 'muted' }, 'The search was cut short: other paths of this length may exist.') : null);
}

/** A newly ingested article and the entities on screen that it mentions. */
export interface LiveItem {
  article: ArticleBrief;
  entities: EntityBrief[];
  at: Date;
}

export function liveView(items: LiveItem[], actions: Actions) {
  if (items.length === 0) return h('p', { class: 'empty' }, 'New articles mentioning the entities on screen appear here as they are ingested.');
  return h('ul', { class: 'plain live-feed' }, items.map((item) =>
    h('li', { class: 'live-item' },
      h('div', null, articleLine(item.article, actions)),
      h('div', { class: 'muted mentions' }, 'mentions ', item.entities.map((e) => entityLink(e, actions)), ` · ${item.at.toLocaleTimeString()}`))));
}
