/**
 * Live events for subscriptions: the server publishes after an ingest transaction commits. In one
 * process by default; with REDIS_URL through Redis, so that every server on the same graph hears
 * the ingests of the others. (The CLI writing straight into a database reaches no subscriber.)
 */
import { createPubSub, Repeater, SlidingBuffer, type PubSubEventTarget } from 'graphql-yoga';
import type { LiveEvents } from '../graphql/context.ts';
import type { CommittedArticle } from '../ingest/pipeline.ts';
import type { Logger } from '../logger.ts';

export type { CommittedArticle };

/** Events a slow subscriber may fall behind by; past that its oldest events are dropped (a bulk load must not fail on a slow reader). */
const BUFFER = 1024;

/** The one topic; also the Redis channel, named so that it says whose it is on a shared Redis. */
export const COMMITTED_TOPIC = 'newsgraph:articleCommitted';

/** Payloads cross Redis as JSON: CommittedArticle holds only strings. */
export type CommittedEvents = { [COMMITTED_TOPIC]: [article: CommittedArticle] };

/** Carries events between servers: subscribers here listen on its event target, every server's events arrive there. */
export interface Relay {
  eventTarget: PubSubEventTarget<CommittedEvents>;
  /** Sends one event to every server on the relay, this one included. */
  publish(article: CommittedArticle): void;
  close(): Promise<void>;
}

/** The live events resolvers use (graphql/context.ts), and their end. */
export interface NewsPubSub extends LiveEvents {
  /** Ends every open subscription, so that live streams do not hold a closing server open. */
  close(): Promise<void>;
  /**
   * Lets go of the relay. Separate from `close`: requests still running while the server closes
   * may commit ingests, and the other servers' subscribers should still hear of them.
   */
  disconnect(): Promise<void>;
}

/** In this process only, or across servers through Redis when `redisUrl` is set (its client is loaded only then). */
export async function openNewsPubSub(redisUrl: string | null, logger: Logger): Promise<NewsPubSub> {
  if (!redisUrl) return createNewsPubSub();
  const { connectRedisRelay } = await import('./redis-relay.ts');
  return createNewsPubSub(await connectRedisRelay(redisUrl, logger));
}

export function createNewsPubSub(relay?: Relay): NewsPubSub {
  const pubsub = createPubSub<CommittedEvents>({ eventTarget: relay?.eventTarget, repeaterBuffer: new SlidingBuffer(BUFFER) });
  const open = new Set<AsyncIterableIterator<unknown>>();
  let closed = false;
  let disconnected: Promise<void> | null = null;

  return {
    publishCommitted(articles) {
      if (disconnected) return;
      for (const article of articles) {
        if (relay) relay.publish(article);
        else pubsub.publish(COMMITTED_TOPIC, article);
      }
    },
    subscribeCommitted<T>(select: (article: CommittedArticle) => readonly T[]) {
      const events = new Repeater<T>(async (push, stop) => {
        const articles = pubsub.subscribe(COMMITTED_TOPIC);
        void stop.then(() => articles.return());
        for (let next = await articles.next(); !next.done; next = await articles.next()) {
          // null: a message the relay could not read (it logged it).
          if (next.value) for (const event of select(next.value)) await push(event);
        }
        stop();
      }, new SlidingBuffer(BUFFER));
      // A repeater runs its executor on the first next(), and that is what adds the listener.
      let primed: Promise<IteratorResult<T>> | null = events.next();
      const iterator: AsyncIterableIterator<T> = {
        next() {
          const result = primed ?? events.next();
          primed = null;
          return result;
        },
        return() {
          open.delete(iterator);
          return events.return();
        },
        [Symbol.asyncIterator]() {
          return iterator;
        },
      };
      if (closed) void events.return();
      else open.add(iterator);
      return iterator;
    },
    async close() {
      closed = true;
      await Promise.all([...open].map((iterator) => iterator.return?.()));
    },
    disconnect() {
      return (disconnected ??= relay ? relay.close() : Promise.resolve());
    },
  };
}
