/** The explorer: search, network, details, paths and live updates, all through the public GraphQL endpoint. */
import { gql, subscribe } from './api.ts';
import { $, h, replaceChildren } from './dom.ts';
import { showEmerging } from './emerging.ts';
import { edgeId, GraphView, KIND_COLOURS, KIND_LABELS } from './graph.ts';
import { articleView, entityView, liveView, pathsView, relationshipView, type Actions, type LiveItem } from './panel.ts';
import {
  ARTICLE, ENTITY, ENTITY_MENTIONED, NETWORK, PATHS, RELATIONSHIP,
  type ArticleBrief, type ArticleResult, type EntityBrief, type EntityMentionedEvent, type EntityResult, type Kind,
  type NetworkResult, type PathsResult, type RelationshipResult,
} from './queries.ts';
import { EntitySearch } from './search.ts';

const CENTER_LIMIT = 50;
const EXPAND_LIMIT = 25;
/** `network` takes at most 10 entities to be around. */
const MAX_AROUND = 10;
const MAX_LIVE_KEYS = 200;

const state = {
  center: null as string | null,
  /** Entities whose neighbourhood is drawn, the centre first. */
  expanded: [] as string[],
  paths: [] as NonNullable<PathsResult['paths']>,
  /** The two ends the paths were asked between. */
  pathEnds: null as null | { from: string; to: string },
  pathIndex: 0,
  live: [] as LiveItem[],
  liveSeen: new Set<string>(),
  /** What the details tab shows, to refresh it when the range changes or news arrives. */
  showing: null as null | { kind: 'entity'; key: string } | { kind: 'edge'; a: string; b: string } | { kind: 'article'; id: string; sentence?: string },
};

const graph = new GraphView($('#graph'), {
  onNode: (key) => void focusEntity(key),
  onEdge: (a, b) => void showEdge(a, b),
  onBackground: () => graph.select(null),
});
// For automation and the browser tests: the drawing's elements and their positions.
(window as unknown as { explorer: unknown }).explorer = { cy: graph.cy };

const actions: Actions = {
  openEntity: (key) => void focusEntity(key),
  openEdge: (a, b) => void showEdge(a, b),
  openArticle: (id, sentence) => void showArticle(id, sentence),
  showPath: (index) => drawPath(index),
};

// ------------------------------------------------------------------ helpers

function range(): { since: string | null; until: string | null } {
  const since = ($('#since') as HTMLInputElement).value;
  const until = ($('#until') as HTMLInputElement).value;
  return { since: since || null, until: until ? `${until}T23:59:59.999Z` : null };
}

let loadingCount = 0;
async function loading<T>(work: Promise<T>): Promise<T> {
  loadingCount += 1;
  $('#loading').hidden = false;
  try {
    return await work;
  } finally {
    loadingCount -= 1;
    $('#loading').hidden = loadingCount > 0 ? false : true;
  }
}

function selectTab(name: 'details' | 'connect' | 'live' | 'emerging'): void {
  for (const tab of document.querySelectorAll<HTMLButtonElement>('.tabs [data-tab]')) {
    tab.setAttribute('aria-selected', String(tab.dataset.tab === name));
    $(`#tab-${tab.dataset.tab}`).hidden = tab.dataset.tab !== name;
  }
  if (name === 'emerging') void showEmerging($('#tab-emerging'), (a, b) => void showEdge(a, b));
  if (name === 'live') {
    $('#live-count').hidden = true;
    $('#live-count').textContent = '';
  }
}

/** Only the latest request of each kind may draw: an older answer arriving late is dropped. */
const latest = new Map<string, number>();
function ticket(kind: string): () => boolean {
  const n = (latest.get(kind) ?? 0) + 1;
  latest.set(kind, n);
  return () => latest.get(kind) === n;
}

function showError(where: HTMLElement, error: unknown): void {
  replaceChildren(where, h('p', { class: 'form-error' }, (error as Error).message));
}

function updateGraphInfo(truncated = false): void {
  const nodes = graph.cy.nodes().length;
  const edges = graph.cy.edges().length;
  $('#graph-info').textContent = `${nodes} entities · ${edges} links${truncated ? ' · more not shown' : ''}`;
  $('#empty').hidden = nodes > 0;
  $('#toolbar').hidden = nodes === 0;
  scheduleLiveSync();
}

// ------------------------------------------------------------------ the network

async function network(around: string[], limit: number): Promise<NonNullable<NetworkResult['network']>> {
  const data = await gql<NetworkResult>(NETWORK, { around: around.map((key) => ({ key })), limit, ...range() });
  return data.network ?? { truncated: false, nodes: [], edges: [] };
}

/** A fresh drawing around one entity (what picking a search result does). */
async function centerOn(key: string): Promise<void> {
  const current = ticket('network');
  const net = await loading(network([key], CENTER_LIMIT));
  if (!current()) return;
  state.center = key;
  state.expanded = [key];
  graph.clear();
  graph.merge(net);
  graph.markCenter(key);
  graph.select(key);
  history.replaceState(null, '', `#entity=${encodeURIComponent(key)}`);
  updateGraphInfo(net.truncated);
}

/** Adds an entity's neighbours to the drawing, once. */
async function expand(key: string): Promise<void> {
  if (state.expanded.includes(key)) return;
  state.expanded.push(key);
  const net = await loading(network([key], EXPAND_LIMIT));
  graph.merge(net, graph.has(key) ? key : undefined);
  graph.select(key);
  updateGraphInfo(net.truncated);
}

/** The same entities again, counted inside the new date range. */
async function redraw(): Promise<void> {
  if (state.expanded.length === 0) return;
  const current = ticket('network');
  const net = await loading(network(state.expanded.slice(0, MAX_AROUND), CENTER_LIMIT));
  if (!current()) return;
  graph.clear();
  graph.merge(net);
  if (state.center) graph.markCenter(state.center);
  updateGraphInfo(net.truncated);
}

async function focusEntity(key: string): Promise<void> {
  selectTab('details');
  graph.select(key);
  await Promise.all([showEntity(key), expand(key).catch((error) => console.warn('newsgraph: expand failed', error))]);
}

// ------------------------------------------------------------------ details

async function showEntity(key: string): Promise<void> {
  state.showing = { kind: 'entity', key };
  const current = ticket('details');
  const target = $('#tab-details');
  try {
    const data = await gql<EntityResult>(ENTITY, { key, ...range() });
    if (!current()) return;
    if (!data.entity) return showError(target, new Error(`No entity ${key}`));
    const live = state.live.filter((item) => item.entities.some((e) => e.key === key)).map((item) => item.article);
    replaceChildren(target, entityView(data.entity, actions, live));
  } catch (error) {
    if (current()) showError(target, error);
  }
}

async function showEdge(a: string, b: string): Promise<void> {
  selectTab('details');
  state.showing = { kind: 'edge', a, b };
  graph.select(edgeId(a, b));
  const current = ticket('details');
  const target = $('#tab-details');
  try {
    const data = await loading(gql<RelationshipResult>(RELATIONSHIP, { a, b }));
    if (!current()) return;
    if (!data.relationship) return showError(target, new Error('No relationship found'));
    replaceChildren(target, relationshipView(data.relationship, actions));
  } catch (error) {
    if (current()) showError(target, error);
  }
}

async function showArticle(id: string, sentence?: string): Promise<void> {
  selectTab('details');
  state.showing = { kind: 'article', id, sentence };
  const current = ticket('details');
  const target = $('#tab-details');
  try {
    const data = await loading(gql<ArticleResult>(ARTICLE, { id }));
    if (!current()) return;
    if (!data.article) return showError(target, new Error('That article is no longer in the graph'));
    replaceChildren(target, articleView(data.article, actions, sentence));
    target.querySelector('mark.sentence')?.scrollIntoView({ block: 'center' });
  } catch (error) {
    if (current()) showError(target, error);
  }
}

function refreshDetails(): void {
  const showing = state.showing;
  if (showing?.kind === 'entity') void showEntity(showing.key);
  else if (showing?.kind === 'edge') void showEdge(showing.a, showing.b);
}

// ------------------------------------------------------------------ paths

const fromSearch = new EntitySearch($('#from-search'), () => undefined);
const toSearch = new EntitySearch($('#to-search'), () => undefined);

async function findPaths(event: Event): Promise<void> {
  event.preventDefault();
  const error = $('#connect-error');
  error.textContent = '';
  const from = fromSearch.picked;
  const to = toSearch.picked;
  if (!from || !to) {
    error.textContent = 'Pick both entities from the suggestions.';
    return;
  }
  if (from.key === to.key) {
    error.textContent = 'Pick two different entities.';
    return;
  }
  const target = $('#paths');
  replaceChildren(target, h('p', { class: 'muted' }, 'Searching…'));
  try {
    const data = await loading(gql<PathsResult>(PATHS, { from: from.key, to: to.key, ...range() }));
    state.paths = data.paths ?? [];
    state.pathEnds = { from: from.key, to: to.key };
    if (state.paths.length > 0) {
      graph.cy.batch(() => {
        for (const path of state.paths) {
          for (const entity of path.entities) graph.addEntity(entity, entity.articleCount ?? 1);
          path.entities.forEach((entity, i) => {
            if (i > 0 && !graph.cy.getElementById(edgeId(path.entities[i - 1].key, entity.key)).nonempty()) {
              graph.addEdge(path.entities[i - 1].key, entity.key, 1);
            }
          });
        }
      });
      graph.layout(graph.cy.nodes().length > state.paths[0].entities.length);
      updateGraphInfo();
    }
    drawPath(0);
  } catch (failure) {
    showError(target, failure);
  }
}

function drawPath(index: number): void {
  state.pathIndex = index;
  replaceChildren($('#paths'), pathsView(state.paths, index, actions));
  const path = state.paths[index];
  if (path) {
    graph.showPath(path.entities.map((e) => e.key));
    $('#clear-path').hidden = false;
  }
}

// ------------------------------------------------------------------ downloads

const FORMATS: [label: string, extension: string, part?: string][] = [
  ['GraphML', 'graphml'],
  ['GEXF (Gephi)', 'gexf'],
  ['CSV nodes', 'csv', 'nodes'],
  ['CSV edges', 'csv', 'edges'],
];

/** Links to /export for what is on screen: the network drawn, the paths found, the link shown. */
function downloadMenu(): void {
  const { since, until } = range();
  const windowed = (params: URLSearchParams) => {
    if (since) params.set('since', since);
    if (until) params.set('until', until);
    return params;
  };
  const groups: [title: string, view: string, params: URLSearchParams][] = [];
  if (state.expanded.length > 0) {
    const params = new URLSearchParams(state.expanded.slice(0, MAX_AROUND).map((key) => ['around', key]));
    params.set('limit', String(CENTER_LIMIT));
    groups.push(['This network', 'network', windowed(params)]);
  }
  if (state.pathEnds && state.paths.length > 0) groups.push(['These paths', 'paths', windowed(new URLSearchParams({ from: state.pathEnds.from, to: state.pathEnds.to }))]);
  if (state.showing?.kind === 'edge') groups.push(['This link\'s evidence', 'relationship', new URLSearchParams({ a: state.showing.a, b: state.showing.b })]);
  replaceChildren($('#download-menu'),
    groups.map(([title, view, params]) =>
      h('div', { class: 'download-group', 'data-view': view },
        h('span', { class: 'download-title' }, title),
        FORMATS.map(([label, extension, part]) => {
          const query = new URLSearchParams(params);
          if (part) query.set('part', part);
          return h('a', { href: `/export/${view}.${extension}?${query}`, download: '', role: 'menuitem', 'data-format': part ? `${extension}-${part}` : extension }, label);
        }))),
    groups.length === 0 ? h('p', { class: 'muted' }, 'Draw a network first.') : null);
}

// ------------------------------------------------------------------ live updates

let liveKeys = '';
let closeLive: (() => void) | null = null;
let liveTimer: ReturnType<typeof setTimeout> | undefined;
let retryTimer: ReturnType<typeof setTimeout> | undefined;

function setLiveState(state: 'off' | 'connecting' | 'live' | 'offline', keys = 0): void {
  const status = $('#live-status');
  status.dataset.state = state;
  status.dataset.keys = String(keys);
  status.querySelector('.text')!.textContent =
    state === 'live' ? `Live · ${keys} entit${keys === 1 ? 'y' : 'ies'}` : state === 'connecting' ? 'Connecting…' : state === 'offline' ? 'Live offline, retrying' : 'Live off';
}

function scheduleLiveSync(): void {
  clearTimeout(liveTimer);
  liveTimer = setTimeout(syncLive, 250);
}

/**
 * Subscribes to the entities on screen. A new stream opens before the old one closes, so nothing
 * published in between is missed; the overlap's duplicates are dropped by liveSeen.
 */
function syncLive(force = false): void {
  const keys = graph.keys().sort().slice(0, MAX_LIVE_KEYS);
  const signature = keys.join(',');
  if (!force && signature === liveKeys) return;
  liveKeys = signature;
  clearTimeout(retryTimer);
  if (keys.length === 0) {
    closeLive?.();
    closeLive = null;
    setLiveState('off');
    return;
  }
  if (!closeLive) setLiveState('connecting');
  const previous = closeLive;
  const close = subscribe<EntityMentionedEvent>(ENTITY_MENTIONED, { refs: keys.map((key) => ({ key })) }, {
    onOpen: () => {
      previous?.();
      setLiveState('live', keys.length);
    },
    onData: (data) => received(data.entityMentioned.entity, data.entityMentioned.article),
    onEnd: (error) => {
      if (closeLive !== close) return;
      closeLive = null;
      if (error) console.warn('newsgraph: live updates stopped', error);
      setLiveState('offline');
      retryTimer = setTimeout(() => syncLive(true), 3000);
    },
  });
  closeLive = close;
}

function received(entity: EntityBrief, article: ArticleBrief): void {
  const id = `${article.articleId}|${entity.key}`;
  if (state.liveSeen.has(id)) return;
  state.liveSeen.add(id);
  const item = state.live.find((i) => i.article.articleId === article.articleId);
  if (item) item.entities.push(entity);
  else state.live.unshift({ article, entities: [entity], at: new Date() });
  state.live.length = Math.min(state.live.length, 100);
  replaceChildren($('#live-feed'), liveView(state.live, actions));
  if ($('#tab-live').hidden) {
    const count = $('#live-count');
    count.textContent = String(Number(count.textContent || 0) + 1);
    count.hidden = false;
  }
  graph.flash(entity.key);
  toast(state.live.find((i) => i.article.articleId === article.articleId)!);
  if (state.showing?.kind === 'entity' && state.showing.key === entity.key) void showEntity(entity.key);
}

let toastTimer: ReturnType<typeof setTimeout> | undefined;
function toast(item: LiveItem): void {
  const element = $('#toast');
  replaceChildren(element,
    h('span', { class: 'toast-label' }, 'New article'),
    h('button', { type: 'button', class: 'link', onclick: () => void showArticle(item.article.articleId) }, item.article.title),
    h('span', { class: 'muted' }, `mentions ${item.entities.map((e) => e.name).join(', ')}`));
  element.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    element.hidden = true;
  }, 8000);
}

// ------------------------------------------------------------------ wiring

function legend(): void {
  replaceChildren($('#legend'),
    (Object.keys(KIND_COLOURS) as Kind[]).map((kind) =>
      h('span', { class: 'legend-item' }, h('span', { class: 'dot', style: `background: ${KIND_COLOURS[kind]}` }), KIND_LABELS[kind])),
    h('span', { class: 'legend-note' }, 'size: articles · line: shared articles'));
}

async function pick(entity: EntityBrief): Promise<void> {
  selectTab('details');
  if (!fromSearch.picked) fromSearch.set(entity);
  $('#clear-path').hidden = true;
  await Promise.all([centerOn(entity.key).catch((error) => showError($('#tab-details'), error)), showEntity(entity.key)]);
}

const search = new EntitySearch($('#search'), (entity) => void pick(entity));

for (const tab of document.querySelectorAll<HTMLButtonElement>('.tabs [data-tab]')) {
  tab.addEventListener('click', () => selectTab(tab.dataset.tab as 'details' | 'connect' | 'live' | 'emerging'));
}
for (const example of document.querySelectorAll<HTMLButtonElement>('[data-example]')) {
  example.addEventListener('click', () => {
    search.input.value = example.dataset.example!;
    search.input.dispatchEvent(new Event('input'));
    search.input.focus();
  });
}
for (const id of ['#since', '#until']) {
  $(id).addEventListener('change', () => {
    void redraw();
    refreshDetails();
  });
}
$('#all-time').addEventListener('click', () => {
  ($('#since') as HTMLInputElement).value = '';
  ($('#until') as HTMLInputElement).value = '';
  void redraw();
  refreshDetails();
});
$('#fit').addEventListener('click', () => graph.fit());
$('#relayout').addEventListener('click', () => graph.layout(false));
$('#clear-path').addEventListener('click', () => {
  graph.clearPath();
  $('#clear-path').hidden = true;
});
$('#connect-form').addEventListener('submit', (event) => void findPaths(event));
$('#download').addEventListener('toggle', () => {
  if (($('#download') as HTMLDetailsElement).open) downloadMenu();
});
document.addEventListener('click', (event) => {
  const menu = $('#download') as HTMLDetailsElement;
  if (menu.open && !menu.contains(event.target as Node)) menu.open = false;
});

legend();
replaceChildren($('#live-feed'), liveView(state.live, actions));
const start = /^#entity=(.+)$/.exec(location.hash)?.[1];
if (start) {
  const key = decodeURIComponent(start);
  void Promise.all([centerOn(key).catch((error) => showError($('#tab-details'), error)), showEntity(key)]);
}
