import pino from 'pino';

export type Logger = pino.Logger;

/** JSON lines on stdout; never log article text or API keys. */
export function createLogger(level = 'info'): Logger {
  return pino({ level, base: { service: 'newsgraph' } });
}
