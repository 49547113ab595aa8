/** Start: config → store → migrations → seed if empty → server; SIGTERM/SIGINT close the server, then the store. */
import { createServer, type Server } from 'node:http';
import { ensureLocalKey, isLoopback, localApiKey } from '../auth/local-key.ts';
import type { Config } from '../config.ts';
import { createExtractor } from '../extract/index.ts';
import type { Extractor } from '../extract/types.ts';
import type { Logger } from '../logger.ts';
import { seedIfEmpty } from '../seed.ts';
import { openStore } from '../store/index.ts';
import { migrate } from '../store/migrate.ts';
import { openNewsPubSub, type NewsPubSub } from './pubsub.ts';
import { removeServerFile, writeServerFile } from './server-file.ts';
import { createNewsgraphYoga } from './yoga.ts';

export interface Running {
  server: Server;
  url: string;
  stop(): Promise<void>;
}

export async function start(config: Config, logger: Logger): Promise<Running> {
  const store = await openStore(config);
  let pubsub: NewsPubSub | null = null;
  try {
    const applied = await migrate(store);
    if (applied.length > 0) logger.info({ applied }, 'migrations applied');
    const extractor = onFirstUse(createExtractor);
    if (config.seed) {
      const report = await seedIfEmpty(store, extractor);
      if (report) {
        logger.info({ created: report.created, failed: report.failed }, 'graph was empty: seed articles loaded');
        for (const item of report.items) if (item.error) logger.warn({ error: item.error }, 'seed article failed');
      }
    }
    const live = (pubsub = await openNewsPubSub(config.redisUrl, logger));
    // No keys and nobody but this machine can connect: a key for the owner, kept in DATA_DIR.
    const local = config.apiKeys.length === 0 && isLoopback(config.host) ? ensureLocalKey(config.dataDir) : null;
    const apiKeys = local ? [localApiKey(local.key)] : config.apiKeys;
    const yoga = createNewsgraphYoga({ store, extractor, apiKeys, pubsub: live }, { logger, settings: config.server });
    const server = createServer(yoga);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://${urlHost(config.host)}:${port}/graphql`;
    writeServerFile(config.dataDir, url);
    logger.info({ url, engine: store.engine, mutations: apiKeys.length > 0, liveAcrossServers: Boolean(config.redisUrl) }, 'newsgraph is listening');
    if (local) {
      logger.info(
        { keyFile: local.file, created: local.created },
        `no API keys configured and listening on loopback only: ${local.created ? 'generated' : 'using'} a local key (read+ingest) in ${local.file}. ` +
          `Load articles with: npx newsgraph ingest --endpoint ${url} FILES (the CLI reads the key from that file), ` +
          `or send the header "Authorization: Bearer $(cat ${local.file})"`,
      );
    }
    let stopping: Promise<void> | null = null;
    return {
      server,
      url,
      stop: () =>
        (stopping ??= (async () => {
          const closed = new Promise<void>((resolve) => server.close(() => resolve()));
          await live.close(); // live streams end, or they would hold the server open
          await closed;
          await live.disconnect(); // after the last requests: other servers' subscribers still hear of their ingests
          removeServerFile(config.dataDir);
          await store.close();
        })()),
    };
  } catch (error) {
    await pubsub?.disconnect();
    await store.close();
    throw error;
  }
}

/** The host a client on this machine reaches the server at: localhost for loopback and for every interface. */
function urlHost(host: string): string {
  if (host === '' || host === '0.0.0.0' || host === '::' || isLoopback(host)) return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * The extractor, loaded on the first article rather than at start: its gazetteers and model take
 * ~0.5 s, and a server that only answers queries never needs them (cold start counts to /ready).
 */
function onFirstUse(load: () => Extractor): Extractor {
  let extractor: Extractor | null = null;
  return { extract: (article) => (extractor ??= load()).extract(article) };
}
