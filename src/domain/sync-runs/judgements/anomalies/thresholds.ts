// Every threshold of the anomaly detectors, in one place (docs/how-it-decides.md lists them). They are chosen
// so that normal noise, a single odd run or a change of cadence says nothing: false alarms cost
// trust.

/** Earlier runs needed to know what is usual before a detector speaks. */
export const MIN_BASELINE_RUNS = 8;
/** Runs in a row that must agree before a change counts (one odd run is not a trend). */
export const MIN_STREAK_RUNS = 3;
/** "Finds nothing": below this share of the usual level counts as nothing… */
export const NOTHING_SHARE = 0.2;
/** …of a usual level of at least this many records. */
export const NOTHING_MIN_USUAL = 10;
/** Volume shift: beyond this factor of the usual 10th–90th percentile range, either way. */
export const SHIFT_FACTOR = 2;
/** Volume shift: and at least this many records away from the usual median. */
export const SHIFT_MIN_RECORDS = 20;
/** Slower runs: longer than this factor of the usual 90th percentile duration… */
export const SLOW_FACTOR = 2;
/** …and at least this much longer than the usual median. */
export const SLOW_MIN_EXTRA_MS = 60_000;
/** A run still running past this factor of the usual 90th percentile says so. */
export const RUNNING_LONG_FACTOR = 3;
/** Failure rate: the newest quarter of the runs (at least this many) against the rest. */
export const RECENT_SHARE = 0.25;
export const MIN_RECENT_RUNS = 8;
/** Failure rate: recent share at least this many points above the earlier share… */
export const FAILURE_RATE_RISE = 0.3;
/** …and at least this many failing recent runs. */
export const MIN_RECENT_FAILURES = 3;
/** Activity missing: it was in at least this share of the earlier runs. */
export const USUALLY_PRESENT_SHARE = 0.9;
