/**
 * The properties of the graph model declared FLOAT. A JS number does not say whether 1 is an
 * integer or a float that happens to be whole, so an engine that types its values (Neo4j) converts
 * by this declaration: every other whole number the store sends is an INTEGER.
 */
export const FLOAT_PROPERTIES: ReadonlySet<string> = new Set(['salience']);

/**
 * The property a parameter carries: its name, or for the column form of a batch of rows
 * (`$row_props_salience`, see queries/rows.ts) the last part of it.
 */
export function propertyOfParameter(name: string): string {
  return name.slice(name.lastIndexOf('_') + 1);
}
