// Secrets come from the environment, named in the config: the Neo API key (server-side only, never
// logged or sent anywhere but the Neo API) and each channel's webhook URL, signing secret or SMTP login.
import { httpsOrLoopbackProblem } from '../src/lib/api/url-rule.ts';
import type { WatcherConfig } from './config.ts';
import { isLoopbackBind } from './ops/guard.ts';

export type ResolvedChannel =
  | { name: string; type: 'teams' | 'slack'; url: string }
  | { name: string; type: 'webhook'; url: string; secret: string }
  | {
      name: string;
      type: 'email';
      smtp: {
        host: string;
        port: number;
        secure?: boolean;
        requireTls?: boolean;
        user?: string;
        pass?: string;
      };
      from: string;
      to: string[];
    };

export type Secrets = {
  apiKey: string;
  channels: ResolvedChannel[];
  /** The ops endpoint's bearer token; required when it listens beyond loopback. */
  opsToken: string | null;
};

const API_KEY = /^neo_sk_[a-z0-9]+_[A-Za-z0-9]{8,}$/;
/** Shared secrets (webhook signing, the ops token) must be long enough not to be guessed. */
export const MIN_SECRET_LENGTH = 32;

/** Every missing or malformed secret is listed (by variable name, never by value). */
export function resolveSecrets(
  config: WatcherConfig,
  env: NodeJS.ProcessEnv,
): { secrets: Secrets | null; problems: string[] } {
  const problems: string[] = [];
  const need = (name: string, what: string): string => {
    const value = env[name]?.trim();
    if (!value) problems.push(`${name} is not set (${what})`);
    return value ?? '';
  };
  const apiKey = need(config.neo.apiKeyEnv, 'the Neo API key, neo_sk_…');
  if (apiKey && !API_KEY.test(apiKey))
    problems.push(
      `${config.neo.apiKeyEnv} does not look like a Neo API key (neo_sk_<env>_<secret>)`,
    );
  const channels = config.channels.map((channel): ResolvedChannel => {
    if (channel.type === 'email') {
      const { userEnv, passEnv, ...smtp } = channel.smtp;
      return {
        name: channel.name,
        type: 'email',
        smtp: {
          ...smtp,
          user: userEnv ? need(userEnv, `SMTP user of channel ${channel.name}`) : undefined,
          pass: passEnv ? need(passEnv, `SMTP password of channel ${channel.name}`) : undefined,
        },
        from: channel.from,
        to: channel.to,
      };
    }
    const url = need(channel.urlEnv, `webhook URL of channel ${channel.name}`);
    const urlProblem = url ? httpsOrLoopbackProblem(url) : null;
    if (urlProblem) problems.push(`${channel.urlEnv} ${urlProblem} (channel ${channel.name})`);
    if (channel.type !== 'webhook') return { name: channel.name, type: channel.type, url };
    const secret = need(channel.secretEnv, `signing secret of channel ${channel.name}`);
    if (secret && secret.length < MIN_SECRET_LENGTH)
      problems.push(
        `${channel.secretEnv} is too short: at least ${MIN_SECRET_LENGTH} characters (signing secret of channel ${channel.name})`,
      );
    return { name: channel.name, type: 'webhook', url, secret };
  });
  const { host, tokenEnv } = config.http;
  const opsToken = env[tokenEnv]?.trim() || null;
  if (!opsToken && !isLoopbackBind(host))
    problems.push(
      `${tokenEnv} is not set: the ops endpoint listens on ${host}, beyond loopback, and will not ` +
        `start without a bearer token for /notices (at least ${MIN_SECRET_LENGTH} characters)`,
    );
  else if (opsToken && opsToken.length < MIN_SECRET_LENGTH)
    problems.push(`${tokenEnv} is too short: at least ${MIN_SECRET_LENGTH} characters`);
  return { secrets: problems.length === 0 ? { apiKey, channels, opsToken } : null, problems };
}
