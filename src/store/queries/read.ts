/**
 * Every read the API makes, as named functions over a runner, gathered from the files that hold them
 * by subject. Batched lookups take lists of ids (one round trip for a DataLoader batch); pages take
 * offset and limit; windows take ISO strings compared with the stored ISO `sortDate`, which orders
 * the same way as the dates it encodes.
 */
export * from './shapes.ts';
export * from './articles.ts';
export * from './entities.ts';
export * from './entity-lookup.ts';
export * from './events-quotes.ts';
