// What an anomaly is, and how it is said: a plain-language sentence with its evidence, since when,
// and the runs that show it (for "Show these runs").
import { signatureId } from '@/domain/sync-runs/judgements/signatures';

export type AnomalyKind =
  | 'finds-nothing'
  | 'volume-shift'
  | 'slower-runs'
  | 'long-running'
  | 'failure-rate'
  | 'activity-missing';

export type Anomaly = {
  kind: AnomalyKind;
  /** The activity it concerns; null for the run as a whole. */
  activity: string | null;
  sentence: string;
  /** Start of the first run that shows it (ISO-8601). */
  since: string;
  /** The runs that show it, oldest first. */
  runIds: string[];
  /** The numbers behind the sentence. */
  evidence: Record<string, number>;
};

/** A short stable id for links (`?anomaly=`): the same finding keeps its id as runs arrive. */
export function anomalyId(anomaly: Pick<Anomaly, 'kind' | 'activity'>): string {
  return signatureId(`${anomaly.kind}|${anomaly.activity ?? ''}`);
}

export type AnomalyReport = {
  anomalies: Anomaly[];
  /** Too few finished runs to know what is usual: the detectors say nothing rather than guess. */
  notEnoughHistory: boolean;
};

const when = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
});
const about = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 2 });
const exact = new Intl.NumberFormat('en-US');

/** "Nov 26, 10:00 UTC": sentences are the same on every screen and in every notice. */
export function sentenceTime(ms: number): string {
  return `${when.format(new Date(ms))} UTC`;
}

/** "about 4,000" */
export function aboutCount(n: number): string {
  return about.format(Math.round(n));
}

export function count(n: number): string {
  return exact.format(n);
}

export function factor(n: number): string {
  return `${n >= 10 ? Math.round(n) : Math.round(n * 10) / 10}×`;
}

export function minutes(ms: number): string {
  const m = Math.round(ms / 60_000);
  if (m < 1) return `${Math.round(ms / 1000)} s`;
  if (m < 120) return `${m} min`;
  return `${Math.round(m / 60)} h`;
}
