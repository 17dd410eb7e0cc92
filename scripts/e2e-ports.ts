// Ports of the end-to-end stack: different from `npm start`'s so both can run at once.
export const E2E_IDP_PORT = 9443;
export const E2E_STANDIN_PORT = 9787;
export const E2E_APP_PORT = 4173;
export const E2E_APP_ORIGIN = `http://localhost:${E2E_APP_PORT}`;
