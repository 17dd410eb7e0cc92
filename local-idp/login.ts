// The sign-in page at /login/<uid>: shows the form for a pending sign-in, checks the demo
// credentials and tells oidc-provider who signed in.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { readBody } from './http.ts';
import { errorPage, loginPage, pageHeaders } from './pages.ts';
import { verifyCredentials } from './provider.ts';

const WRONG_CREDENTIALS = 'Wrong email or password.';

export type LoginContext = { provider: Provider; appOrigins: string[]; selfOrigin: string };

export async function handleLogin(
  { provider, appOrigins, selfOrigin }: LoginContext,
  req: IncomingMessage,
  res: ServerResponse,
  uid: string,
) {
  const sendPage = (status: number, html: string) => {
    res.writeHead(status, pageHeaders(appOrigins));
    res.end(html);
  };
  let details;
  try {
    details = await provider.interactionDetails(req, res);
  } catch {
    details = undefined;
  }
  if (!details || details.uid !== uid) {
    sendPage(
      400,
      errorPage(
        'Sign-in expired',
        'This sign-in page has expired or was opened in another browser. Go back to the dashboard and sign in again.',
      ),
    );
    return;
  }
  if (details.prompt.name !== 'login') {
    // Consent is granted automatically (provider.ts), so only a sign-in can be pending here.
    sendPage(400, errorPage('Sign-in error', 'This request cannot be completed here.'));
    return;
  }
  const action = `/login/${encodeURIComponent(uid)}`;
  if (req.method === 'GET') {
    const hint = details.params.login_hint;
    sendPage(200, loginPage({ action, username: typeof hint === 'string' ? hint : '' }));
    return;
  }
  const origin = req.headers.origin;
  if (origin && origin !== selfOrigin) {
    sendPage(403, errorPage('Sign-in refused', 'The form was sent from another site.'));
    return;
  }
  const form = new URLSearchParams((await readBody(req)).toString('utf8'));
  const username = form.get('username') ?? '';
  const accountId = verifyCredentials(username, form.get('password') ?? '');
  if (!accountId) {
    sendPage(200, loginPage({ action, username, error: WRONG_CREDENTIALS }));
    return;
  }
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId } },
    { mergeWithLastSubmission: false },
  );
}
