// Every write channel, fuzzed from the contract's own schemas (docs/records-integrity.md, "Refused means
// unchanged"): fast-check draws inputs that pass the channel's JSON schema shape (ids small enough to name real
// rows, dates inside the school year), calls dispatch on a small demo school, and asserts that a refused call
// changed no table. Fixed seed, a fixed number of runs per channel, so CI sees the same calls every time.
import crypto from 'node:crypto';
import fc from 'fast-check';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { contract, type Channel } from '../../shared/contract';
import { dispatch } from '../../main/core/dispatch';
import { createDemoSchool } from '../../main/core/demo/demo';
import type { Store } from '../../main/core/db/connection';
import { STAFF_SESSION, tempStore } from '../helpers/store';

const SEED = 20261203;
const RUNS_PER_CHANNEL = 4;
const TODAY = '2026-12-01';

/** Refusals that record something on purpose: a failed sign-in is logged and counted (docs/data-safety.md). */
const RECORDS_ITS_REFUSAL = new Set<string>([
  'auth.signIn',
  'auth.firstAdmin',
  'auth.changePassword',
  'auth.unlock',
]);

interface JsonSchema {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}

const DATE_PATTERN = /\\d\{4\}-\\d\{2\}-\\d\{2\}/;
const DATES = [
  '2026-09-03',
  '2026-10-05',
  '2026-11-16',
  '2026-11-30',
  '2026-12-01',
  '2026-12-02',
  '2027-01-06',
];

function stringArb(s: JsonSchema): fc.Arbitrary<string> {
  if (s.pattern && DATE_PATTERN.test(s.pattern)) {
    return fc.constantFrom(...DATES);
  }
  const min = s.minLength ?? 0;
  const max = Math.max(min, Math.min(s.maxLength ?? 30, 30));
  if (s.pattern) {
    return fc
      .stringMatching(new RegExp(s.pattern))
      .filter((v) => v.length >= min && v.length <= (s.maxLength ?? Infinity));
  }
  return fc.oneof(
    fc.string({ minLength: min, maxLength: max }),
    fc.constantFrom('Test', 'AM', 'PM', 'N', 'O'),
  );
}

function numberArb(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -3);
  const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : 2000);
  const small = fc.integer({ min: Math.max(min, 0), max: Math.max(Math.min(max, 12), Math.max(min, 0)) });
  const wide = integer ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true });
  return fc.oneof(small, wide);
}

function objectArb(s: JsonSchema): fc.Arbitrary<unknown> {
  const props = s.properties ?? {};
  const model = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, arbitraryFor(v)]));
  return fc.record(model, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
}

function typedArb(s: JsonSchema, type: string): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string':
      return stringArb(s);
    case 'integer':
      return numberArb(s, true);
    case 'number':
      return numberArb(s, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(s.items ? arbitraryFor(s.items) : fc.jsonValue({ maxDepth: 1 }), {
        minLength: s.minItems ?? 0,
        maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 3, 3)),
      });
    case 'object':
      return objectArb(s);
    default:
      return fc.jsonValue({ maxDepth: 1 });
  }
}

/** An arbitrary for the JSON schema zod writes for a channel's input. */
export function arbitraryFor(s: JsonSchema): fc.Arbitrary<unknown> {
  if (s.const !== undefined) {
    return fc.constant(s.const);
  }
  if (s.enum) {
    return fc.constantFrom(...s.enum);
  }
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) {
    return fc.oneof(...alternatives.map(arbitraryFor));
  }
  if (Array.isArray(s.type)) {
    return fc.oneof(...s.type.map((t) => typedArb(s, t)));
  }
  return s.type ? typedArb(s, s.type) : fc.jsonValue({ maxDepth: 1 });
}

/** A digest of every row of every table: equal digests, unchanged store. */
function fingerprint(store: Store): string {
  const hash = crypto.createHash('sha256');
  const tables = store.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .pluck()
    .all() as string[];
  for (const t of tables) {
    hash.update(t);
    for (const row of store.db.prepare(`SELECT * FROM "${t}"`).raw().iterate()) {
      hash.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v)));
    }
  }
  return hash.digest('hex');
}

const WRITE_CHANNELS = (Object.keys(contract) as Channel[]).filter(
  (c) => contract[c].write && !RECORDS_ITS_REFUSAL.has(c),
);

describe('a refused write changes nothing, whatever the input', () => {
  it('covers the write channels of the contract', () => {
    expect(WRITE_CHANNELS.length).toBeGreaterThan(80);
  });

  it(`fuzzes every write channel ${RUNS_PER_CHANNEL} times from its schema; each refusal leaves every table as it was`, () => {
    process.env.ATTENDANCE_TODAY = TODAY;
    const store = tempStore();
    createDemoSchool(store, { pupils: 8, seed: 11, today: TODAY });
    const broken: string[] = [];
    let refused = 0;
    let accepted = 0;
    let before = fingerprint(store);
    for (const [k, channel] of WRITE_CHANNELS.entries()) {
      const schema = z.toJSONSchema(contract[channel].input, { unrepresentable: 'any', io: 'input' });
      const inputs = fc.sample(arbitraryFor(schema as JsonSchema), {
        seed: SEED + k,
        numRuns: RUNS_PER_CHANNEL,
      });
      for (const input of inputs) {
        const r = dispatch(store, channel, input, STAFF_SESSION);
        const after = fingerprint(store);
        if (r.ok) {
          accepted++;
        } else {
          refused++;
          expect(r.error.kind, `${channel}: ${r.error.message}`).not.toBe('internal');
          if (after !== before) {
            broken.push(`${channel} ${JSON.stringify(input).slice(0, 200)}: ${r.error.message}`);
          }
        }
        before = after; // the store as the next call finds it
      }
    }
    expect(broken).toEqual([]);
    expect(refused).toBeGreaterThan(0);
    expect(accepted).toBeGreaterThan(0); // the inputs reach the handlers, not only the validation
    store.db.close();
  }, 240_000);
});
