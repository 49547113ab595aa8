/**
 * The local key: on a fresh install that listens on loopback only and has no keys configured, the
 * server makes one key for its owner and keeps it in DATA_DIR, readable by the owner alone, so that
 * articles can be loaded without inventing a key and restarting. The CLI reads the same file when it
 * talks to a server on this machine. Any other HOST keeps the rule "no keys, no mutations".
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { sha256, type ApiKey, type Scope } from './keys.ts';

export const LOCAL_KEY_FILE = 'local-api-key';

/** Enough to load articles and read; curation (`admin`) still needs a configured key. */
export const LOCAL_KEY_SCOPES: readonly Scope[] = ['read', 'ingest'];

/** True for a host that only this machine can reach: localhost, 127.0.0.0/8, ::1. */
export function isLoopback(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost') return true;
  if (net.isIPv4(h)) return h.startsWith('127.');
  if (net.isIPv6(h)) return h === '::1' || /^::ffff:127\./.test(h);
  return false;
}

export function localKeyFile(dataDir: string): string {
  return path.join(dataDir, LOCAL_KEY_FILE);
}

/** The key in DATA_DIR, or null when there is none (or it cannot be read). */
export function readLocalKey(dataDir: string): string | null {
  try {
    const key = fs.readFileSync(localKeyFile(dataDir), 'utf8').trim();
    return key || null;
  } catch {
    return null;
  }
}

/**
 * The local key, made on first use: 32 random bytes, in a file only the owner may read or write.
 * A file that others can read is narrowed to the owner before its key is used.
 */
export function ensureLocalKey(dataDir: string): { key: string; file: string; created: boolean } {
  const file = localKeyFile(dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const existing = readLocalKey(dataDir);
  if (existing) {
    if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
    return { key: existing, file, created: false };
  }
  const key = `ngl_${crypto.randomBytes(32).toString('base64url')}`;
  // Created with its final mode: there is no moment when another user could open it.
  fs.writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'w' });
  fs.chmodSync(file, 0o600);
  return { key, file, created: true };
}

export function localApiKey(key: string): ApiKey {
  return { name: 'local', digest: sha256(key), scopes: new Set(LOCAL_KEY_SCOPES) };
}
