// MSAL's popup relay (protocol v2) for sign-in from inside a cross-site iframe: it opens the identity
// provider's page on the user's click and only ever navigates to the configured authority's origin.
import { runPopupRelay } from '@azure/msal-browser/popup-relay';
import { loadAppConfig } from '@/lib/config/app-config';

const button = document.getElementById('continue') as HTMLButtonElement;
const status = document.getElementById('status') as HTMLParagraphElement;

loadAppConfig()
  .then((config) => {
    const authorityOrigin = new URL(config.auth.authority).origin;
    button.disabled = false;
    button.addEventListener('click', () => {
      status.textContent = `Opening ${authorityOrigin}…`;
      runPopupRelay({ protocolVersion: 2, allowedAuthorityOrigins: [authorityOrigin] });
    });
  })
  .catch((error: unknown) => {
    status.textContent = `Sign-in cannot start: ${error instanceof Error ? error.message : String(error)}`;
  });
