// MSAL v5 redirect bridge: hands the identity provider's response to the window that asked for it.
// It must not boot the app or MSAL (see README, "Sign-in").
import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';

broadcastResponseToMainFrame().catch((error: unknown) => {
  const p = document.querySelector('p');
  if (p) p.textContent = `Sign-in could not be completed: ${String(error)}`;
});
