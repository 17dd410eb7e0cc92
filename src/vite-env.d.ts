/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_DASHBOARD_ORIGIN?: string;
  readonly VITE_IDP_PORT?: string;
  /** package.json's version, set by vite.config.ts. */
  readonly VITE_APP_VERSION?: string;
}
