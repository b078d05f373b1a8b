// Checking a small form against the contract's zod schema in the screen (the core checks the same again), and
// putting the core's own issues next to their fields.
import type { z } from 'zod';
import { RpcFailure } from '../rpc';

export type FieldErrors = Record<string, string>;

export function zodErrors(schema: z.ZodType, value: unknown): FieldErrors | null {
  const r = schema.safeParse(value);
  if (r.success) {
    return null;
  }
  const out: FieldErrors = {};
  for (const i of r.error.issues) {
    const k = String(i.path[0] ?? '');
    if (!out[k]) {
      out[k] = i.message;
    }
  }
  return out;
}

export function serverErrors(e: unknown): FieldErrors {
  const out: FieldErrors = {};
  if (e instanceof RpcFailure) {
    for (const i of e.error.issues ?? []) {
      if (i.path && !out[i.path]) {
        out[i.path] = i.message;
      }
    }
  }
  return out;
}
