/** The network drawing: cytoscape on a canvas, nodes sized by articles and coloured by kind, edges by shared articles. */
import cytoscape from 'cytoscape';
import type { EntityBrief, Kind, NetworkResult } from './queries.ts';

export const KIND_COLOURS: Record<Kind, string> = {
  PERSON: '#3b6fe0',
  COUNTRY: '#e08a1e',
  ORGANIZATION: '#14a37f',
  PLACE: '#c2418f',
};

export const KIND_LABELS: Record<Kind, string> = {
  PERSON: 'Person',
  COUNTRY: 'Country',
  ORGANIZATION: 'Organization',
  PLACE: 'Place',
};

/** Labels shown besides the selected, hovered, centre and path nodes (fewer where they would collide). */
const LABELS_SHOWN = 14;

export function edgeId(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

export interface GraphEvents {
  onNode(key: string): void;
  onEdge(a: string, b: string): void;
  onBackground(): void;
}

export type Network = NonNullable<NetworkResult['network']>;

export class GraphView {
  readonly cy: cytoscape.Core;

  constructor(container: HTMLElement, events: GraphEvents) {
    this.cy = cytoscape({
      container,
      minZoom: 0.2,
      maxZoom: 2.5,
      wheelSensitivity: 0.3,
      boxSelectionEnabled: false,
      style: [
        {
          selector: 'node',
          style: {
            'background-color': (n: cytoscape.NodeSingular) => KIND_COLOURS[n.data('kind') as Kind] ?? '#888',
            width: (n: cytoscape.NodeSingular) => this.size(n.data('weight')),
            height: (n: cytoscape.NodeSingular) => this.size(n.data('weight')),
            // Labels by importance (see updateLabels): the busiest nodes, the selected, the hovered.
            label: '',
            'font-family': 'Inter, "Segoe UI", system-ui, sans-serif',
            'font-size': 11,
            color: '#1f2633',
            'text-valign': 'bottom',
            'text-margin-y': 4,
            'text-outline-color': '#ffffff',
            'text-outline-width': 2,
            'border-width': 2,
            'border-color': '#ffffff',
          },
        },
        { selector: 'node.labelled', style: { label: 'data(label)' } },
        { selector: 'node.hovered', style: { 'z-index': 30 } },
        { selector: 'node.center', style: { 'border-width': 4, 'border-color': '#1f2633', 'font-weight': 'bold', 'font-size': 13 } },
        { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#f2c94c' } },
        {
          selector: 'edge',
          style: {
            width: (e: cytoscape.EdgeSingular) => Math.min(1 + Math.log2(e.data('weight') || 1) * 1.6, 10),
            'line-color': '#b9c2d0',
            'curve-style': 'straight',
            opacity: 0.85,
          },
        },
        { selector: 'edge:selected', style: { 'line-color': '#f2a81d', opacity: 1, 'z-index': 10 } },
        { selector: '.faded', style: { opacity: 0.15 } },
        { selector: 'node.path', style: { 'border-color': '#d9480f', 'border-width': 5, opacity: 1 } },
        { selector: 'edge.path', style: { 'line-color': '#d9480f', width: 5, opacity: 1, 'z-index': 20 } },
        { selector: 'node.live', style: { 'border-color': '#2fb344', 'border-width': 6 } },
      ],
    });
    this.cy.on('tap', 'node', (event) => events.onNode(event.target.id()));
    this.cy.on('tap', 'edge', (event) => events.onEdge(event.target.data('source'), event.target.data('target')));
    this.cy.on('tap', (event) => {
      if (event.target === this.cy) events.onBackground();
    });
    this.cy.on('mouseover', 'node', (event) => {
      this.hovered = event.target.id();
      this.scheduleLabels();
    });
    this.cy.on('mouseout', 'node', () => {
      this.hovered = null;
      this.scheduleLabels();
    });
    this.cy.on('select unselect add remove dragfree', () => this.scheduleLabels());
  }

  private hovered: string | null = null;
  private labelsPending = false;

  /** Labels again on the next frame: one pass for a burst of changes. */
  private scheduleLabels(): void {
    if (this.labelsPending) return;
    this.labelsPending = true;
    requestAnimationFrame(() => {
      this.labelsPending = false;
      this.updateLabels();
    });
  }

  /**
   * Shows labels by importance, none over another: the selected and hovered nodes (and the two ends
   * of a selected link) always, then the centre and a path's nodes, then the LABELS_SHOWN busiest
   * nodes (articles plus shared articles with their neighbours), each only where its label would not
   * cover one already placed. Label boxes are in the drawing's coordinates, so what does not collide
   * here does not at any zoom.
   */
  updateLabels(): void {
    const nodes = this.cy.nodes();
    const importance = (n: cytoscape.NodeSingular) =>
      (Number(n.data('weight')) || 0) + n.connectedEdges().reduce((sum, e) => sum + (Number(e.data('weight')) || 0), 0);
    const forced = (n: cytoscape.NodeSingular) => n.selected() || n.id() === this.hovered || n.connectedEdges(':selected').nonempty();
    const rank = (n: cytoscape.NodeSingular) => (forced(n) ? 0 : n.hasClass('center') ? 1 : n.hasClass('path') ? 2 : 3);
    const candidates = nodes
      .toArray()
      .sort((a, b) => rank(a) - rank(b) || importance(b) - importance(a) || a.id().localeCompare(b.id()))
      .filter((n, i) => rank(n) < 3 || i < LABELS_SHOWN);
    this.cy.batch(() => {
      nodes.removeClass('labelled hovered');
      for (const n of candidates) n.addClass('labelled');
      if (this.hovered) this.cy.getElementById(this.hovered).addClass('hovered');
    });
    const placed: cytoscape.BoundingBox12[] = [];
    const overlaps = (a: cytoscape.BoundingBox12, b: cytoscape.BoundingBox12) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
    const hidden: cytoscape.NodeSingular[] = [];
    for (const n of candidates) {
      const box = n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false } as cytoscape.BoundingBoxOptions);
      if (!forced(n) && placed.some((p) => overlaps(p, box))) hidden.push(n);
      else placed.push(box);
    }
    this.cy.batch(() => {
      for (const n of hidden) n.removeClass('labelled');
    });
  }

  private maxWeight(): number {
    return Math.max(1, ...this.cy.nodes().map((n) => Number(n.data('weight')) || 1));
  }

  private size(weight: number): number {
    return 22 + 46 * Math.sqrt((weight || 1) / this.maxWeight());
  }

  clear(): void {
    this.cy.elements().remove();
  }

  keys(): string[] {
    return this.cy.nodes().map((n) => n.id());
  }

  has(key: string): boolean {
    return this.cy.getElementById(key).nonempty();
  }

  addEntity(entity: EntityBrief, weight: number, near?: string): void {
    const existing = this.cy.getElementById(entity.key);
    if (existing.nonempty()) {
      existing.data('weight', Math.max(weight, Number(existing.data('weight')) || 0));
      return;
    }
    const anchor = near ? this.cy.getElementById(near) : null;
    const position = anchor?.nonempty()
      ? { x: anchor.position('x') + (Math.random() - 0.5) * 120, y: anchor.position('y') + (Math.random() - 0.5) * 120 }
      : undefined;
    this.cy.add({ group: 'nodes', data: { id: entity.key, label: entity.name, kind: entity.kind, weight }, position });
  }

  addEdge(a: string, b: string, weight: number): void {
    const id = edgeId(a, b);
    const existing = this.cy.getElementById(id);
    if (existing.nonempty()) existing.data('weight', weight);
    else this.cy.add({ group: 'edges', data: { id, source: a, target: b, weight } });
  }

  /** Adds a network's nodes and edges, new nodes starting near `near`; lays out again. */
  merge(network: Network, near?: string): void {
    this.cy.batch(() => {
      for (const node of network.nodes) this.addEntity(node.entity, node.weight, near);
      for (const edge of network.edges) this.addEdge(edge.source.key, edge.target.key, edge.weight);
    });
    this.layout(Boolean(near));
  }

  /** Fits the elements, without blowing a small drawing (two nodes of a path) up to the whole stage. */
  private fitTo(elements: cytoscape.CollectionArgument, padding: number): void {
    this.cy.fit(elements, padding);
    if (this.cy.nodes().length < 6 && this.cy.zoom() > 1.2) {
      this.cy.zoom(1.2);
      this.cy.center(elements);
    }
  }

  layout(incremental: boolean): void {
    const layout = this.cy.layout({
        name: 'cose',
        animate: false,
        randomize: !incremental,
        fit: false,
        padding: 40,
        nodeRepulsion: () => 90000,
        idealEdgeLength: () => 110,
        nodeOverlap: 20,
        gravity: 0.6,
        numIter: 1500,
      } as cytoscape.LayoutOptions);
    layout.one('layoutstop', () => {
      this.fitTo(this.cy.elements(), 40);
      this.updateLabels();
    });
    layout.run();
  }

  markCenter(key: string): void {
    this.cy.nodes().removeClass('center');
    this.cy.getElementById(key).addClass('center');
    this.scheduleLabels();
  }

  select(id: string | null): void {
    this.cy.elements().unselect();
    if (id) this.cy.getElementById(id).select();
  }

  /** Highlights a path (entity keys in order), fading the rest. */
  showPath(keys: string[]): void {
    this.clearPath();
    const path = this.cy.collection();
    keys.forEach((key, i) => {
      path.merge(this.cy.getElementById(key));
      if (i > 0) path.merge(this.cy.getElementById(edgeId(keys[i - 1], key)));
    });
    this.cy.elements().addClass('faded');
    path.removeClass('faded').addClass('path');
    this.fitTo(path, 80);
    this.scheduleLabels();
  }

  clearPath(): void {
    this.cy.elements().removeClass('faded path');
    this.scheduleLabels();
  }

  /** A node glows for a few seconds: something new mentions it. */
  flash(key: string): void {
    const node = this.cy.getElementById(key);
    if (node.empty()) return;
    node.addClass('live');
    setTimeout(() => node.removeClass('live'), 4000);
  }

  fit(): void {
    this.fitTo(this.cy.elements(), 40);
  }
}
