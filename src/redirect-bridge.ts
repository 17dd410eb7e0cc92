// MSAL v5 redirect bridge: hands the identity provider's response to the window that asked for it.
// It must not boot the app or MSAL (see docs/deployment.md, "Pointing it at the real Neo API and Microsoft Entra ID").
import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';

// In a popup, MSAL's bridge broadcasts the answer and closes this window at once. The popup relay
// (sign-in inside an embedded widget) checks every 500 ms whether this window is closed, and if it
// sees it closed before the broadcast has reached it, it reports "user cancelled" instead. The two
// travel separately between processes, so under load the close can win. Closing a moment later
// lets the answer arrive first; the user sees "Signing in…" for under a second longer.
const BRIDGE_CLOSE_DELAY_MS = 750;
const closeWindow = window.close.bind(window);
window.close = () => void setTimeout(closeWindow, BRIDGE_CLOSE_DELAY_MS);

broadcastResponseToMainFrame().catch((error: unknown) => {
  const p = document.querySelector('p');
  if (p) p.textContent = `Sign-in could not be completed: ${String(error)}`;
});
