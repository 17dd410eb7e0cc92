// The route table shared by the full dashboard and the embedded widget.
import { Route, Routes } from 'react-router';
import { ErrorBoundary } from '../components/error-boundary';
import type { AppConfig } from '../lib/config/app-config';
import { IntegrationRoute, NotFoundRoute, OverviewRoute } from './routes';

export function AppRoutes({ config }: { config: AppConfig }) {
  return (
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
  );
}
