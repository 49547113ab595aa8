/**
 * Live events across servers through Redis pub/sub (REDIS_URL): every server publishes its commits
 * on one channel and receives everyone's through Yoga's Redis event target.
 */
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import type { PubSubEvent } from 'graphql-yoga';
import { Redis } from 'ioredis';
import type { Logger } from '../logger.ts';
import { COMMITTED_TOPIC, type CommittedArticle, type CommittedEvents, type Relay } from './pubsub.ts';

/** Fails when Redis cannot be reached at start: a server told to share live updates should not run without. */
export async function connectRedisRelay(url: string, logger: Logger): Promise<Relay> {
  // The event target does not handle the promises of its SUBSCRIBE and PUBLISH: a command that
  // failed would be an unhandled rejection, which ends the process. So commands wait out an outage
  // instead of failing (maxRetriesPerRequest: null), and this module publishes itself, handling the error.
  const options = { lazyConnect: true, maxRetriesPerRequest: null };
  const publisher = new Redis(url, options);
  const subscriber = new Redis(url, options);
  const where = redisAddress(url);
  let lastError: Error | null = null;
  for (const [role, client] of [['publish', publisher], ['subscribe', subscriber]] as const) {
    // One warning per outage, not one per reconnection attempt; a failure at start is the start's error.
    let state: 'starting' | 'up' | 'down' = 'starting';
    client.on('error', (error: Error) => {
      lastError = error;
      if (state === 'up') logger.warn({ err: error, redis: where, role }, 'Redis connection lost: live updates from other servers wait for it');
      state = 'down';
    });
    client.on('ready', () => {
      if (state === 'down') logger.info({ redis: where, role }, 'Redis connection back');
      state = 'up';
    });
  }

  try {
    await Promise.all([publisher.connect(), subscriber.connect()]);
    // Subscribed for the server's whole life, and confirmed before it serves: a subscriber never
    // waits for Redis, and an ingest right after a subscription started is not missed.
    await subscriber.subscribe(COMMITTED_TOPIC);
  } catch (error) {
    publisher.disconnect();
    subscriber.disconnect();
    throw new Error(`cannot reach Redis at ${where}: ${(lastError ?? (error as Error)).message}`);
  }
  const eventTarget = createRedisEventTarget<PubSubEvent<CommittedEvents, typeof COMMITTED_TOPIC>>({
    publishClient: publisher,
    subscribeClient: subscriber,
    // Anyone who can publish on the channel would otherwise end every server with one bad message.
    serializer: {
      stringify: JSON.stringify,
      parse(message) {
        const article = parseCommitted(message);
        if (!article) logger.warn({ redis: where, bytes: message.length }, 'ignored a message on the live updates channel that is not a committed article');
        return article;
      },
    },
  });
  // The event target unsubscribes when its last listener leaves; this one never does.
  eventTarget.addEventListener(COMMITTED_TOPIC, () => {});

  return {
    eventTarget,
    publish(article) {
      // The event target's format (its serializer's text on a channel named after the topic).
      publisher.publish(COMMITTED_TOPIC, JSON.stringify(article)).catch((error: Error) => {
        logger.warn({ err: error, redis: where, articleId: article.articleId }, 'live update not sent to the other servers');
      });
    },
    async close() {
      subscriber.disconnect();
      // QUIT lets the publishes already sent finish; with Redis away it would wait for it forever.
      if (publisher.status === 'ready') await publisher.quit();
      else publisher.disconnect();
    },
  };
}

function parseCommitted(message: string): CommittedArticle | null {
  let value: unknown;
  try {
    value = JSON.parse(message);
  } catch {
    return null;
  }
  const article = value as Partial<CommittedArticle> | null;
  const valid =
    typeof article?.articleId === 'string' &&
    (article.status === 'CREATED' || article.status === 'UPDATED') &&
    Array.isArray(article.entityKeys) &&
    article.entityKeys.every((key) => typeof key === 'string');
  return valid ? (article as CommittedArticle) : null;
}

/** Host and port only: the URL may carry a password. */
function redisAddress(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '6379'}`;
  } catch {
    return 'REDIS_URL';
  }
}
