/** `newsgraph export`: from the running server of the DATA_DIR, and from the database directly. */
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliSandbox, newsgraph, postGraphql, startServer, type CliSandbox, type RunningServer } from '../support/cli.ts';

let sandbox: CliSandbox;
let server: RunningServer | null = null;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['node', 'edge'].includes(name) });

beforeAll(async () => {
  sandbox = cliSandbox('newsgraph-export-cli-', { NEWSGRAPH_SEED: 'true' });
  server = await startServer(sandbox);
}, 120_000);
afterAll(async () => {
  server?.process.kill('SIGTERM');
  await server?.exited;
  sandbox.remove();
});

describe('newsgraph export', () => {
  it('asks the server running on this DATA_DIR, and the file holds the network the API answers', async () => {
    const { data } = await postGraphql(server!.url, '{ network(around: [{ name: "Sergei Lavrov" }], limit: 20) { nodes { entity { key } } edges { weight } } }');
    const run = await newsgraph(sandbox, ['export', 'network', '--around', 'Sergei Lavrov', '--limit', '20', '--format', 'gexf', '--output', 'lavrov.gexf']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const graph = parser.parse(fs.readFileSync(path.join(sandbox.dir, 'lavrov.gexf'), 'utf8')).gexf.graph;
    expect(graph.nodes.node.map((n: any) => n['@id']).sort()).toEqual(data.network.nodes.map((n: any) => n.entity.key).sort());
    expect(graph.edges.edge.map((e: any) => Number(e['@weight'])).sort()).toEqual(data.network.edges.map((e: any) => e.weight).sort());
  });

  it('says what is wrong with a name, and exits 1', async () => {
    const run = await newsgraph(sandbox, ['export', 'paths', '--from', 'Lavrv', '--to', 'Putin']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('did you mean Sergei Lavrov');
    expect(run.stderr).toContain('HTTP 404');
    const usage = await newsgraph(sandbox, ['export', 'people']);
    expect(usage.code).toBe(2);
  });

  it('reads the database itself when no server runs, to standard output', async () => {
    server!.process.kill('SIGTERM');
    await server!.exited;
    server = null;
    const run = await newsgraph(sandbox, ['export', 'relationship', '--a', 'Lavrov', '--b', 'Tillerson', '--format', 'csv', '--part', 'edges']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\r\n');
    expect(lines[0]).toBe('Source,Target,Weight,Label,kind');
    expect(lines.some((l) => /^person:Q\d+,person:Q\d+,1,CO_MENTIONED,CO_MENTIONED$/.test(l))).toBe(true);
  });
});
