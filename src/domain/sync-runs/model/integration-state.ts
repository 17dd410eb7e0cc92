// The three documented 404s are states of an integration, not errors: say what they mean.
import { isApiError } from '@/lib/api/api-error';

export type IntegrationUnavailable = {
  code: 'integration_not_connected' | 'integration_does_not_sync' | 'unknown_integration';
  title: string;
  explanation: string;
};

const STATES: Record<IntegrationUnavailable['code'], Omit<IntegrationUnavailable, 'code'>> = {
  integration_not_connected: {
    title: 'Not connected for this tenant',
    explanation:
      'This integration is not configured for your tenant, so it has no sync history. An admin can connect it in Neo under Integrations.',
  },
  integration_does_not_sync: {
    title: 'Does not run scheduled syncs',
    explanation:
      'This integration is connected but works in real time (webhooks and on-demand calls), so it has no scheduled sync runs to show.',
  },
  unknown_integration: {
    title: 'Unknown integration name',
    explanation:
      'Neo does not recognise this integration name. Check the name in the dashboard configuration (config.json, "integrations").',
  },
};

export function integrationUnavailable(error: unknown): IntegrationUnavailable | null {
  if (!isApiError(error) || error.status !== 404) return null;
  if (error.code in STATES) {
    const code = error.code as IntegrationUnavailable['code'];
    return { code, ...STATES[code] };
  }
  return null;
}
