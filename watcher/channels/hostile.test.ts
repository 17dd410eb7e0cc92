// A hostile corpus of API text through every channel: the message builders, and real deliveries to
// local receivers. Nothing a reader gets carries a credential, an escape or control character, or a
// link other than the dashboard link; the model's sentence still reads.
import { describe, expect, it } from 'vitest';
import type { Notice } from '../notice.ts';
import { deliver } from './deliver.ts';
import { FORBIDDEN, hostileNotice, hostileNotices, NEO_KEY, problemsIn } from './hostile-corpus.ts';
import { emailMessage, slackPayload, teamsPayload } from './messages.ts';
import { webhookRequest } from './signature.ts';
import { localChannels, WEBHOOK_SECRET } from './test-receivers.ts';
import { escapeHtml } from './text.ts';

const NOW = Date.parse('2026-11-28T12:00:00Z');
const SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
const OPEN = 'Open in Sync Runs';
const { notices, digest } = hostileNotices();
const LINK = notices[0]!.link;
const all = [...notices, digest];

type Block = { type: string; text?: { type: string; text: string } | string; elements?: Block[] };

/** Every mrkdwn text of a Slack message (its top-level text is mrkdwn too). */
function mrkdwnTexts(payload: { text: string; blocks: Block[] }): string[] {
  const texts = [payload.text];
  const walk = (block: Block) => {
    if (typeof block.text === 'object' && block.text.type === 'mrkdwn') texts.push(block.text.text);
    if (block.type === 'mrkdwn' && typeof block.text === 'string') texts.push(block.text);
    block.elements?.forEach(walk);
  };
  payload.blocks.forEach(walk);
  return texts;
}

describe('hostile API text in each message body', () => {
  it.each(all.map((n) => [n.title.slice(0, 40), n] as const))(
    'Teams: %j stays escaped text with only the dashboard link',
    (_title, notice) => {
      const payload = teamsPayload(notice);
      expect(problemsIn(JSON.stringify(payload), [LINK, SCHEMA])).toEqual([]);
      const card = payload.attachments[0]!.content;
      expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: OPEN, url: LINK }]);
      type Shown = { text?: string; facts?: { value: string }[] };
      const texts = (card.body as Shown[]).flatMap((b) => [
        b.text ?? '',
        ...(b.facts ?? []).map((f) => f.value),
      ]);
      // Markdown link or emphasis syntax only ever escaped.
      for (const text of texts) expect(text).not.toMatch(/(?<!\\)[[\]*_]/);
    },
  );

  it.each(all.map((n) => [n.title.slice(0, 40), n] as const))(
    'Slack: %j has no mrkdwn link or mention, and only the dashboard button',
    (_title, notice) => {
      const payload = slackPayload(notice);
      expect(problemsIn(JSON.stringify(payload), [LINK])).toEqual([]);
      for (const text of mrkdwnTexts(payload as never)) expect(text).not.toMatch(/[<>]/);
      const urls = JSON.stringify(payload).match(/"url":"[^"]*"/g);
      expect(urls).toEqual([`"url":${JSON.stringify(LINK)}`]);
    },
  );

  it.each(all.map((n) => [n.title.slice(0, 40), n] as const))(
    'email: %j as text and HTML with one link, to the dashboard',
    (_title, notice) => {
      const mail = emailMessage(notice);
      expect(problemsIn(mail.subject)).toEqual([]);
      expect(mail.subject).not.toMatch(/[\r\n]/);
      expect(problemsIn(mail.text, [`${OPEN}: ${LINK}`])).toEqual([]);
      const anchor = `<a href="${escapeHtml(LINK)}">${OPEN}</a>`;
      expect(mail.html.split(anchor)).toHaveLength(2);
      const rest = mail.html.replace(anchor, '');
      expect(problemsIn(rest)).toEqual([]);
      expect(rest).not.toMatch(/<(?!\/?(?:h2|p|ul|li)>)/);
      if (notice.kind !== 'digest') {
        // Title, blank, the sentence on one line, blank, three facts, blank, the link.
        expect(mail.text.split('\n')).toHaveLength(9);
      }
    },
  );

  it.each(all.map((n) => [n.title.slice(0, 40), n] as const))(
    'webhook: %j is signed over the sanitised notice',
    (_title, notice) => {
      const { body } = webhookRequest(notice, WEBHOOK_SECRET, NOW);
      expect(problemsIn(body, [LINK])).toEqual([]);
      expect(JSON.parse(body).notice.link).toBe(LINK);
    },
  );

  it('keeps the model’s sentence readable around what was removed', () => {
    const [bearer, header, , query, , , pairs, ansi, split] = notices.map((n) => emailMessage(n));
    const lead = 'Tickets: Board (444) fails with permission_denied in 3 runs: ';
    expect(bearer!.text).toContain(`${lead}401 Unauthorized for Bearer [redacted]`);
    expect(header!.text).toContain(`${lead}request failed: Authorization: [redacted]`);
    expect(query!.text).toContain(
      `${lead}GET hxxps[://]api[.]vendor[.]example/v1/tickets?api_key=[redacted]&page=2 -> 403`,
    );
    expect(pairs!.text).toContain('password=[redacted] user=admin; client_secret: [redacted]');
    expect(ansi!.text).toContain(`${lead}RED click here  done`);
    expect(split!.text).toContain('split key [redacted key]');
    expect(teamsPayload(notices[12]!).attachments[0]!.content.body[0]!.text).toBe(
      'HaloPSA: \\[click\\]\\(hxxps\\[://\\]evil\\[.\\]example\\) \\*\\*bold\\*\\* \\_it\\_ <hxxps\\[://\\]evil\\[.\\]example\\|Slack link\\> <\\!channel\\> <@U123\\> is failing',
    );
  });
});

/** One sender of each kind, to local receivers; the key is scrubbed as main.ts asks. */
async function senders(secrets: string[]) {
  const channels = await localChannels(secrets, { now: () => NOW });
  const sendAll = async (items: Notice[]) => {
    for (const sender of channels.senders.values())
      for (const notice of items)
        expect(await deliver(sender, notice, { attempts: 1 })).toMatchObject({ ok: true });
  };
  return { ...channels, sendAll };
}

describe('real deliveries of hostile API text', () => {
  it('reach Teams, Slack, the webhook and email without a credential, escape or planted link', async () => {
    const { sendAll, delivered, http, smtp } = await senders([]);
    await sendAll(all);
    expect(http.received).toHaveLength(3 * all.length);
    expect(smtp.messages).toHaveLength(all.length);
    for (const text of delivered())
      expect(problemsIn(text, [LINK, escapeHtml(LINK), SCHEMA])).toEqual([]);
    // What was removed was there to remove: the corpus itself fails the check.
    expect(problemsIn(JSON.stringify(notices))).not.toEqual([]);
  });

  it('never carry the watcher’s API key, whatever its shape or spelling in the API text', async () => {
    const opaque = 'Opaque/Watcher+Key=0123456789';
    const quoting = [
      `upstream said: ${opaque} is not valid here`,
      `retry with ?key=${encodeURIComponent(opaque)} later`,
      `401 for ${NEO_KEY} (sent as x-api-key)`,
      `echo: ${NEO_KEY.split('').join('\u200b')}`,
    ].map((text, i) => hostileNotice(text, { key: `quoting-${i}` }));
    const { sendAll, delivered } = await senders([opaque, NEO_KEY]);
    await sendAll(quoting);
    const everything = delivered().join('\n');
    expect(everything).toContain('upstream said: [redacted key] is not valid here');
    for (const form of [opaque, encodeURIComponent(opaque), NEO_KEY, ...FORBIDDEN.slice(2, 4)])
      expect(everything).not.toContain(form);
  });
});
