// A demo support portal: signs in with its own app registration and hands the embedded Sync Runs
// widget an access token over postMessage (the protocol in docs/embedding.md). Development only.
import { PublicClientApplication } from '@azure/msal-browser';
import { API_SCOPE, PORTAL_CLIENT_ID, idpAuthority } from '../../local-idp/settings.ts';
import { integrationPath } from '@/domain/sync-runs/view/integration-path';

const DASHBOARD_ORIGIN = import.meta.env.VITE_DASHBOARD_ORIGIN ?? 'http://localhost:5173';
const IDP_PORT = Number(import.meta.env.VITE_IDP_PORT ?? 8443);

const status = document.getElementById('portal-status') as HTMLParagraphElement;
const signInButton = document.getElementById('portal-sign-in') as HTMLButtonElement;
const iframe = document.getElementById('widget') as HTMLIFrameElement;
const integration = document.getElementById('integration') as HTMLSelectElement;
const dark = document.getElementById('dark') as HTMLInputElement;

const msal = new PublicClientApplication({
  auth: {
    clientId: PORTAL_CLIENT_ID,
    authority: idpAuthority(IDP_PORT),
    knownAuthorities: [`localhost:${IDP_PORT}`],
    redirectUri: `${location.origin}/redirect.html`,
  },
});

function widgetUrl(): string {
  const url = new URL(integrationPath(integration.value), DASHBOARD_ORIGIN);
  url.searchParams.set('embed', '1');
  if (dark.checked) url.searchParams.set('theme', 'dark');
  return url.toString();
}

async function tokenForWidget() {
  const account = msal.getActiveAccount() ?? msal.getAllAccounts()[0];
  if (!account) throw new Error('Sign in to the portal first.');
  const result = await msal.acquireTokenSilent({ account, scopes: [API_SCOPE] });
  return {
    accessToken: result.accessToken,
    expiresOn: result.expiresOn?.getTime() ?? Date.now() + 300_000,
  };
}

// Answer only the widget's own frame, only from the dashboard's origin, and only to that origin.
window.addEventListener('message', (event: MessageEvent) => {
  if (event.origin !== DASHBOARD_ORIGIN || event.source !== iframe.contentWindow) return;
  const data = event.data as { type?: string; nonce?: string; height?: number };
  if (data.type === 'sync-runs:resize' && typeof data.height === 'number') {
    iframe.style.height = `${Math.min(Math.max(data.height, 200), 4000)}px`;
    return;
  }
  if (data.type !== 'sync-runs:token-request' || typeof data.nonce !== 'string') return;
  const nonce = data.nonce;
  tokenForWidget().then(
    (token) =>
      iframe.contentWindow?.postMessage(
        { type: 'sync-runs:token', version: 1, nonce, ...token },
        DASHBOARD_ORIGIN,
      ),
    (error: unknown) =>
      iframe.contentWindow?.postMessage(
        {
          type: 'sync-runs:token-error',
          version: 1,
          nonce,
          message: error instanceof Error ? error.message : String(error),
        },
        DASHBOARD_ORIGIN,
      ),
  );
});

async function start() {
  await msal.initialize();
  const result = await msal.handleRedirectPromise();
  const account = result?.account ?? msal.getAllAccounts()[0];
  if (account) {
    msal.setActiveAccount(account);
    status.textContent = `Signed in to the portal as ${account.username}.`;
    iframe.src = widgetUrl();
  } else {
    status.textContent = 'You are not signed in to the portal.';
    signInButton.hidden = false;
  }
}

signInButton.addEventListener('click', () => void msal.loginRedirect({ scopes: [API_SCOPE] }));
integration.addEventListener('change', () => (iframe.src = widgetUrl()));
// The portal's own theme switch: tell the widget, no reload (it keeps its state).
dark.addEventListener('change', () =>
  iframe.contentWindow?.postMessage(
    { type: 'sync-runs:theme', version: 1, theme: dark.checked ? 'dark' : 'light' },
    DASHBOARD_ORIGIN,
  ),
);
void start().catch((error: unknown) => {
  status.textContent = `Portal sign-in failed: ${error instanceof Error ? error.message : String(error)}`;
});
