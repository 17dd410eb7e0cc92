// An open failure in words, the same wherever it is told: the watcher's notice, the record
// finder's verdict and the overview card's health reason.
import { plural } from '@/lib/format/plural';
import type { FailureSignature } from './signatures';

type Failure = Pick<
  FailureSignature,
  'resource' | 'parent' | 'reason' | 'runCount' | 'exampleMessage' | 'firstSeen'
>;

/** Where it fails: the resource, and its parent in brackets ("Ticket Types (Board 444)"). */
export function failurePlace(failure: Pick<Failure, 'resource' | 'parent'>): string {
  return `${failure.resource}${failure.parent ? ` (${failure.parent})` : ''}`;
}

/** How a page sets parts of the sentence apart (the resource bold, the reason as code, a live time). */
export type FailureMarks<T> = {
  resource?: (text: string) => T;
  reason?: (text: string) => T;
  /** Given, the sentence says since when ("since <when> (3 runs)") instead of "in 3 runs". */
  since?: (iso: string) => T;
};

/**
 * The failure in one sentence, as parts: "Ticket Types (Board 444) fails with permission_denied in
 * 3 runs: Access denied", or with `since`, "… fails with permission_denied since <when> (3 runs):
 * Access denied".
 */
export function failureSentence<T = never>(
  failure: Failure,
  marks: FailureMarks<T> = {},
): (string | T)[] {
  const runs = plural(failure.runCount, 'run');
  return [
    marks.resource ? marks.resource(failure.resource) : failure.resource,
    failure.parent ? ` (${failure.parent})` : '',
    ' fails with ',
    marks.reason ? marks.reason(failure.reason) : failure.reason,
    ...(marks.since ? [' since ', marks.since(failure.firstSeen), ` (${runs})`] : [` in ${runs}`]),
    `: ${failure.exampleMessage}`,
  ];
}

/** The sentence as plain text, with its activity first (a notice's): "PSA Metadata: Ticket…". */
export function failureText(failure: Failure & Pick<FailureSignature, 'activity'>): string {
  return `${failure.activity}: ${failureSentence(failure).join('')}`;
}

/** The failing health's reason: "Ticket Types (Board 444): permission_denied in 3 runs, and 1 more." */
export function failingReason(open: readonly Failure[]): string {
  const [first] = open;
  if (!first) return '';
  const more = open.length > 1 ? `, and ${open.length - 1} more` : '';
  return `${failurePlace(first)}: ${first.reason} in ${plural(first.runCount, 'run')}${more}.`;
}
