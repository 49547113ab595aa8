/** GraphQL over HTTP conformance: graphql-http's server audits against yoga.fetch. */
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});

afterAll(async () => {
  await app?.close();
});

describe('graphql-http server audits', () => {
  const audits = serverAudits({
    url: 'http://newsgraph.test/graphql',
    fetchFn: (input: string, init?: RequestInit) => app.yoga.fetch(new URL(input), init ?? {}),
  });
  for (const audit of audits) {
    it(`${audit.id} ${audit.name}`, async () => {
      const result = await audit.fn();
      expect(result.status === 'error' ? `${result.status}: ${result.reason}` : 'ok or warn').toBe('ok or warn');
    });
  }
});
