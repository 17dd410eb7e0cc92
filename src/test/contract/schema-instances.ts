// A schema-driven generator: random instances of the OpenAPI contract's schemas, biased towards what
// is valid but odd (nulls, extremes, huge and foreign strings, unknown fields). Seeded, so a failing
// case can be replayed. Test code only; it reads the contract the app is built against.
import { parse } from 'yaml';
import { createRng, type Rng } from '../../../neo-standin/core/random.ts';

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  anyOf?: JsonSchema[];
  enum?: unknown[];
  format?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: boolean | JsonSchema;
};

export type OpenApi = { components: { schemas: Record<string, JsonSchema> } } & Record<string, unknown>;

/** Parses the contract's YAML text (Vitest imports it with `?raw`, Playwright reads the file). */
export function parseContract(text: string): OpenApi {
  return parse(text) as OpenApi;
}

/** The 200 body schema of GET /public-api/integrations/{name}/sync-runs. */
export function syncRunsResponseSchema(contract: OpenApi): JsonSchema {
  const paths = contract.paths as Record<string, Record<string, unknown>>;
  const get = paths['/public-api/integrations/{name}/sync-runs']?.get as {
    responses: Record<string, { content: Record<string, { schema: JsonSchema }> }>;
  };
  return get.responses['200']!.content['application/json']!.schema;
}

/** The stand-in's seeded generator (mulberry32), under this module's own key. */
export function seededRng(seed: number): Rng {
  return createRng('schema-instances', seed);
}

/** Strings a careless renderer gets wrong: empty, huge, right-to-left, combining, emoji, controls. */
export const ODD_STRINGS = [
  '',
  ' ',
  'مزامنة جهات الاتصال فشلت بسبب إذن مفقود',
  'שגיאה בסנכרון',
  'Z̸̡̢a̵̧l̶g̷o̴ e\u0301\u0301\u0301 combining',
  '👩‍💻🔥🏳️‍🌈 sync ✅',
  'line one\nline two\ttabbed\r\n',
  '\u200b\u200e\u202e reversed',
  'null',
  'undefined',
  '0',
];

/** Markup and script payloads: must only ever show up as text. */
export const HOSTILE_STRINGS = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
  'javascript:window.__pwned=1',
  '"><svg onload="window.__pwned=1">',
  "'><iframe src=javascript:window.__pwned=1>",
  '=HYPERLINK("http://evil.example","click")',
  '+cmd|" /C calc"!A0',
  '-2+3',
  '@SUM(1+1)',
];

const DATE_TIMES = [
  '2026-11-28T10:00:00Z',
  '2026-11-28T10:00:00.123456+05:30',
  '2026-11-28T23:59:59.999-08:00',
  '1970-01-01T00:00:00Z',
  '2099-12-31T23:59:59Z',
  '2026-02-28T12:00:00Z',
];

/** Rare, because every field may draw it: a 10,000-character string. */
const HUGE_STRING = 'x'.repeat(10_000);
const HUGE_STRING_RATE = 0.02;

const INTEGERS = [0, -1, 1, 7, -2_147_483_648, 2_147_483_647, Number.MAX_SAFE_INTEGER];

export type GenerateOptions = {
  rng: Rng;
  /** Where strings come from (default: odd strings mixed with plain words). */
  strings?: readonly string[];
  /** Chance of an unknown extra field on each object. */
  unknownFieldRate?: number;
};

function pick<T>(rng: Rng, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)] as T;
}

function uuid(rng: Rng): string {
  const hex = () => Math.floor(rng() * 16).toString(16);
  const part = (n: number) => Array.from({ length: n }, hex).join('');
  return `${part(8)}-${part(4)}-4${part(3)}-a${part(3)}-${part(12)}`;
}

/** `key` is the property (or `[]` for array items) the value is generated for. */
export function generate(
  schema: JsonSchema,
  contract: OpenApi,
  options: GenerateOptions,
  key = '',
): unknown {
  const { rng } = options;
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return generate(contract.components.schemas[name]!, contract, options, key);
  }
  if (schema.anyOf) return generate(pick(rng, schema.anyOf), contract, options, key);
  if (schema.enum) return pick(rng, schema.enum);
  const type = Array.isArray(schema.type) ? pick(rng, schema.type) : schema.type;
  switch (type) {
    case 'null':
      return null;
    case 'boolean':
      return rng() < 0.5;
    case 'integer':
      return rng() < 0.6 ? pick(rng, INTEGERS) : Math.floor(rng() * 1000);
    case 'number':
      return pick(rng, [0, -1.5, 3.25, 1e9, 0.001]);
    case 'string':
      if (schema.format === 'date-time') return pick(rng, DATE_TIMES);
      if (schema.format === 'uuid') return uuid(rng);
      if (rng() < HUGE_STRING_RATE) return HUGE_STRING;
      return pick(rng, options.strings ?? ODD_STRINGS);
    case 'array': {
      // An activity sometimes fails for hundreds of resources at once; other lists stay short.
      const many = key === 'failures' && rng() < 0.1;
      const length = many ? 300 : pick(rng, [0, 1, 2, 4]);
      return Array.from({ length }, () => generate(schema.items ?? {}, contract, options, '[]'));
    }
    case 'object':
    default: {
      const out: Record<string, unknown> = {};
      for (const [name, child] of Object.entries(schema.properties ?? {})) {
        if (schema.required?.includes(name) || rng() < 0.7)
          out[name] = generate(child, contract, options, name);
      }
      if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
        const name = `extra_${Math.floor(rng() * 100)}`;
        out[name] = generate(schema.additionalProperties, contract, options, name);
      }
      // Unknown fields only where the schema leaves them open (a typed map stays typed).
      const open = schema.additionalProperties === undefined || schema.additionalProperties === true;
      if (open && rng() < (options.unknownFieldRate ?? 0.3))
        out[`unknown_field_${Math.floor(rng() * 1000)}`] = pick(rng, [
          null,
          42,
          'surprise',
          { nested: [1, 'two', null] },
          [],
        ]);
      return out;
    }
  }
}
