// `GET <base>config.json`: the dashboard's runtime config, from the environment or SYNC_RUNS_CONFIG_FILE.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerConfig } from './config.ts';
import { sendText } from './respond.ts';

const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

function firstValue(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value?.split(',')[0]?.trim() || undefined;
}

/**
 * The origin the browser used to reach this server, as seen through a TLS-terminating reverse
 * proxy (X-Forwarded-Proto/-Host) or directly (Host). Null when the Host is malformed.
 * A forged header only changes the forger's own response (config.json is `no-store`).
 */
export function requestOrigin(req: IncomingMessage): string | null {
  const forwardedProto = firstValue(req.headers['x-forwarded-proto'])?.toLowerCase();
  const proto = forwardedProto === 'https' || forwardedProto === 'http' ? forwardedProto : 'http';
  const host = firstValue(req.headers['x-forwarded-host']) ?? req.headers.host;
  if (!host || !HOST.test(host)) return null;
  return `${proto}://${host.toLowerCase()}`;
}

export function configJsonBody(config: ServerConfig, req: IncomingMessage): string | null {
  if (config.configFile) return config.configFile.body;
  let apiBaseUrl = config.apiBaseUrl;
  if (apiBaseUrl === null) {
    const origin = requestOrigin(req);
    if (!origin) return null;
    apiBaseUrl = `${origin}${config.basePath.replace(/\/$/, '')}`;
  }
  return `${JSON.stringify({ apiBaseUrl, ...config.app }, null, 2)}\n`;
}

export function createConfigJsonHandler(config: ServerConfig) {
  return function handleConfigJson(req: IncomingMessage, res: ServerResponse): void {
    const body = configJsonBody(config, req);
    if (body === null) return sendText(req, res, 400, 'Bad Host header');
    const bytes = Buffer.from(body, 'utf8');
    res.statusCode = 200;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Length', bytes.length);
    res.end(req.method === 'HEAD' ? undefined : bytes);
  };
}
