/**
 * `newsgraph serve` pointed at a Neo4j it cannot use: one line naming the setting to fix, exit 1,
 * quickly, with no stack trace. An unreachable URI needs no Neo4j; a wrong password and a missing
 * database need the real one NEO4J_URI names.
 */
import { createServer as createHttpServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onNeo4j } from '../support/app.ts';
import { cliSandbox, finished, spawnNewsgraph, type CliSandbox } from '../support/cli.ts';
import { freePort } from '../support/ports.ts';

let sandbox: CliSandbox;

beforeAll(() => {
  // The sandbox leaves out NEO4J_URI (its other users are about the embedded engine): this one wants it.
  sandbox = cliSandbox('newsgraph-neo4j-start-', onNeo4j ? { NEO4J_URI: process.env.NEO4J_URI } : {});
});

afterAll(() => sandbox?.remove());

async function serve(env: NodeJS.ProcessEnv) {
  const started = performance.now();
  const result = await finished(spawnNewsgraph(sandbox, ['serve'], { env: { PORT: '0', HOST: '127.0.0.1', ...env } }));
  return { ...result, seconds: (performance.now() - started) / 1000 };
}

function expectOneClearLine(result: Awaited<ReturnType<typeof serve>>, variable: RegExp) {
  expect(result.code).toBe(1);
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^newsgraph: cannot start: /);
  expect(lines[0]).toMatch(variable);
  expect(result.stderr + result.stdout).not.toMatch(/\n\s+at /);
}

describe('serve against a Neo4j it cannot use', () => {
  it('names NEO4J_URI when nothing answers there, within seconds', async () => {
    const port = await freePort();
    const result = await serve({ NEO4J_URI: `bolt://127.0.0.1:${port}`, NEO4J_PASSWORD: 'whatever-password' });
    expectOneClearLine(result, /NEO4J_URI/);
    expect(result.stderr).toContain(`bolt://127.0.0.1:${port}`);
    // Node and tsx start in ~1.5 s; the driver gives up after one retry (~1.2 s).
    expect(result.seconds).toBeLessThan(10);
  });

  it('names NEO4J_URI when it points at an HTTP port instead of Bolt', async () => {
    const http = createHttpServer((_, response) => response.end('{}'));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = http.address() as { port: number };
      const result = await serve({ NEO4J_URI: `bolt://127.0.0.1:${port}`, NEO4J_PASSWORD: 'whatever-password' });
      expectOneClearLine(result, /answers HTTP, not Bolt \(check NEO4J_URI/);
    } finally {
      http.close();
    }
  });

  it.skipIf(!onNeo4j)('names NEO4J_PASSWORD when Neo4j refuses the credentials (needs the Neo4j of NEO4J_URI)', async () => {
    const result = await serve({ NEO4J_PASSWORD: 'not-the-password' });
    expectOneClearLine(result, /NEO4J_USER and NEO4J_PASSWORD/);
    expect(result.stderr).not.toContain('not-the-password');
  });

  it.skipIf(!onNeo4j)('names NEO4J_DATABASE when Neo4j has no such database (needs the Neo4j of NEO4J_URI)', async () => {
    const result = await serve({ NEO4J_DATABASE: 'nosuchdatabase' });
    expectOneClearLine(result, /no database "nosuchdatabase" \(check NEO4J_DATABASE\)/);
  });
});
