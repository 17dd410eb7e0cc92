// @vitest-environment node
// Environment variables through zod: defaults, every problem at once, `NAME: what, got "value"`.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  commaList,
  finiteNumber,
  flag,
  jsonText,
  oneOf,
  parseAll,
  parseFields,
  text,
  wholeNumber,
} from './env.ts';

const schema = z.object({
  PORT: wholeNumber(0, 65535, 8080),
  DEBUG: flag(),
  MODE: oneOf(['fast', 'slow', 'off'], 'fast'),
  HOST: text(),
  ORIGINS: commaList(),
  RATE: finiteNumber(),
});

describe('parseAll', () => {
  it('applies the defaults when variables are unset or blank', () => {
    expect(parseAll(schema, { PORT: ' ', HOST: '' })).toEqual({
      ok: true,
      value: {
        PORT: 8080,
        DEBUG: false,
        MODE: 'fast',
        HOST: undefined,
        ORIGINS: undefined,
        RATE: undefined,
      },
    });
    expect(
      parseAll(schema, { PORT: ' 0 ', DEBUG: '1', MODE: 'off', ORIGINS: 'a, ,b', RATE: '0.25' }),
    ).toMatchObject({
      ok: true,
      value: { PORT: 0, DEBUG: true, MODE: 'off', ORIGINS: ['a', 'b'], RATE: 0.25 },
    });
  });

  it('lists every problem at once, naming the variable and what it got', () => {
    expect(parseAll(schema, { PORT: '80.5', DEBUG: 'yes', MODE: 'medium', RATE: 'lots' })).toEqual({
      ok: false,
      problems: [
        'PORT: must be a whole number from 0 to 65535, got "80.5"',
        'DEBUG: must be 0 or 1, got "yes"',
        'MODE: must be one of fast, slow, off, got "medium"',
        'RATE: must be a number, got "lots"',
      ],
    });
  });

  it('never repeats a credential it was given', () => {
    const result = parseAll(z.object({ URL: z.url() }), {
      URL: 'not a url Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl',
    });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('eyJzdWIiOiIxIn0');
    expect(JSON.stringify(result)).toContain('URL: ');
  });

  it('reads JSON text, saying why it is not', () => {
    expect(parseAll(jsonText(), '{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
    const bad = parseAll(jsonText(), '{"a":', () => 'CONFIG_FILE');
    expect(bad.ok || bad.problems[0]).toMatch(/^CONFIG_FILE: is not valid JSON \(/);
  });
});

describe('parseFields', () => {
  it('keeps every valid variable while reporting the others', () => {
    const { values, problems } = parseFields(schema.shape, { PORT: 'eighty', RATE: '2' });
    expect(values).toMatchObject({ DEBUG: false, RATE: 2 });
    expect(values.PORT).toBeUndefined();
    expect(problems).toEqual(['PORT: must be a whole number from 0 to 65535, got "eighty"']);
  });
});
