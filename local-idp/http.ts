// Node HTTP plumbing for the IdP: loopback HTTPS listeners, small form bodies, body replay.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import { Readable } from 'node:stream';

const MAX_FORM_BYTES = 16 * 1024;

/** A request as oidc-provider sees it when mounted under a path (it reads `originalUrl`). */
export type MountedRequest = IncomingMessage & { originalUrl?: string };

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_FORM_BYTES) throw new Error('request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** A stand-in request carrying a rewritten body; oidc-provider reads it like the original. */
export function withBody(req: IncomingMessage, body: Buffer): MountedRequest {
  const replay = Readable.from([body], { objectMode: false });
  return Object.assign(replay, {
    headers: { ...req.headers, 'content-length': String(body.length) },
    rawHeaders: req.rawHeaders,
    method: req.method,
    url: req.url,
    httpVersion: req.httpVersion,
    httpVersionMajor: req.httpVersionMajor,
    httpVersionMinor: req.httpVersionMinor,
    socket: req.socket,
    connection: req.socket,
    complete: true,
  }) as unknown as MountedRequest;
}

/** Listens on `host`, or on both loopback addresses when none is given. */
export async function listenAll(
  port: number,
  host: string | undefined,
  handler: Handler,
  tls: { key: string; cert: string },
): Promise<Server[]> {
  const listenOn = (address: string) =>
    new Promise<Server>((resolve, reject) => {
      const server = createServer({ key: tls.key, cert: tls.cert }, handler);
      server.once('error', reject);
      server.listen(port, address, () => {
        server.off('error', reject);
        resolve(server);
      });
    });
  if (host) return [await listenOn(host).catch((error) => Promise.reject(portError(error, port)))];

  // Browsers try both ::1 and 127.0.0.1 for `localhost`; Node resolves it to one of them.
  const v4 = await listenOn('127.0.0.1').catch((error) => Promise.reject(portError(error, port)));
  try {
    return [v4, await listenOn('::1')];
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRNOTAVAIL' || code === 'EAFNOSUPPORT') return [v4];
    await closeServer(v4);
    throw portError(error, port);
  }
}

function portError(error: unknown, port: number): unknown {
  if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') return error;
  return new Error(
    `Port ${port} is already in use. Is another local identity provider running? Set IDP_PORT to use another port.`,
    { cause: error },
  );
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // Browsers keep connections open; without this, close() waits for them to time out.
    server.closeAllConnections();
  });
}
