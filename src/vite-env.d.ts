/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_DASHBOARD_ORIGIN?: string;
  readonly VITE_IDP_PORT?: string;
}
