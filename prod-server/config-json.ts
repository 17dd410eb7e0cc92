// `GET <base>config.json`: the dashboard's runtime config, from the environment or SYNC_RUNS_CONFIG_FILE.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerConfig } from './config.ts';
import { requestHost, requestProto } from './forwarding.ts';
import { sendText } from '../server-kit/responses.ts';

const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * The origin the browser used to reach this server: directly (Host), or through a trusted
 * TLS-terminating reverse proxy (X-Forwarded-Proto/-Host, only with SYNC_RUNS_TRUST_PROXY=1).
 * Null when the host is malformed. A forged Host only changes the forger's own response
 * (config.json is `no-store`).
 */
export function requestOrigin(req: IncomingMessage, trustProxy: boolean): string | null {
  const host = requestHost(req, trustProxy);
  if (!host || !HOST.test(host)) return null;
  return `${requestProto(req, trustProxy)}://${host.toLowerCase()}`;
}

/** config.json is generated per request, so it is never stored (static-host-config.ts: the same). */
export const CONFIG_JSON_CACHE_CONTROL = 'no-store';

/** config.json's text for a known apiBaseUrl; SYNC_RUNS_CONFIG_FILE's text when that is set. */
export function configJsonText(config: ServerConfig, apiBaseUrl: string): string {
  if (config.configFile) return config.configFile.body;
  return `${JSON.stringify({ apiBaseUrl, ...config.app }, null, 2)}\n`;
}

export function configJsonBody(config: ServerConfig, req: IncomingMessage): string | null {
  if (config.configFile) return config.configFile.body;
  let apiBaseUrl = config.apiBaseUrl;
  if (apiBaseUrl === null) {
    const origin = requestOrigin(req, config.trustProxy);
    if (!origin) return null;
    apiBaseUrl = `${origin}${config.basePath.replace(/\/$/, '')}`;
  }
  return configJsonText(config, apiBaseUrl);
}

export function createConfigJsonHandler(config: ServerConfig) {
  return function handleConfigJson(req: IncomingMessage, res: ServerResponse): void {
    const body = configJsonBody(config, req);
    if (body === null) return sendText(req, res, 400, 'Bad Host header');
    const bytes = Buffer.from(body, 'utf8');
    res.statusCode = 200;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Cache-Control', CONFIG_JSON_CACHE_CONTROL);
    res.setHeader('Content-Length', bytes.length);
    res.end(req.method === 'HEAD' ? undefined : bytes);
  };
}
