/**
 * API keys and their scopes. Keys are held only as SHA-256 digests and compared in constant time.
 *
 * In NEWSGRAPH_API_KEYS, a comma-separated list: `key` alone means `read+ingest` (what a key meant
 * before scopes existed); `key:scope+scope` names the scopes (`read`, `ingest`, `admin`).
 * In the file named by NEWSGRAPH_API_KEYS_FILE, one key per line: `sha256:<64 hex> <scopes> <name>`
 * (`#` starts a comment). `admin` implies `ingest` and `read`.
 */
import crypto from 'node:crypto';

export const SCOPES = ['read', 'ingest', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

export interface ApiKey {
  /** What logs and curation records name the key by; never the key itself. */
  name: string;
  /** SHA-256 of the key. */
  digest: Buffer;
  scopes: ReadonlySet<Scope>;
}

/** Who a request comes from: no key, a known key, or a key this server does not know. */
export type Principal = { kind: 'anonymous' } | { kind: 'key'; key: ApiKey } | { kind: 'invalid' };

const PLAIN_KEY_SCOPES: Scope[] = ['read', 'ingest'];
const SCOPE_LIST = /^(read|ingest|admin)(\+(read|ingest|admin))*$/;

export function sha256(value: string): Buffer {
  return crypto.createHash('sha256').update(value).digest();
}

function withImplied(scopes: Iterable<Scope>): ReadonlySet<Scope> {
  const set = new Set(scopes);
  if (set.has('admin')) {
    set.add('ingest');
    set.add('read');
  }
  return set;
}

function parseScopes(text: string): Scope[] | null {
  return SCOPE_LIST.test(text) ? (text.split('+') as Scope[]) : null;
}

/** One entry of NEWSGRAPH_API_KEYS: `key` or `key:scopes`. A colon not followed by scopes belongs to the key. */
export function parseKeyEntry(entry: string, name: string): ApiKey {
  const colon = entry.lastIndexOf(':');
  const scopes = colon > 0 ? parseScopes(entry.slice(colon + 1)) : null;
  const key = scopes ? entry.slice(0, colon) : entry;
  return { name, digest: sha256(key), scopes: withImplied(scopes ?? PLAIN_KEY_SCOPES) };
}

/** Parses NEWSGRAPH_API_KEYS; keys are named `env#1`, `env#2`, … in the order given. */
export function parseKeyList(list: string): ApiKey[] {
  return list
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry, i) => parseKeyEntry(entry, `env#${i + 1}`));
}

/** Parses a key file; returns the keys and one message per bad line (reported with the other configuration problems). */
export function parseKeyFile(text: string, file: string): { keys: ApiKey[]; problems: string[] } {
  const keys: ApiKey[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') return;
    const [hash, scopeText, ...rest] = line.split(/\s+/);
    const digest = /^sha256:[0-9a-f]{64}$/i.test(hash ?? '') ? Buffer.from(hash.slice(7), 'hex') : null;
    const scopes = scopeText ? parseScopes(scopeText) : null;
    const name = rest.join(' ');
    if (!digest || !scopes || name === '') {
      problems.push(`${file}:${i + 1}: expected "sha256:<64 hex digits> <scopes such as read+ingest> <name>"`);
      return;
    }
    keys.push({ name, digest, scopes: withImplied(scopes) });
  });
  return { keys, problems };
}

/** The key a bearer token is, comparing its digest with every known digest in constant time. */
export function authenticate(bearer: string | null, keys: readonly ApiKey[]): Principal {
  if (bearer === null) return { kind: 'anonymous' };
  const given = sha256(bearer);
  let found: ApiKey | null = null;
  for (const key of keys) {
    // No early exit: the time taken does not depend on which key matched, or how much of it.
    if (crypto.timingSafeEqual(given, key.digest) && found === null) found = key;
  }
  return found ? { kind: 'key', key: found } : { kind: 'invalid' };
}

/** The token of an `Authorization: Bearer <token>` header. */
export function bearerOf(request: Request): string | null {
  const authorization = request.headers.get('authorization');
  return authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim() ?? null;
}

/** With public read on, every valid key reads at least what anonymous clients read. */
export function hasScope(principal: Principal, scope: Scope, publicRead: boolean): boolean {
  if (scope === 'read' && publicRead && principal.kind !== 'invalid') return true;
  return principal.kind === 'key' && principal.key.scopes.has(scope);
}

/** Keys given as strings (NEWSGRAPH_API_KEYS syntax) or already parsed (from a key file). */
export type ApiKeyInput = string | ApiKey;

export function toApiKeys(inputs: readonly ApiKeyInput[]): ApiKey[] {
  return inputs.map((input, i) => (typeof input === 'string' ? parseKeyEntry(input, `env#${i + 1}`) : input));
}

/** The name a principal goes by in logs and curation records: a key's name, never the key. */
export function principalName(principal: Principal): string {
  return principal.kind === 'key' ? principal.key.name : principal.kind;
}
