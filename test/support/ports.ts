/** Ports for tests that start servers of their own. */
import net from 'node:net';

/** A port nothing listens on (just closed): free for a server to take, or refused when connected to. */
export async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((listening) => probe.listen(0, '127.0.0.1', listening));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((closed) => probe.close(closed));
  return port;
}
