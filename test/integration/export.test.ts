/** GET /export/*: files opened with a real XML parser and checked against the API's own answer. */
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCSV, toGEXF, toGraphML, type ExportGraph } from '../../src/server/graph-formats.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ seed: true });
}, 120_000);
afterAll(() => app.close());

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['key', 'node', 'edge', 'data', 'attribute', 'attvalue', 'attributes'].includes(name), parseTagValue: false });
const get = (path: string, headers: Record<string, string> = {}) => app.yoga.fetch(`http://newsgraph.test${path}`, { headers });

const NETWORK = `{ network(around: [{ name: "Sergei Lavrov" }], limit: 50) { nodes { weight entity { key name kind articleCount } } edges { weight source { key } target { key } } } }`;
type Api = { nodes: { weight: number; entity: { key: string; name: string; kind: string } }[]; edges: { weight: number; source: { key: string }; target: { key: string } }[] };
const pair = (a: string, b: string) => [a, b].sort().join('|');

let api: Api;
beforeAll(async () => {
  api = (await app.gql(NETWORK)).data.network;
  expect(api.nodes.length).toBeGreaterThan(5);
});

describe('GET /export/network', () => {
  it('GraphML: the nodes, edges and weights of the network query, readable by an XML parser', async () => {
    const response = await get('/export/network.graphml?around=Sergei%20Lavrov&limit=50');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/graphml+xml; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="network-around-sergei-lavrov\.graphml"$/);
    const doc = parser.parse(await response.text());
    const keys = new Map<string, string>(doc.graphml.key.map((k: any) => [k['@id'], k['@attr.name']]));
    const graph = doc.graphml.graph;
    expect(graph['@edgedefault']).toBe('undirected');
    const data = (element: any) => Object.fromEntries((element.data ?? []).map((d: any) => [keys.get(d['@key']), d['#text']]));
    const nodes = graph.node.map((n: any) => ({ key: n['@id'], ...data(n) }));
    expect(nodes.map((n: any) => n.key).sort()).toEqual(api.nodes.map((n) => n.entity.key).sort());
    for (const n of api.nodes) {
      expect(nodes.find((x: any) => x.key === n.entity.key)).toMatchObject({ label: n.entity.name, kind: n.entity.kind, weight: String(n.weight) });
    }
    const edges = new Map<string, number>(graph.edge.map((e: any) => [pair(e['@source'], e['@target']), Number(data(e).weight)]));
    expect(edges).toEqual(new Map(api.edges.map((e) => [pair(e.source.key, e.target.key), e.weight])));
  });

  it('GEXF: the same nodes, edges and weights, as Gephi reads them', async () => {
    const response = await get('/export/network.gexf?around=Sergei%20Lavrov&limit=50');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/gexf+xml; charset=utf-8');
    const doc = parser.parse(await response.text());
    expect(doc.gexf['@version']).toBe('1.3');
    const graph = doc.gexf.graph;
    const nodeAttributes = new Map<string, string>(graph.attributes.find((a: any) => a['@class'] === 'node').attribute.map((a: any) => [a['@id'], a['@title']]));
    const nodes = graph.nodes.node.map((n: any) => ({
      key: n['@id'],
      label: n['@label'],
      ...Object.fromEntries(n.attvalues.attvalue.map((v: any) => [nodeAttributes.get(v['@for']), v['@value']])),
    }));
    expect(nodes.map((n: any) => n.key).sort()).toEqual(api.nodes.map((n) => n.entity.key).sort());
    for (const n of api.nodes) expect(nodes.find((x: any) => x.key === n.entity.key)).toMatchObject({ label: n.entity.name, kind: n.entity.kind, weight: String(n.weight) });
    const edges = new Map<string, number>(graph.edges.edge.map((e: any) => [pair(e['@source'], e['@target']), Number(e['@weight'])]));
    expect(edges).toEqual(new Map(api.edges.map((e) => [pair(e.source.key, e.target.key), e.weight])));
  });

  it('CSV: a nodes table and an edges table (part=nodes|edges), as Gephi imports them', async () => {
    const nodes = await get('/export/network.csv?around=Sergei%20Lavrov&limit=50&part=nodes');
    expect(nodes.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const nodeLines = (await nodes.text()).trim().split('\r\n');
    expect(nodeLines[0]).toBe('Id,Label,kind,articleCount,weight');
    expect(nodeLines).toHaveLength(api.nodes.length + 1);
    const edges = await get('/export/network.csv?around=Sergei%20Lavrov&limit=50&part=edges');
    const edgeLines = (await edges.text()).trim().split('\r\n');
    expect(edgeLines[0]).toBe('Source,Target,Weight,Label,kind');
    const weights = new Map(edgeLines.slice(1).map((line) => line.split(',')).map(([s, t, w]) => [pair(s, t), Number(w)]));
    expect(weights).toEqual(new Map(api.edges.map((e) => [pair(e.source.key, e.target.key), e.weight])));
    const missing = await get('/export/network.csv?around=Sergei%20Lavrov');
    expect(missing.status).toBe(400);
  });

  it('answers the API\'s errors with their HTTP status: unknown name (with suggestions), bad argument, unknown parameter or view', async () => {
    const unknown = await get('/export/network.graphml?around=Lavrv');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as any).errors[0].extensions).toMatchObject({ code: 'NOT_FOUND', suggestions: [expect.objectContaining({ name: 'Sergei Lavrov' })] });
    expect((await get('/export/network.graphml?around=Lavrov&depth=9')).status).toBe(400);
    expect((await get('/export/network.graphml?around=Lavrov&depth=two')).status).toBe(400);
    expect((await get('/export/network.graphml?around=Lavrov&bogus=1')).status).toBe(400);
    expect((await get('/export/network.graphml')).status).toBe(400);
    expect((await get('/export/network.svg?around=Lavrov')).status).toBe(404);
    expect((await get('/export/people.graphml?around=Lavrov')).status).toBe(404);
    expect((await app.yoga.fetch('http://newsgraph.test/export/network.graphml?around=Lavrov', { method: 'POST' })).status).toBe(405);
  });
});

describe('GET /export/paths and /export/relationship', () => {
  it('paths: the entities and hops of the paths query, each hop labelled with its article or event and evidence', async () => {
    const { data } = await app.gql('{ paths(from: { name: "Tillerson" }, to: { name: "Putin" }) { entities { key } hops { from { key } to { key } } } }');
    const response = await get('/export/paths.graphml?from=Tillerson&to=Putin');
    expect(response.status).toBe(200);
    const graph = parser.parse(await response.text()).graphml.graph;
    expect(new Set(graph.node.map((n: any) => n['@id']))).toEqual(new Set(data.paths.flatMap((p: any) => p.entities.map((e: any) => e.key))));
    expect(new Set(graph.edge.map((e: any) => pair(e['@source'], e['@target'])))).toEqual(new Set(data.paths.flatMap((p: any) => p.hops.map((h: any) => pair(h.from.key, h.to.key)))));
    expect(JSON.stringify(graph.edge)).toContain('Putin ordered the United States');
  });

  it('relationship: both entities, their co-mention weight, and the shared articles and events linked to each', async () => {
    const { data } = await app.gql('{ relationship(a: { name: "Lavrov" }, b: { name: "Tillerson" }) { articleCount sharedArticles { totalCount } } }');
    const response = await get('/export/relationship.gexf?a=Lavrov&b=Tillerson');
    expect(response.status).toBe(200);
    const graph = parser.parse(await response.text()).gexf.graph;
    const co = graph.edges.edge.find((e: any) => e['@label'] === 'CO_MENTIONED');
    expect(pair(co['@source'], co['@target'])).toBe(pair('person:Q58217', 'person:Q331401'));
    expect(Number(co['@weight'])).toBe(data.relationship.articleCount);
    expect(graph.edges.edge.filter((e: any) => e['@label'] === 'MENTIONS')).toHaveLength(2 * data.relationship.sharedArticles.totalCount);
    expect(graph.nodes.node.some((n: any) => n['@label'] === 'Meeting of Rex Tillerson and Sergei Lavrov in Manila')).toBe(true);
  });
});

describe('the caller\'s access and limits apply', () => {
  it('needs a read key when reads need one, and counts against the caller\'s rate limit', async () => {
    const closed = await createTestApp({ store: app.store, apiKeys: ['reader:read'], yoga: { settings: { publicRead: false, rateLimitPerMinute: 1, rateLimitBurst: 1 } } });
    const url = 'http://newsgraph.test/export/network.gexf?around=Lavrov';
    const anonymous = await closed.yoga.fetch(url);
    expect(anonymous.status).toBe(401);
    const keyed = await closed.yoga.fetch(url, { headers: { authorization: 'Bearer reader' } });
    expect(keyed.status).toBe(200);
    const limited = await closed.yoga.fetch(url, { headers: { authorization: 'Bearer reader' } });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});

describe('the file formats', () => {
  const hostile: ExportGraph = {
    title: 'hostile <names> & "quotes"',
    nodeColumns: [{ name: 'kind', type: 'string' }],
    edgeColumns: [],
    nodes: [
      { id: 'person:a', label: '=HYPERLINK("http://evil.example","x")', values: { kind: 'PERSON' } },
      { id: 'person:b', label: 'O\'Brien <b>&amp; "Co", \u0007Ltd', values: { kind: 'PERSON' } },
    ],
    edges: [{ source: 'person:a', target: 'person:b', weight: 2, label: 'a, "b"\nc', values: {} }],
  };

  it('keeps names with markup, quotes and control characters as text in GraphML and GEXF', () => {
    const graphml = parser.parse(toGraphML(hostile)).graphml.graph;
    expect(graphml.node[1].data[0]['#text']).toBe('O\'Brien <b>&amp; "Co", Ltd');
    const gexf = parser.parse(toGEXF(hostile)).gexf.graph;
    expect(gexf.nodes.node[1]['@label']).toBe('O\'Brien <b>&amp; "Co", Ltd');
  });

  it('quotes CSV fields and keeps a spreadsheet from running a name as a formula', () => {
    const nodes = toCSV(hostile, 'nodes').split('\r\n');
    expect(nodes[1]).toBe('person:a,"\'=HYPERLINK(""http://evil.example"",""x"")",PERSON');
    expect(toCSV(hostile, 'edges').split('\r\n')[1]).toBe('person:a,person:b,2,"a, ""b""\nc"');
  });
});
