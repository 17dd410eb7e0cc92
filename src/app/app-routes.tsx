// The route table shared by the full dashboard and the embedded widget.
import { Route, Routes } from 'react-router';
import type { AppConfig } from '../lib/config/app-config';
import { IntegrationRoute, NotFoundRoute, OverviewRoute } from './routes';

export function AppRoutes({ config }: { config: AppConfig }) {
  return (
    <Routes>
      <Route index element={<OverviewRoute config={config} />} />
      <Route path="integrations/:name" element={<IntegrationRoute config={config} />} />
      <Route path="*" element={<NotFoundRoute />} />
    </Routes>
  );
}
