// The body each channel receives for a notice: a Teams Adaptive Card, Slack Block Kit, an email's
// text and HTML parts. Pure: no I/O; every piece of API text sanitised (sanitiseNotice: credentials
// redacted, controls removed, URLs defanged), then escaped for its markup.
import { sanitiseNotice, type Notice } from '../notice.ts';
import {
  digestLines,
  escapeCardMarkdown,
  escapeHtml,
  escapeSlack,
  facts,
  safeLink,
  truncate,
} from './text.ts';

const OPEN = 'Open in Sync Runs';

export function teamsPayload(raw: Notice) {
  const notice = sanitiseNotice(raw);
  const link = safeLink(notice.link);
  const color =
    notice.severity === 'problem'
      ? 'attention'
      : notice.severity === 'recovery'
        ? 'good'
        : 'default';
  const lines = notice.kind === 'digest' ? digestLines(notice) : [notice.text];
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            {
              type: 'TextBlock',
              text: escapeCardMarkdown(notice.title),
              weight: 'Bolder',
              size: 'Medium',
              color,
              wrap: true,
            },
            ...lines.map((line) => ({
              type: 'TextBlock',
              text: escapeCardMarkdown(line),
              wrap: true,
            })),
            {
              type: 'FactSet',
              facts: facts(notice).map(([title, value]) => ({
                title,
                value: escapeCardMarkdown(value),
              })),
            },
          ],
          actions: link ? [{ type: 'Action.OpenUrl', title: OPEN, url: link }] : [],
        },
      },
    ],
  };
}

export function slackPayload(raw: Notice) {
  const notice = sanitiseNotice(raw);
  const link = safeLink(notice.link);
  const lines = notice.kind === 'digest' ? digestLines(notice) : [notice.text];
  const context = facts(notice)
    .map(([, value]) => escapeSlack(value))
    .join(' · ');
  return {
    text: truncate(escapeSlack(`${notice.title}: ${notice.text}`), 3000),
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: truncate(notice.title, 150) } },
      ...lines.map((line) => ({
        type: 'section',
        text: { type: 'mrkdwn', text: truncate(escapeSlack(line), 3000) },
      })),
      ...(context ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: context }] }] : []),
      ...(link
        ? [
            {
              type: 'actions',
              elements: [{ type: 'button', text: { type: 'plain_text', text: OPEN }, url: link }],
            },
          ]
        : []),
    ],
  };
}

export function emailMessage(raw: Notice) {
  const notice = sanitiseNotice(raw);
  const link = safeLink(notice.link);
  const lines = notice.kind === 'digest' ? digestLines(notice) : [notice.text];
  const factLines = facts(notice).map(([k, v]) => `${k}: ${v}`);
  const text = [
    notice.title,
    '',
    ...lines,
    '',
    ...factLines,
    ...(link ? ['', `${OPEN}: ${link}`] : []),
  ].join('\n');
  const html = [
    `<h2>${escapeHtml(notice.title)}</h2>`,
    ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    factLines.length
      ? `<ul>${facts(notice)
          .map(([k, v]) => `<li>${escapeHtml(k)}: ${escapeHtml(v)}</li>`)
          .join('')}</ul>`
      : '',
    link ? `<p><a href="${escapeHtml(link)}">${OPEN}</a></p>` : '',
  ].join('\n');
  return {
    subject: truncate(`[Sync Runs] ${notice.title}`.replace(/[\r\n]+/g, ' '), 200),
    text,
    html,
  };
}
