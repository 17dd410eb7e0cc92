// The IdP's own HTML pages (sign-in, sign-out, errors, start page) and their security headers.
import { createHash } from 'node:crypto';
import { DEMO_USER } from './settings.ts';

const TITLE_SUFFIX = 'Local identity provider (development)';

// No external fonts or files: the IdP must work offline and pass a strict CSP.
const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#f3f4f6}
main{max-width:26rem;margin:3rem auto;padding:2rem;background:#fff;border:1px solid #d1d5db;border-radius:.5rem}
h1{margin:0 0 1rem;font-size:1.5rem}
p{margin:0 0 1rem}
.note{font-size:.875rem;color:#374151}
code{font-size:.875rem;overflow-wrap:anywhere}
label{display:block;margin:1rem 0 .25rem;font-weight:600}
input{width:100%;padding:.5rem .625rem;font:inherit;border:1px solid #6b7280;border-radius:.25rem}
input[aria-invalid=true]{border-color:#b91c1c}
button{margin-top:1.5rem;padding:.5rem 1.25rem;font:inherit;font-weight:600;color:#fff;background:#0f5ab8;border:0;border-radius:.25rem;cursor:pointer}
button:hover{background:#0b4a99}
:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
.alert{padding:.625rem .75rem;color:#7f1d1d;background:#fef2f2;border:1px solid #b91c1c;border-radius:.25rem}
`.trim();

const LOGOUT_SCRIPT = "document.getElementById('op.logoutForm').submit();";

export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function sha256Source(text: string): string {
  return `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
}

/**
 * CSP for the pages below: nothing external, inline style and scripts only by hash. form-action
 * lists the app origins because Chromium also checks the redirects that follow a form post
 * (sign-in and sign-out both end in a redirect to the app).
 */
export function pageCsp(appOrigins: string[], scripts: string[] = []): string {
  const scriptSrc = scripts.length ? scripts.map(sha256Source).join(' ') : "'none'";
  return [
    "default-src 'none'",
    `style-src ${sha256Source(STYLE)}`,
    `script-src ${scriptSrc}`,
    "img-src 'self'",
    `form-action 'self' ${appOrigins.join(' ')}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/** Headers for every HTML page the IdP renders itself; like Entra's sign-in page it refuses frames. */
export function pageHeaders(appOrigins: string[], scripts: string[] = []): Record<string, string> {
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': pageCsp(appOrigins, scripts),
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    // Not no-referrer: Chromium then sends `Origin: null` on the form post, which the login check refuses.
    'Referrer-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}

function layout(title: string, body: string, script?: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – ${TITLE_SUFFIX}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>${script ? `\n<script>${script}</script>` : ''}
</body>
</html>
`;
}

const DEV_NOTE = `<p class="note">This is a local development identity provider standing in for Microsoft Entra ID.
Demo account: <code>${escapeHtml(DEMO_USER.username)}</code> (the password is printed where the identity provider was started).</p>`;

export type LoginPageOptions = { action: string; username?: string; error?: string };

export function loginPage({ action, username = '', error }: LoginPageOptions): string {
  const invalid = error ? ' aria-invalid="true" aria-describedby="signin-error"' : '';
  const focusPassword = Boolean(username);
  return layout(
    'Sign in',
    `<h1>Sign in</h1>
${DEV_NOTE}
${error ? `<p class="alert" id="signin-error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${escapeHtml(action)}">
<label for="username">Email</label>
<input id="username" name="username" type="text" inputmode="email" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${escapeHtml(username)}"${invalid}${focusPassword ? '' : ' autofocus'}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${invalid}${focusPassword ? ' autofocus' : ''}>
<button id="signin" type="submit">Sign in</button>
</form>`,
  );
}

/**
 * oidc-provider's confirm form, sent on by script at once (Entra signs a single account out without
 * asking). `logout=yes` ends the whole IdP session, not just this app's part of it.
 */
export function logoutPage(providerForm: string): { html: string; scripts: string[] } {
  const form = providerForm.replace(
    '</form>',
    '<input type="hidden" name="logout" value="yes"/><button id="signout" type="submit">Sign out</button></form>',
  );
  return {
    html: layout('Signing out', `<h1>Signing you out…</h1>\n${form}`, LOGOUT_SCRIPT),
    scripts: [LOGOUT_SCRIPT],
  };
}

export function signedOutPage(): string {
  return layout(
    'Signed out',
    `<h1>You are signed out</h1>
<p>You can close this window.</p>`,
  );
}

export function errorPage(title: string, message: string, detail?: string): string {
  return layout(
    title,
    `<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p>${detail ? `\n<p class="note"><code>${escapeHtml(detail)}</code></p>` : ''}`,
  );
}

/** What people open once to accept the development certificate; `backUrl` is already allowlisted. */
export function startPage(backUrl?: string): string {
  return layout(
    'Running',
    `<h1>Local identity provider (development)</h1>
<p>Local identity provider is running — your browser now trusts its development certificate.</p>
${DEV_NOTE}${backUrl ? `\n<p><a href="${escapeHtml(backUrl)}">Back to the dashboard</a></p>` : ''}`,
  );
}
