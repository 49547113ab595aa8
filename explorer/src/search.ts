/** A search box with suggestions from the `search` query: arrows to move, Enter to pick, Escape to close. */
import { gql } from './api.ts';
import { h, replaceChildren } from './dom.ts';
import { KIND_COLOURS, KIND_LABELS } from './graph.ts';
import { SEARCH, type EntityBrief, type SearchResult } from './queries.ts';

export class EntitySearch {
  readonly input: HTMLInputElement;
  private readonly list: HTMLUListElement;
  private results: EntityBrief[] = [];
  private active = -1;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: AbortController | null = null;
  /** The entity last picked; typing again clears it. */
  picked: EntityBrief | null = null;

  constructor(root: HTMLElement, private readonly onPick: (entity: EntityBrief) => void) {
    this.input = root.querySelector('input')!;
    this.list = h('ul', { class: 'suggestions', role: 'listbox', id: `${this.input.id}-list`, hidden: true });
    root.append(this.list);
    this.input.setAttribute('role', 'combobox');
    this.input.setAttribute('aria-autocomplete', 'list');
    this.input.setAttribute('aria-controls', this.list.id);
    this.input.setAttribute('autocomplete', 'off');
    this.input.addEventListener('input', () => {
      this.picked = null;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.suggest(), 150);
    });
    this.input.addEventListener('keydown', (event) => this.key(event));
    this.input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
  }

  set(entity: EntityBrief | null): void {
    this.picked = entity;
    this.input.value = entity?.name ?? '';
  }

  private async suggest(): Promise<void> {
    const query = this.input.value.trim();
    this.pending?.abort();
    if (query.length < 2) return this.close();
    const controller = new AbortController();
    this.pending = controller;
    try {
      const data = await gql<SearchResult>(SEARCH, { query }, controller.signal);
      if (controller.signal.aborted) return;
      this.results = data.search ?? [];
      this.active = this.results.length > 0 ? 0 : -1;
      this.render(query);
    } catch (error) {
      if ((error as Error).name !== 'AbortError') console.warn('newsgraph: search failed', error);
    }
  }

  private render(query: string): void {
    this.input.setAttribute('aria-expanded', 'true');
    this.list.hidden = false;
    if (this.results.length === 0) {
      replaceChildren(this.list, h('li', { class: 'none' }, `No entity matches “${query}”`));
      return;
    }
    replaceChildren(this.list, this.results.map((entity, i) =>
      h('li', {
        role: 'option',
        class: i === this.active ? 'active' : '',
        'aria-selected': i === this.active ? 'true' : 'false',
        'data-key': entity.key,
        onmousedown: (event: MouseEvent) => {
          event.preventDefault();
          this.pick(i);
        },
      },
      h('span', { class: 'dot', style: `background: ${KIND_COLOURS[entity.kind]}` }),
      h('span', { class: 'name' }, entity.name),
      h('span', { class: 'muted' }, `${KIND_LABELS[entity.kind]} · ${entity.articleCount ?? 0} article${entity.articleCount === 1 ? '' : 's'}`))));
  }

  private key(event: KeyboardEvent): void {
    if (this.list.hidden) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (this.results.length === 0) return;
      this.active = (this.active + (event.key === 'ArrowDown' ? 1 : -1) + this.results.length) % this.results.length;
      this.render(this.input.value);
    } else if (event.key === 'Enter' && this.active >= 0) {
      event.preventDefault();
      this.pick(this.active);
    } else if (event.key === 'Escape') {
      this.close();
    }
  }

  private pick(index: number): void {
    const entity = this.results[index];
    if (!entity) return;
    this.set(entity);
    this.close();
    this.onPick(entity);
  }

  private close(): void {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
  }
}
