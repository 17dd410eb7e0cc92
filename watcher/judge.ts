// What the watcher keeps judging about each integration: the model's own verdicts, unchanged (the
// same functions the dashboard shows), as "subjects" whose state changes make notices.
import { detectAnomalies } from '../src/domain/sync-runs/judgements/anomalies/detect.ts';
import { anomalyId } from '../src/domain/sync-runs/judgements/anomalies/anomaly.ts';
import { integrationHealth, type HealthState } from '../src/domain/sync-runs/judgements/health.ts';
import { failureSignatures } from '../src/domain/sync-runs/judgements/signatures.ts';
import { failureText } from '../src/domain/sync-runs/judgements/failure-text.ts';
import type { SyncRun } from '../src/lib/api/schemas.ts';

/** The state of one subject: `health`, `sig:<id>` (an open failure) or `anomaly:<id>`. */
export type SubjectState =
  | { subject: 'health'; state: HealthState; text: string }
  | {
      subject: 'signature';
      id: string;
      activity: string;
      text: string;
      since: string;
      runId: string | null;
    }
  | {
      subject: 'anomaly';
      id: string;
      activity: string | null;
      text: string;
      since: string;
      runId: string | null;
    };

export type Judgement = Map<string, SubjectState>;

/** Every subject of an integration's runs (newest first, as the API lists them) at `now`. */
export function judge(runs: readonly SyncRun[], now: number): Judgement {
  const judgement: Judgement = new Map();
  const health = integrationHealth(runs, now);
  judgement.set('health', { subject: 'health', state: health.state, text: health.reason });
  for (const signature of failureSignatures(runs)) {
    if (signature.state !== 'open') continue;
    judgement.set(`sig:${signature.id}`, {
      subject: 'signature',
      id: signature.id,
      activity: signature.activity,
      text: failureText(signature),
      since: signature.firstSeen,
      runId: signature.runIds.at(-1) ?? null,
    });
  }
  for (const anomaly of detectAnomalies(runs, now).anomalies) {
    const id = anomalyId(anomaly);
    judgement.set(`anomaly:${id}`, {
      subject: 'anomaly',
      id,
      activity: anomaly.activity,
      text: anomaly.sentence,
      since: anomaly.since,
      runId: anomaly.runIds.at(-1) ?? null,
    });
  }
  return judgement;
}
