/**
 * Live events for subscriptions, in this process only: the server publishes after an ingest
 * transaction commits. (The CLI writing in another process cannot reach these subscribers.)
 */
import { createPubSub, Repeater, SlidingBuffer } from 'graphql-yoga';
import type { CommittedArticle } from '../ingest/pipeline.ts';

export type { CommittedArticle };

/** Events a slow subscriber may fall behind by; past that its oldest events are dropped (a bulk load must not fail on a slow reader). */
const BUFFER = 1024;

export interface NewsPubSub {
  /** One event per article that a committed ingest transaction created or updated. */
  publishCommitted(articles: readonly CommittedArticle[]): void;
  /**
   * The events `select` makes of each committed article from now on. It listens from this call,
   * not from the first read, so nothing published in between is lost.
   */
  subscribeCommitted<T>(select: (article: CommittedArticle) => readonly T[]): AsyncIterableIterator<T>;
  /** Ends every open subscription, so that live streams do not hold a closing server open. */
  close(): Promise<void>;
}

export function createNewsPubSub(): NewsPubSub {
  const pubsub = createPubSub<{ articleCommitted: [article: CommittedArticle] }>({ repeaterBuffer: new SlidingBuffer(BUFFER) });
  const open = new Set<AsyncIterableIterator<unknown>>();
  let closed = false;

  return {
    publishCommitted(articles) {
      for (const article of articles) pubsub.publish('articleCommitted', article);
    },
    subscribeCommitted<T>(select: (article: CommittedArticle) => readonly T[]) {
      const events = new Repeater<T>(async (push, stop) => {
        const articles = pubsub.subscribe('articleCommitted');
        void stop.then(() => articles.return());
        for (let next = await articles.next(); !next.done; next = await articles.next()) {
          for (const event of select(next.value)) await push(event);
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
  };
}
