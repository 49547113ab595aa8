/**
 * GET /export/<view>.<format>: the network, a paths answer or a relationship's evidence as a file
 * (GraphML, GEXF, CSV), with the GraphQL query's arguments as URL parameters
 * (`/export/network.graphml?around=Sergei%20Lavrov&limit=50`). Each export is a GraphQL request to
 * this server on the caller's behalf (its key, its address): the same names, errors, access checks,
 * rate and cost limits as the API, nothing bypassed.
 */
import crypto from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import { toCSV, toGEXF, toGraphML, type Column, type CsvPart, type ExportGraph, type GraphEdge, type GraphNode, type Value } from './graph-formats.ts';
import { requestState } from './request-state.ts';
import type { ServerSettings } from './settings.ts';

export const EXPORT_PATH = '/export';

export const EXPORT_FORMATS = ['graphml', 'gexf', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const CONTENT_TYPES: Record<ExportFormat, string> = {
  graphml: 'application/graphml+xml; charset=utf-8',
  gexf: 'application/gexf+xml; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

/** A key as the API spells them ("person:Q58217", "country:RU", "org:nato"); anything else is a name. */
const KEY = /^(person|country|org|place):\S+$/;

class ExportInputError extends Error {}

type Params = URLSearchParams;
type Variables = Record<string, unknown>;

function entityRef(value: string): { key: string } | { name: string } {
  return KEY.test(value) ? { key: value } : { name: value };
}

function one(params: Params, name: string, required = false): string | undefined {
  const values = params.getAll(name);
  if (values.length > 1) throw new ExportInputError(`give ${name} once`);
  if (required && (values.length === 0 || values[0].trim() === '')) throw new ExportInputError(`${name} is required`);
  return values[0];
}

function int(params: Params, name: string): number | undefined {
  const value = one(params, name);
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value.trim())) throw new ExportInputError(`${name} must be a whole number, got ${JSON.stringify(value)}`);
  return Number(value);
}

/** A list given as repeated parameters or comma-separated (kinds, via), or repeated only (names may hold commas). */
function list(params: Params, name: string, commas: boolean): string[] | undefined {
  const values = params.getAll(name).flatMap((v) => (commas ? v.split(',') : [v])).map((v) => v.trim()).filter(Boolean);
  return values.length ? values : undefined;
}

const kinds = (params: Params, name: string) => list(params, name, true)?.map((k) => k.toUpperCase());

interface EntityShape {
  key: string;
  name: string;
  kind: string;
  articleCount: number;
}

const ENTITY_FIELDS = 'key name kind articleCount';
const ENTITY_COLUMNS: Column[] = [
  { name: 'kind', type: 'string' },
  { name: 'articleCount', type: 'int' },
];

function entityNode(e: EntityShape, extra: Record<string, Value> = {}): GraphNode {
  return { id: e.key, label: e.name, values: { kind: e.kind, articleCount: e.articleCount, ...extra } };
}

interface View {
  /** The URL parameters it takes, for the message naming an unknown one. */
  params: string[];
  document: string;
  variables(params: Params): Variables;
  graph(data: any, variables: Variables): ExportGraph;
}

const VIEWS: Record<string, View> = {
  network: {
    params: ['around', 'depth', 'limit', 'kinds', 'since', 'until', 'minWeight'],
    document: `query ExportNetwork($around: [EntityRef!]!, $depth: Int, $limit: Int, $kinds: [EntityKind!], $since: DateTime, $until: DateTime, $minWeight: Int) {
  network(around: $around, depth: $depth, limit: $limit, kinds: $kinds, since: $since, until: $until, minWeight: $minWeight) {
    truncated
    nodes { weight entity { ${ENTITY_FIELDS} } }
    edges { weight kind source { key } target { key } }
  }
}`,
    variables: (p) => {
      const around = list(p, 'around', false);
      if (!around) throw new ExportInputError('around is required: one or more names or keys (around=Sergei%20Lavrov&around=country:US)');
      return { around: around.map(entityRef), depth: int(p, 'depth'), limit: int(p, 'limit'), kinds: kinds(p, 'kinds'), since: one(p, 'since'), until: one(p, 'until'), minWeight: int(p, 'minWeight') };
    },
    graph: (data, variables) => {
      const network = data.network as { truncated: boolean; nodes: { weight: number; entity: EntityShape }[]; edges: { weight: number; kind: string; source: { key: string }; target: { key: string } }[] };
      return {
        title: `network around ${(variables.around as ({ key: string } | { name: string })[]).map((r) => ('key' in r ? r.key : r.name)).join(', ')}${network.truncated ? ' (truncated)' : ''}`,
        nodeColumns: [...ENTITY_COLUMNS, { name: 'weight', type: 'int' }],
        edgeColumns: [{ name: 'kind', type: 'string' }],
        nodes: network.nodes.map((n) => entityNode(n.entity, { weight: n.weight })),
        edges: network.edges.map((e) => ({ source: e.source.key, target: e.target.key, weight: e.weight, label: null, values: { kind: e.kind } })),
      };
    },
  },
  paths: {
    params: ['from', 'to', 'maxHops', 'first', 'via', 'since', 'until', 'exclude'],
    document: `query ExportPaths($from: EntityRef!, $to: EntityRef!, $maxHops: Int, $first: Int, $via: [EntityKind!], $since: DateTime, $until: DateTime, $excludeKeys: [String!]) {
  paths(from: $from, to: $to, maxHops: $maxHops, first: $first, via: $via, since: $since, until: $until, excludeKeys: $excludeKeys) {
    entities { ${ENTITY_FIELDS} }
    hops {
      from { key }
      to { key }
      via { __typename ... on Article { articleId title url publishedAt } ... on Event { key type date title } }
      evidence { sentence }
    }
  }
}`,
    variables: (p) => ({
      from: entityRef(one(p, 'from', true)!),
      to: entityRef(one(p, 'to', true)!),
      maxHops: int(p, 'maxHops'),
      first: int(p, 'first'),
      via: kinds(p, 'via'),
      since: one(p, 'since'),
      until: one(p, 'until'),
      excludeKeys: list(p, 'exclude', true),
    }),
    graph: (data, variables) => {
      type Via = { __typename: 'Article'; articleId: string; title: string | null; url: string | null; publishedAt: string | null } | { __typename: 'Event'; key: string; type: string; date: string | null; title: string };
      const paths = data.paths as { entities: EntityShape[]; hops: { from: { key: string }; to: { key: string }; via: Via; evidence: { sentence: string }[] }[] }[];
      const nodes = new Map<string, GraphNode>();
      paths.forEach((path) => path.entities.forEach((e, position) => nodes.has(e.key) || nodes.set(e.key, entityNode(e, { firstPosition: position }))));
      // One edge per pair of entities, weighed by the paths through it, labelled by the first article or event behind it.
      const edges = new Map<string, GraphEdge>();
      for (const path of paths) {
        for (const hop of path.hops) {
          const id = [hop.from.key, hop.to.key].sort().join('|');
          const found = edges.get(id);
          if (found) {
            found.weight += 1;
            continue;
          }
          const via = hop.via;
          edges.set(id, {
            source: hop.from.key,
            target: hop.to.key,
            weight: 1,
            label: via.title,
            values: {
              via: via.__typename,
              viaId: via.__typename === 'Article' ? via.articleId : via.key,
              url: via.__typename === 'Article' ? via.url : null,
              date: via.__typename === 'Article' ? via.publishedAt : via.date,
              evidence: hop.evidence[0]?.sentence ?? null,
            },
          });
        }
      }
      const name = (ref: unknown) => ((ref as { key?: string }).key ?? (ref as { name: string }).name);
      return {
        title: `paths from ${name(variables.from)} to ${name(variables.to)}`,
        nodeColumns: [...ENTITY_COLUMNS, { name: 'firstPosition', type: 'int' }],
        edgeColumns: [
          { name: 'via', type: 'string' },
          { name: 'viaId', type: 'string' },
          { name: 'url', type: 'string' },
          { name: 'date', type: 'string' },
          { name: 'evidence', type: 'string' },
        ],
        nodes: [...nodes.values()],
        edges: [...edges.values()],
      };
    },
  },
  relationship: {
    params: ['a', 'b', 'first'],
    document: `query ExportRelationship($a: EntityRef!, $b: EntityRef!, $first: Int) {
  relationship(a: $a, b: $b) {
    articleCount
    a { ${ENTITY_FIELDS} }
    b { ${ENTITY_FIELDS} }
    sharedArticles(first: $first) { edges { node { articleId title url publishedAt source } } }
    sharedEvents(first: $first) { key type date title }
  }
}`,
    variables: (p) => ({ a: entityRef(one(p, 'a', true)!), b: entityRef(one(p, 'b', true)!), first: int(p, 'first') }),
    graph: (data) => {
      const r = data.relationship as {
        articleCount: number;
        a: EntityShape;
        b: EntityShape;
        sharedArticles: { edges: { node: { articleId: string; title: string | null; url: string | null; publishedAt: string | null; source: string | null } }[] };
        sharedEvents: { key: string; type: string; date: string | null; title: string }[];
      };
      const nodes: GraphNode[] = [entityNode(r.a), entityNode(r.b)];
      const edges: GraphEdge[] = [{ source: r.a.key, target: r.b.key, weight: r.articleCount, label: 'CO_MENTIONED', values: { kind: 'CO_MENTIONED' } }];
      // The evidence as nodes of its own: each shared article and event, linked to both entities.
      for (const { node: article } of r.sharedArticles.edges) {
        const id = `article:${article.articleId}`;
        nodes.push({ id, label: article.title ?? article.articleId, values: { kind: 'ARTICLE', url: article.url, date: article.publishedAt, source: article.source } });
        for (const entity of [r.a, r.b]) edges.push({ source: id, target: entity.key, weight: 1, label: 'MENTIONS', values: { kind: 'MENTIONS' } });
      }
      for (const event of r.sharedEvents) {
        const id = event.key;
        nodes.push({ id, label: event.title, values: { kind: 'EVENT', type: event.type, date: event.date } });
        for (const entity of [r.a, r.b]) edges.push({ source: id, target: entity.key, weight: 1, label: 'INVOLVES', values: { kind: 'INVOLVES' } });
      }
      return {
        title: `relationship of ${r.a.name} and ${r.b.name}`,
        nodeColumns: [...ENTITY_COLUMNS, { name: 'type', type: 'string' }, { name: 'url', type: 'string' }, { name: 'date', type: 'string' }, { name: 'source', type: 'string' }],
        edgeColumns: [{ name: 'kind', type: 'string' }],
        nodes,
        edges,
      };
    },
  },
};

export const EXPORT_VIEWS = Object.keys(VIEWS);

/** What an error code answers over HTTP when the GraphQL answer has no data to export. */
const STATUS_OF_CODE: Record<string, number> = {
  BAD_USER_INPUT: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  NOT_FOUND: 404,
  AMBIGUOUS: 409,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
  QUERY_TOO_COMPLEX: 400,
  TIMEOUT: 504,
  SERVICE_UNAVAILABLE: 503,
};

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });
}

function inputError(message: string): Response {
  return json(400, { errors: [{ message, extensions: { code: 'BAD_USER_INPUT' } }] });
}

function fileName(view: string, graph: ExportGraph, format: ExportFormat, part: CsvPart | null): string {
  const slug = graph.title.replace(/\s*\(.*\)$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80) || view;
  return `${slug}${part ? `-${part}` : ''}.${format}`;
}

/** The hash a persisted-operations allow-list lists a document under. */
export function documentId(document: string): string {
  return crypto.createHash('sha256').update(document).digest('hex');
}

type Execute = (request: Request, serverContext: unknown) => Promise<Response> | Response;

async function respond(request: Request, url: URL, serverContext: unknown, execute: Execute, settings: ServerSettings): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('method not allowed', { status: 405, headers: { allow: 'GET, HEAD' } });
  const match = url.pathname.slice(EXPORT_PATH.length + 1).match(/^(\w+)\.(\w+)$/);
  const view = match ? VIEWS[match[1]] : undefined;
  const format = match?.[2] as ExportFormat | undefined;
  if (!match || !view || !format || !EXPORT_FORMATS.includes(format)) {
    return json(404, { errors: [{ message: `no such export: try ${EXPORT_VIEWS.map((v) => `${EXPORT_PATH}/${v}.{${EXPORT_FORMATS.join(',')}}`).join(', ')}`, extensions: { code: 'NOT_FOUND' } }] });
  }
  const params = url.searchParams;
  let part: CsvPart | null = null;
  if (format === 'csv') {
    const asked = params.get('part');
    if (asked !== 'nodes' && asked !== 'edges') return inputError('a CSV export is one table: give part=nodes or part=edges');
    part = asked;
  }
  const unknown = [...new Set(params.keys())].filter((k) => k !== 'part' && !view.params.includes(k));
  if (unknown.length) return inputError(`unknown parameter ${unknown.join(', ')}: ${match[1]} takes ${view.params.join(', ')}`);
  let variables: Variables;
  try {
    variables = view.variables(params);
  } catch (error) {
    if (error instanceof ExportInputError) return inputError(error.message);
    throw error;
  }
  // With an allow-list on, the export asks by id (the SHA-256 of its document): the operator lists the VIEWS' documents to allow them.
  const body = settings.persistedOperations
    ? { variables, extensions: { persistedQuery: { version: 1, sha256Hash: documentId(view.document) } } }
    : { query: view.document, variables };
  const headers = new Headers({ 'content-type': 'application/json', accept: 'application/graphql-response+json' });
  for (const name of ['authorization', 'x-request-id']) {
    const value = request.headers.get(name) ?? (name === 'x-request-id' ? requestState(request)?.id : null);
    if (value) headers.set(name, value);
  }
  const answer = await execute(new Request(new URL('/graphql', url), { method: 'POST', headers, body: JSON.stringify(body), signal: request.signal }), serverContext);
  const result = (await answer.json().catch(() => null)) as { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] } | null;
  const data = result?.data ? Object.values(result.data)[0] : null;
  if (!result || !data || result.errors?.length) {
    const code = result?.errors?.[0]?.extensions?.code;
    const status = answer.status !== 200 ? answer.status : (code && STATUS_OF_CODE[code]) || 500;
    const passed: Record<string, string> = {};
    const retryAfter = answer.headers.get('retry-after');
    if (retryAfter) passed['retry-after'] = retryAfter;
    return json(status, result ?? { errors: [{ message: 'the export query failed' }] }, passed);
  }
  const graph = view.graph(result.data, variables);
  const text = format === 'graphml' ? toGraphML(graph) : format === 'gexf' ? toGEXF(graph) : toCSV(graph, part!);
  return new Response(request.method === 'HEAD' ? null : text, {
    status: 200,
    headers: {
      'content-type': CONTENT_TYPES[format],
      'content-disposition': `attachment; filename="${fileName(match[1], graph, format, part)}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}

/** Serves /export/* beside the GraphQL endpoint; `execute` runs a request through this same server. */
export function useExport(settings: ServerSettings, execute: Execute): Plugin {
  return {
    onRequest({ request, url, serverContext, endResponse }) {
      if (!url.pathname.startsWith(`${EXPORT_PATH}/`)) return;
      return respond(request, url, serverContext, execute, settings).then(endResponse);
    },
  };
}
