// The signed-in app, loaded right after the shell paints: MSAL, the router and the features.
import { StrictMode } from 'react';
import type { Root } from 'react-dom/client';
import { bootstrapMsal } from '@/lib/auth/msal';
import { tokenProviderFor } from '@/lib/auth/token-provider';
import type { AppConfig } from '@/lib/config/app-config';
import { detectEmbed } from '@/lib/embed/embed-mode';
import { configureErrorReporting, installGlobalErrorReporting } from '@/lib/errors/error-reporter';
import { signInStorageRefused } from '@/lib/storage/browser-storage';
import { App } from './app';
import { ConfigErrorPage } from './config-error-page';
import { StorageRefusedPage } from './storage-refused-page';

export async function startApp(root: Root, config: AppConfig) {
  configureErrorReporting({ endpoint: config.errorReporting?.endpoint ?? null });
  if (config.errorReporting) installGlobalErrorReporting();
  const embed = detectEmbed();
  // The full app cannot sign in without storage; the widget can (its host's token, or a popup).
  if (!embed.embedded && signInStorageRefused()) {
    root.render(<StorageRefusedPage origin={window.location.origin} />);
    return;
  }
  try {
    const { instance, redirectError } = await bootstrapMsal(config, embed.embedded);
    // Signed in already: the first request's token is asked for while React draws the page (the
    // widget asks its host first). A failure here is the first request's to report.
    if (!embed.embedded && instance.getActiveAccount())
      tokenProviderFor(instance, config.auth.scopes)().catch(() => undefined);
    root.render(
      <StrictMode>
        <App
          config={config}
          msal={instance}
          redirectError={redirectError}
          embedded={embed.embedded}
        />
      </StrictMode>,
    );
  } catch (error) {
    root.render(<ConfigErrorPage error={error} />);
  }
}
