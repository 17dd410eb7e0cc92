// Start-up: paint the shell at once, then read config.json and load the app (MSAL included) in
// parallel, complete any pending sign-in, and render.
import { createRoot } from 'react-dom/client';
import { ConfigErrorPage } from '@/app/config-error-page';
import { StartupShell } from '@/app/startup-shell';
import './index.css';
import { loadAppConfig } from '@/lib/config/app-config';
import { detectEmbed } from '@/lib/embed/embed-mode';
import { installTheme } from '@/lib/theme/use-theme';

// The theme before anything paints: the host's choice for a widget, else the remembered or system one.
const embed = detectEmbed();
installTheme(embed.embedded ? embed.theme : undefined);

const root = createRoot(document.getElementById('root')!);
root.render(<StartupShell />);

async function start() {
  const app = import('@/app/start');
  // A deep link to an integration (support tickets): fetch its page's code alongside, not after.
  if (window.location.pathname.includes('/integrations/')) {
    void import('@/features/sync-runs/components/integration-page/integration-page');
  }
  let config;
  try {
    config = await loadAppConfig();
  } catch (error) {
    root.render(<ConfigErrorPage error={error} />);
    return;
  }
  try {
    const { startApp } = await app;
    await startApp(root, config);
  } catch (error) {
    root.render(<ConfigErrorPage error={error} />);
  }
}

void start();
