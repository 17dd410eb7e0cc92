// @vitest-environment node
// Signals: one shutdown with a grace period for both services, logged as the one log line shape.
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from './log.ts';
import { handleShutdownSignals, SHUTDOWN_GRACE_MS, type CloseResult } from './shutdown.ts';

afterEach(() => {
  vi.useRealTimers();
});

function setUp(stop: (delayMs: number) => Promise<CloseResult>, delayMs = 0) {
  const lines: Record<string, unknown>[] = [];
  const exits: number[] = [];
  const signals = new EventEmitter();
  handleShutdownSignals({
    log: createLogger((line) => lines.push(JSON.parse(line))),
    stop,
    delayMs,
    signals,
    exit: (code) => void exits.push(code),
  });
  return { lines, exits, signals };
}

describe('handleShutdownSignals', () => {
  it('SIGTERM: stops with the delay, logs shutdown and stopped, exits 0 when clean', async () => {
    const stop = vi.fn(async () => 'clean' as const);
    const { lines, exits, signals } = setUp(stop, 1500);
    signals.emit('SIGTERM', 'SIGTERM');
    await vi.waitFor(() => expect(exits).toEqual([0]));
    expect(stop).toHaveBeenCalledWith(1500);
    expect(lines).toMatchObject([
      { level: 'info', msg: 'shutdown', signal: 'SIGTERM', delay_ms: 1500 },
      { level: 'info', msg: 'stopped', result: 'clean' },
    ]);
  });

  it('SIGINT skips the delay; a stop that cut requests exits 1', async () => {
    const stop = vi.fn(async () => 'forced' as const);
    const { exits, signals } = setUp(stop, 1500);
    signals.emit('SIGINT', 'SIGINT');
    await vi.waitFor(() => expect(exits).toEqual([1]));
    expect(stop).toHaveBeenCalledWith(0);
  });

  it('a stop that outlasts the grace period is cut: exit 1, logged as forced', async () => {
    vi.useFakeTimers();
    const { lines, exits, signals } = setUp(() => new Promise<CloseResult>(() => {}), 500);
    signals.emit('SIGTERM', 'SIGTERM');
    await vi.advanceTimersByTimeAsync(500 + SHUTDOWN_GRACE_MS - 1);
    expect(exits).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_001);
    expect(exits).toEqual([1]);
    expect(lines.at(-1)).toMatchObject({ msg: 'stopped', result: 'forced' });
  });

  it('a second signal exits at once with 1', async () => {
    const { lines, exits, signals } = setUp(() => new Promise<CloseResult>(() => {}));
    signals.emit('SIGTERM', 'SIGTERM');
    signals.emit('SIGINT', 'SIGINT');
    expect(exits).toEqual([1]);
    expect(lines.at(-1)).toMatchObject({ level: 'warn', msg: 'shutdown_forced', signal: 'SIGINT' });
  });
});
