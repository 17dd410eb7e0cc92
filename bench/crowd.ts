// The many-viewers scenario in the full bench: the crowd under the tenant's limit, then the same
// crowd with no limit at all.
import { CONTRACT_LIMIT } from '../src/lib/api/rate-limit-info.ts';
import { manyViewers, together } from './many-viewers.ts';
import { APP, restartStack, type BenchSession } from './session.ts';

/**
 * The scenario: a busy tenant whose 17 integrations all sync every 5 minutes, behind Neo's
 * 1,200 requests a minute (BENCH_CROWD_LIMIT to change it).
 */
export const CROWD_LIMIT = Number(process.env.BENCH_CROWD_LIMIT ?? CONTRACT_LIMIT);
const CROWD = Number(process.env.BENCH_VIEWERS ?? 8);

export async function crowdScenario(session: BenchSession) {
  // The bench's own signed-in page leaves the overview first: its live refresh would be another
  // client of the tenant, and the viewer alone would not be alone.
  await session.page.goto(`${APP}/bench-start`);
  await restartStack(session, {
    STANDIN_RATE_LIMIT: String(CROWD_LIMIT),
    STANDIN_EVERY_INTEGRATION_SYNCS: 'true',
  });
  const limited = await manyViewers(session.browser, APP, CROWD);
  // The control, same run: the same crowd with no limit at all, to tell the limit's cost from
  // what eight browsers cost on this machine's cores.
  await restartStack(session, { STANDIN_RATE_LIMIT: '100000' });
  const unlimited = await together(session.browser, APP, CROWD, limited.alone.requests);
  return {
    ...limited,
    noLimit: {
      slowestHealthMs: unlimited.slowestHealthMs,
      slowestCompleteMs: unlimited.slowestCompleteMs,
    },
  };
}

export type CrowdResult = Awaited<ReturnType<typeof crowdScenario>>;
