/** Subscriptions as an SSE client sees them, through `yoga.fetch`. */
import type { NewsgraphYoga } from '../../src/server/yoga.ts';

export interface Stream {
  status: number;
  contentType: string | null;
  /** The payload of the next `next` event, or 'complete' when the stream ends; fails after a few seconds without one. */
  next(): Promise<any>;
  close(): Promise<void>;
}

function withinSeconds<T>(seconds: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no event within ${seconds} s`)), seconds * 1000);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Opens a subscription the way an SSE client does and reads its events as they come: through
 * `yoga.fetch`, or over HTTP when `server` is the URL of a running server's endpoint.
 */
export async function subscribe(server: NewsgraphYoga | string, query: string, variables?: Record<string, unknown>): Promise<Stream> {
  const init = {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query, variables }),
  };
  const response = typeof server === 'string' ? await fetch(server, init) : await server.fetch('http://newsgraph.test/graphql', init);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    async next() {
      for (;;) {
        const end = buffered.indexOf('\n\n');
        if (end >= 0) {
          const block = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          const event = block.match(/^event: (.*)$/m)?.[1];
          const data = block.match(/^data: ?(.*)$/m)?.[1];
          if (event === 'next') return JSON.parse(data!);
          if (event === 'complete') return 'complete';
          continue; // a keep-alive comment
        }
        const { value, done } = await withinSeconds(5, reader.read());
        if (done) return 'complete';
        buffered += value;
      }
    },
    close: () => reader.cancel(),
  };
}
