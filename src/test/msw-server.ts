// The MSW server for unit tests: unhandled requests fail the test.
import { setupServer } from 'msw/node';

export const server = setupServer();
