/**
 * DATA_DIR/server.json: where the server holding this DATA_DIR listens, written once it listens and
 * removed when it stops, so the CLI names the port that server really uses (PORT=0 or PORT=8080).
 */
import fs from 'node:fs';
import path from 'node:path';

export const SERVER_FILE = 'server.json';

export interface ServerFile {
  /** http://host:port/graphql */
  url: string;
  pid: number;
  startedAt: string;
}

export function writeServerFile(dataDir: string, url: string): void {
  fs.mkdirSync(dataDir, { recursive: true });
  const content: ServerFile = { url, pid: process.pid, startedAt: new Date().toISOString() };
  fs.writeFileSync(path.join(dataDir, SERVER_FILE), `${JSON.stringify(content, null, 2)}\n`);
}

/** Removes the file if this process wrote it (a second server refused on the same DATA_DIR must not remove the first's). */
export function removeServerFile(dataDir: string): void {
  const found = readServerFile(dataDir, { alive: false });
  if (found?.pid === process.pid) fs.rmSync(path.join(dataDir, SERVER_FILE), { force: true });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The running server of this DATA_DIR; null when there is no file, or (by default) when its process has gone (a server killed with SIGKILL). */
export function readServerFile(dataDir: string, options: { alive: boolean } = { alive: true }): ServerFile | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(dataDir, SERVER_FILE), 'utf8')) as ServerFile;
    if (typeof parsed.url !== 'string' || typeof parsed.pid !== 'number') return null;
    return !options.alive || processAlive(parsed.pid) ? parsed : null;
  } catch {
    return null;
  }
}
