import { expect, it } from 'vitest';
import { createUrgentGate } from './urgent-gate';

it('lets waiting work go only when every urgent piece is done', async () => {
  const gate = createUrgentGate();
  const a = gate.begin();
  const b = gate.begin();
  let went = false;
  const waiting = gate.idle().then(() => (went = true));
  a();
  a(); // a second call changes nothing
  await Promise.resolve();
  expect(went).toBe(false);
  expect(gate.pending()).toBe(1);
  b();
  await waiting;
  expect(went).toBe(true);
  await expect(gate.idle()).resolves.toBeUndefined();
});

it('stops waiting when the view is left', async () => {
  const gate = createUrgentGate();
  gate.begin();
  const controller = new AbortController();
  const waiting = gate.idle(controller.signal);
  controller.abort(new Error('left'));
  await expect(waiting).rejects.toThrow('left');
});
