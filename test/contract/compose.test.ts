/**
 * docker-compose.yml against what it must agree with: Compose itself (where a Compose client is
 * installed; no engine is needed to check a file), the Neo4j version of neo4j/pom.xml, and the
 * credentials the README tells users to type.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

const compose = fs.readFileSync('docker-compose.yml', 'utf8');
const readme = fs.readFileSync('README.md', 'utf8');

/** `docker compose` (the plugin), else Debian's standalone `docker-compose`, else null. */
function composeCommand(): string[] | null {
  const candidates = [['docker', 'compose'], ['docker-compose']];
  return candidates.find(([bin, ...args]) => spawnSync(bin!, [...args, 'version'], { stdio: 'ignore' }).status === 0) ?? null;
}

/** The one value of `key: value` in the compose file; fails when it is missing or appears with different values. */
function single(key: string): string {
  const values = [...compose.matchAll(new RegExp(`^\\s*${key}:\\s*(\\S+)\\s*$`, 'gm'))].map((m) => m[1]!);
  expect(values.length, `${key} in docker-compose.yml`).toBeGreaterThan(0);
  expect(new Set(values).size, `${key} has one value in docker-compose.yml`).toBe(1);
  return values[0]!;
}

/** The README section between `## title` and the next `## `. */
function section(title: string): string {
  const start = readme.indexOf(`\n## ${title}\n`);
  expect(start, `README section "${title}"`).toBeGreaterThanOrEqual(0);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

const command = composeCommand();

describe('docker-compose.yml', () => {
  it.skipIf(!command)('is valid for Compose: `config -q` (needs `docker compose` or `docker-compose` installed)', () => {
    const [bin, ...args] = command!;
    const result = spawnSync(bin!, [...args, '-f', 'docker-compose.yml', 'config', '-q'], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('runs the Neo4j version that neo4j/pom.xml pins', () => {
    const pom = fs.readFileSync('neo4j/pom.xml', 'utf8');
    const version = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(pom)?.[1];
    expect(version).toMatch(/^5\.\d+\.\d+$/);
    const images = [...compose.matchAll(/^\s*image:\s*(neo4j:\S+)\s*$/gm)].map((m) => m[1]);
    expect(images).toEqual([`neo4j:${version}-community`]);
  });

  it('gives newsgraph the credentials Neo4j is started with, with a password Neo4j 5 accepts, and the README says the same', () => {
    const auth = single('NEO4J_AUTH');
    const [user, password] = [auth.slice(0, auth.indexOf('/')), auth.slice(auth.indexOf('/') + 1)];
    expect(password.length, 'Neo4j 5 refuses passwords shorter than 8 characters').toBeGreaterThanOrEqual(8);
    expect(single('NEO4J_USER')).toBe(user);
    expect(single('NEO4J_PASSWORD')).toBe(password);
    expect(compose).toContain(`cypher-shell -u ${user} -p ${password} `);

    const running = section('Running on Neo4j');
    expect(running).toContain(`NEO4J_PASSWORD=${password}`);
    // Every password the section writes out is the compose one; other Neo4js get a placeholder.
    const written = [...running.matchAll(/NEO4J_PASSWORD=(\S+)/g)].map((m) => m[1]!).filter((p) => !p.startsWith('<'));
    expect(new Set(written)).toEqual(new Set([password]));
  });
});
