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

/** One change to tell: the notice's kind, words and the part of its key that makes it unique. */
type Change = {
  kind: NoticeKind;
  subjectKey: string;
  state: SubjectState;
  title: string;
  text: string;
  since: string | null;
  keyPart: string;
};

function toNotice(change: Change, context: ChangeContext): Notice {
  const { kind, subjectKey, state, since } = change;
  const { integration, now } = context;
  const focus =
    state.subject === 'signature'
      ? { sig: state.id }
      : state.subject === 'anomaly'
        ? { anomaly: state.id }
        : {};
  return {
    key: `${integration}|${subjectKey}|${kind}|${change.keyPart}`,
    kind,
    severity: changeKindOf(kind) === 'recovery' ? 'recovery' : 'problem',
    integration,
    integrationName: context.integrationName,
    activity: state.subject === 'health' ? null : state.activity,
    title: change.title,
    text: change.text,
    since,
    link: dashboardLink(context.dashboardUrl, integration, {
      since: since ? Date.parse(since) : null,
      now,
      ...focus,
    }),
    createdAt: new Date(now).toISOString(),
    items: [],
  };
}

type HealthSubject = Extract<SubjectState, { subject: 'health' }>;

/** A health state that differs from the one before: told when it is a problem or a recovery. */
function healthChange(
  name: string,
  key: string,
  state: HealthSubject,
  was: HealthSubject | null,
  nowIso: string,
): Change | null {
  if (isHealthProblem(state.state))
    return {
      kind: 'health-changed',
      subjectKey: key,
      state,
      title: healthTitle(name, state.state),
      text: state.text,
      since: nowIso,
      keyPart: `${state.state}|${nowIso}`,
    };
  if (state.state === 'healthy' && was && isHealthProblem(was.state))
    return {
      kind: 'health-recovered',
      subjectKey: key,
      state,
      title: `${name} is healthy again`,
      text: `${state.text} Before: ${was.text}`,
      since: nowIso,
      keyPart: `healthy|${nowIso}`,
    };
  return null;
}

type FindingSubject = Exclude<SubjectState, { subject: 'health' }>;

/** A failure signature or an anomaly seen for the first time. */
function openedChange(name: string, key: string, state: FindingSubject): Change {
  const opened = { subjectKey: key, state, text: state.text, since: state.since };
  if (state.subject === 'signature')
    return {
      ...opened,
      kind: 'signature-opened',
      title: `${name}: ${state.activity} is failing`,
      keyPart: state.since,
    };
  return {
    ...opened,
    kind: 'anomaly-opened',
    title: `${name}: unusual activity${state.activity ? ` in ${state.activity}` : ''}`,
    keyPart: state.since,
  };
}

/** A failure signature or an anomaly no longer found. */
function closedChange(name: string, key: string, before: FindingSubject): Change {
  const closed = { subjectKey: key, state: before, since: before.since, keyPart: before.since };
  if (before.subject === 'signature')
    return {
      ...closed,
      kind: 'signature-resolved',
      title: `${name}: ${before.activity} no longer fails`,
      text: `Resolved: ${before.text}`,
    };
  return {
    ...closed,
    kind: 'anomaly-cleared',
    title: `${name}: ${before.activity ?? 'runs'} back to usual`,
    text: `No longer found: ${before.text}`,
  };
}

/**
 * The notices for going from `previous` to `next`, and the states to store. `previous` is empty
 * the first time an integration is judged: problems present then are told, healthy is not.
 */
export function diffJudgements(
  previous: ReadonlyMap<string, Stored>,
  next: Judgement,
  context: ChangeContext,
): { notices: Notice[]; states: Map<string, Stored> } {
  const name = context.integrationName;
  const nowIso = new Date(context.now).toISOString();
  const changes: Change[] = [];
  const states = new Map<string, Stored>();
  for (const [key, state] of next) {
    const before = previous.get(key);
    if (state.subject === 'health') {
      const was = before?.subject === 'health' ? before : null;
      const changed = !was || was.state !== state.state;
      states.set(key, { ...state, observedAt: changed ? nowIso : was.observedAt });
      const change = changed ? healthChange(name, key, state, was, nowIso) : null;
      if (change) changes.push(change);
      continue;
    }
    states.set(key, { ...state, observedAt: before?.observedAt ?? nowIso });
    if (!before) changes.push(openedChange(name, key, state));
  }
  for (const [key, before] of previous)
    if (!next.has(key) && before.subject !== 'health')
      changes.push(closedChange(name, key, before));
  return { notices: changes.map((change) => toNotice(change, context)), states };
}
