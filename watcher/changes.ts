// Changes of state between two judgements of one integration, as notices: one per change, keyed
// so the same change can never make a second notice, and a recovery notice when it clears.
import {
  HEALTH_LABEL,
  isHealthProblem,
  type HealthState,
} from '../src/domain/sync-runs/judgements/health.ts';
import type { ChangeKind } from './config.ts';
import type { Judgement, SubjectState } from './judge.ts';
import { dashboardLink } from './links.ts';
import type { Notice, NoticeKind } from './notice.ts';

/** A subject's state as stored: what it was, and since when the watcher has seen it so. */
export type Stored = SubjectState & { observedAt: string };

export function changeKindOf(kind: NoticeKind): ChangeKind | null {
  if (kind === 'health-changed') return 'health';
  if (kind === 'signature-opened') return 'signature';
  if (kind === 'anomaly-opened') return 'anomaly';
  if (kind === 'health-recovered' || kind === 'signature-resolved' || kind === 'anomaly-cleared')
    return 'recovery';
  return null;
}

function healthTitle(name: string, state: HealthState): string {
  if (state === 'suspicious') return `${name} looks suspicious`;
  return `${name} is ${HEALTH_LABEL[state].toLowerCase()}`;
}

export type ChangeContext = {
  integration: string;
  integrationName: string;
  dashboardUrl: string;
  now: number;
};

/**
 * The notices for going from `previous` to `next`, and the states to store. `previous` is empty
 * the first time an integration is judged: problems present then are told, healthy is not.
 */
export function diffJudgements(
  previous: ReadonlyMap<string, Stored>,
  next: Judgement,
  context: ChangeContext,
): { notices: Notice[]; states: Map<string, Stored> } {
  const { integration, integrationName: name, now } = context;
  const nowIso = new Date(now).toISOString();
  const notices: Notice[] = [];
  const states = new Map<string, Stored>();

  function notice(
    kind: NoticeKind,
    subjectKey: string,
    state: SubjectState,
    title: string,
    text: string,
    since: string | null,
    keyPart: string,
  ) {
    const focus =
      state.subject === 'signature'
        ? { sig: state.id }
        : state.subject === 'anomaly'
          ? { anomaly: state.id }
          : {};
    notices.push({
      key: `${integration}|${subjectKey}|${kind}|${keyPart}`,
      kind,
      severity: changeKindOf(kind) === 'recovery' ? 'recovery' : 'problem',
      integration,
      integrationName: name,
      activity: state.subject === 'health' ? null : state.activity,
      title,
      text,
      since,
      link: dashboardLink(context.dashboardUrl, integration, {
        since: since ? Date.parse(since) : null,
        now,
        ...focus,
      }),
      createdAt: nowIso,
      items: [],
    });
  }

  for (const [key, state] of next) {
    const before = previous.get(key);
    if (state.subject === 'health') {
      const was = before?.subject === 'health' ? before : null;
      const changed = !was || was.state !== state.state;
      states.set(key, { ...state, observedAt: changed ? nowIso : was.observedAt });
      if (!changed) continue;
      if (isHealthProblem(state.state))
        notice(
          'health-changed',
          key,
          state,
          healthTitle(name, state.state),
          state.text,
          nowIso,
          `${state.state}|${nowIso}`,
        );
      else if (state.state === 'healthy' && was && isHealthProblem(was.state))
        notice(
          'health-recovered',
          key,
          state,
          `${name} is healthy again`,
          `${state.text} Before: ${was.text}`,
          nowIso,
          `healthy|${nowIso}`,
        );
      continue;
    }
    states.set(key, { ...state, observedAt: before?.observedAt ?? nowIso });
    if (before) continue;
    if (state.subject === 'signature')
      notice(
        'signature-opened',
        key,
        state,
        `${name}: ${state.activity} is failing`,
        state.text,
        state.since,
        state.since,
      );
    else
      notice(
        'anomaly-opened',
        key,
        state,
        `${name}: unusual activity${state.activity ? ` in ${state.activity}` : ''}`,
        state.text,
        state.since,
        state.since,
      );
  }
  for (const [key, before] of previous) {
    if (next.has(key) || before.subject === 'health') continue;
    if (before.subject === 'signature')
      notice(
        'signature-resolved',
        key,
        before,
        `${name}: ${before.activity} no longer fails`,
        `Resolved: ${before.text}`,
        before.since,
        before.since,
      );
    else
      notice(
        'anomaly-cleared',
        key,
        before,
        `${name}: ${before.activity ?? 'runs'} back to usual`,
        `No longer found: ${before.text}`,
        before.since,
        before.since,
      );
  }
  return { notices, states };
}
