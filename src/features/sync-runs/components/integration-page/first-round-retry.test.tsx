// @vitest-environment jsdom
// The first round's request starts before the page's code has arrived (useOpenedWindow's prefetch).
// A retry of that request is shown like any other: its cause and a countdown to the next try.
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '@/test/msw-server';
import { renderWithApp } from '@/test/render';
import { PATH, apiError, integration, page, run } from '@/test/sync-runs-pages';
import { IntegrationPage } from './integration-page';

describe('a retry of the first request, started before the page’s code', () => {
  it('shows its countdown like any other retry', async () => {
    let answers = 0;
    server.use(
      http.get(PATH, () => {
        answers += 1;
        if (answers === 1)
          return apiError(503, 'unavailable', 'Try later.', { 'Retry-After': '5' });
        return HttpResponse.json(page([run('r1', 10)], null));
      }),
    );
    renderWithApp(<IntegrationPage integration={integration} />, {
      route: '/integrations/halopsa?range=24h',
    });
    const notice = await screen.findByText(/Trying again in [1-5] s\./, undefined, {
      timeout: 4000,
    });
    expect(notice).toHaveTextContent(/Neo answered with an error \(unavailable/);
    expect(notice).toHaveTextContent(/Retry 1 of one page/);
    expect(answers).toBe(1);
  });
});
