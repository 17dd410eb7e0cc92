// Start-up: read config.json, complete any pending sign-in, then render.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { ConfigErrorPage } from './app/config-error-page';
import './index.css';
import { bootstrapMsal } from './lib/auth/msal';
import { loadAppConfig } from './lib/config/app-config';
import { detectEmbed } from './lib/embed/embed-mode';

const root = createRoot(document.getElementById('root')!);

async function start() {
  let config;
  try {
    config = await loadAppConfig();
  } catch (error) {
    root.render(<ConfigErrorPage error={error} />);
    return;
  }
  const embed = detectEmbed();
  document.documentElement.classList.toggle('dark', embed.theme === 'dark');
  try {
    const { instance, redirectError } = await bootstrapMsal(config, embed.embedded);
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

void start();
