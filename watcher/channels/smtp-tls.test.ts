// An SMTP login never travels unencrypted: without implicit TLS the email channel needs STARTTLS,
// and a server that does not offer it gets no AUTH command and no message.
import { describe, expect, it } from 'vitest';
import type { ResolvedChannel } from '../secrets.ts';
import { hostileNotice } from './hostile-corpus.ts';
import { createSender, DeliveryError } from './send.ts';
import { smtpReceiver } from './test-receivers.ts';

function mailChannel(
  port: number,
  smtp: Partial<Extract<ResolvedChannel, { type: 'email' }>['smtp']>,
) {
  return {
    name: 'mail',
    type: 'email' as const,
    smtp: { host: '127.0.0.1', port, secure: false, ...smtp },
    from: 'sync-runs@example.com',
    to: ['oncall@example.com'],
  };
}

describe('STARTTLS is required with an SMTP login', () => {
  it.each([
    ['by default', {}],
    ['even when the config says requireTls: false', { requireTls: false }],
  ])('%s: a server without STARTTLS is refused before the login is sent', async (_how, extra) => {
    const smtp = await smtpReceiver();
    const sender = createSender(
      mailChannel(smtp.port, { user: 'watcher', pass: 'smtp-password-123', ...extra }),
    );
    await expect(sender.check!()).rejects.toBeInstanceOf(DeliveryError);
    const error = await sender.send(hostileNotice('x')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeliveryError);
    expect(String((error as Error).message)).not.toContain('smtp-password-123');
    expect(smtp.logins).toEqual([]);
    expect(smtp.messages).toEqual([]);
  });

  it('without a login, a server without STARTTLS still gets the message', async () => {
    const smtp = await smtpReceiver();
    await createSender(mailChannel(smtp.port, {})).send(hostileNotice('x'));
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.logins).toEqual([]);
  });
});
