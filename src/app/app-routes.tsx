// The route table shared by the full dashboard and the embedded widget.
import { Route, Routes } from 'react-router';
import { ErrorBoundary } from '@/components/error-boundary';
import type { AppConfig } from '@/lib/config/app-config';
import { TemporalUiContext } from '@/features/sync-runs/hooks/use-temporal-ui';
import { IntegrationRoute, NotFoundRoute, OverviewRoute } from './routes';

export function AppRoutes({ config }: { config: AppConfig }) {
  return (
    <TemporalUiContext.Provider value={config.temporalUiUrl ?? null}>
      <Routes>
        <Route
          index
          element={
            <ErrorBoundary label="The overview">
              <OverviewRoute config={config} />
            </ErrorBoundary>
          }
        />
        <Route
          path="integrations/:name"
          element={
            <ErrorBoundary label="This integration's page">
              <IntegrationRoute config={config} />
            </ErrorBoundary>
          }
        />
        <Route path="*" element={<NotFoundRoute />} />
      </Routes>
    </TemporalUiContext.Provider>
  );
}
