/** The public GraphQL endpoint: queries over POST, subscriptions as Server-Sent Events read from a fetch stream. */

export const ENDPOINT = '/graphql';

export class GraphQLRequestError extends Error {
  constructor(message: string, readonly code: string | null) {
    super(message);
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** The data; fails when there is none. Errors on some fields leave those fields null, as GraphQL does. */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
  const response = await fetch(ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query, variables }),
    signal,
  });
  let body: GraphQLResponse<T>;
  try {
    body = (await response.json()) as GraphQLResponse<T>;
  } catch {
    throw new GraphQLRequestError(`the server answered ${response.status} ${response.statusText}`, null);
  }
  if (body.data == null) {
    const first = body.errors?.[0];
    throw new GraphQLRequestError(first?.message ?? `the server answered ${response.status}`, first?.extensions?.code ?? null);
  }
  for (const error of body.errors ?? []) console.warn('newsgraph:', error.message);
  return body.data;
}

export interface SubscriptionHandlers<T> {
  /** The stream is open: the server has registered the subscription. */
  onOpen(): void;
  onData(data: T): void;
  /** The stream ended or failed; not called after close(). */
  onEnd(error: Error | null): void;
}

/** Subscribes over SSE (Accept: text/event-stream); the returned function closes the stream. */
export function subscribe<T>(query: string, variables: Record<string, unknown>, handlers: SubscriptionHandlers<T>): () => void {
  const controller = new AbortController();
  let closed = false;
  (async () => {
    const response = await fetch(ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query, variables }),
      signal: controller.signal,
    });
    if (!response.ok || !response.body) throw new Error(`the server answered ${response.status}`);
    handlers.onOpen();
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffered = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return null;
      buffered += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffered.indexOf('\n\n')) >= 0) {
        const block = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        const event = /^event: ?(.*)$/m.exec(block)?.[1];
        const data = /^data: ?(.*)$/m.exec(block)?.[1];
        if (event === 'complete') return null;
        if (event !== 'next' || !data) continue; // keep-alive comments
        const payload = JSON.parse(data) as GraphQLResponse<T>;
        if (payload.errors?.length) return new Error(payload.errors[0].message);
        if (payload.data) handlers.onData(payload.data);
      }
    }
  })().then(
    (error) => {
      if (!closed) handlers.onEnd(error);
    },
    (error: Error) => {
      if (!closed) handlers.onEnd(error);
    },
  );
  return () => {
    closed = true;
    controller.abort();
  };
}
