/** Where the setup project saves the run's one sign-in (cookies and local storage); git-ignored. */
export const SIGNED_IN_STATE = 'test-results/.auth/signed-in.json';
