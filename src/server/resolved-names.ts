/**
 * Names that resolved to the most prominent of several entities are told in the answer's
 * `extensions.resolvedNames`, with the alternatives, so the caller sees the choice the server made.
 */
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { Context } from '../graphql/context.ts';

/**
 * Wraps execution itself, not the after-execution hook: listed before the response cache and the
 * shared execution, whose executors then wrap this one, a cached or shared answer keeps the list.
 */
export function useResolvedNames(): Plugin {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn(async (args) => {
        const result = await executeFn(args);
        const resolved = (args.contextValue as Partial<Context>).resolvedNames;
        if (isAsyncIterable(result) || !resolved?.length) return result;
        return { ...result, extensions: { ...result.extensions, resolvedNames: resolved } };
      });
    },
  };
}
