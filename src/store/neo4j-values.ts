/**
 * Conversion between plain JS values and neo4j-driver's types. Only the Neo4j runner uses this:
 * the rest of the system sees numbers and ISO strings, as the embedded engine returns them.
 */
import neo4j, { type Duration } from 'neo4j-driver';
import { FLOAT_PROPERTIES, propertyOfParameter } from './property-types.ts';

/**
 * Parameters as the driver sends them. A JS number goes as a FLOAT unless it is an Integer, and
 * Cypher wants INTEGER in `LIMIT`, `SKIP`, `range()` and every count property, so whole numbers go
 * as Integers, except where the property they are stored in is declared FLOAT: a salience of 1 is
 * stored as 1.0, or one property would hold values of two types.
 */
export function toNeo4jParams(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, convert(value, FLOAT_PROPERTIES.has(propertyOfParameter(name)))]));
}

function convert(value: unknown, float: boolean): unknown {
  if (typeof value === 'number') return Number.isInteger(value) && !float ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map((item) => convert(item, float));
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, convert(item, FLOAT_PROPERTIES.has(key))]));
  }
  return value;
}

function isTemporal(value: unknown): boolean {
  return (
    neo4j.isDate(value as never) ||
    neo4j.isDateTime(value as never) ||
    neo4j.isLocalDateTime(value as never) ||
    neo4j.isTime(value as never) ||
    neo4j.isLocalTime(value as never) ||
    neo4j.isDuration(value as never)
  );
}

/**
 * ISO 8601 as the embedded engine writes it. The driver writes nanoseconds in full
 * (`10:00:00.120000000Z`) and durations in months, days and seconds (`P14DT7200S`); the engine
 * drops trailing zeros (`10:00:00.12Z`) and writes `P14DT2H`.
 */
function temporalToIso(value: unknown): string {
  if (neo4j.isDuration(value as never)) return durationToIso(value as Duration);
  return String(value).replace(/\.(\d*?)0*(?=\D|$)/, (_, digits: string) => (digits ? `.${digits}` : ''));
}

function durationToIso(d: Duration): string {
  const [months, days, seconds, nanoseconds] = [d.months, d.days, d.seconds, d.nanoseconds].map((n) => Number(n));
  const part = (n: number, unit: string) => (n ? `${n}${unit}` : '');
  const fraction = nanoseconds ? `.${String(nanoseconds).padStart(9, '0').replace(/0+$/, '')}` : '';
  const date = part(Math.trunc(months / 12), 'Y') + part(months % 12, 'M') + part(days, 'D');
  const time = part(Math.trunc(seconds / 3600), 'H') + part(Math.trunc((seconds % 3600) / 60), 'M') + (seconds % 60 || fraction ? `${seconds % 60}${fraction}S` : '');
  return date || time ? `P${date}${time ? `T${time}` : ''}` : 'PT0S';
}

/** Integers to numbers (beyond 2^53 as strings, never silently wrong), temporal values to ISO strings, graph objects to their properties. */
export function fromNeo4jValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) {
    const int = value as ReturnType<typeof neo4j.int>;
    return int.inSafeRange() ? int.toNumber() : int.toString();
  }
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (isTemporal(value)) return temporalToIso(value);
  if (neo4j.isNode(value as never) || neo4j.isRelationship(value as never)) {
    return fromNeo4jValue((value as { properties: unknown }).properties);
  }
  if (Array.isArray(value)) return value.map(fromNeo4jValue);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, fromNeo4jValue(v)]));
  }
  return value;
}
