// Channels of the reintegration plan's Word template (docs/rules/casework.md), spread into the casework channels:
// the lead and the head read it, check a file, upload a replacement, go back to the shipped one and download it.
import { z } from 'zod';
import { ch } from '../contract-core';
import { CASEWORK_WRITERS } from '../casework';

const Base64 = z
  .string()
  .min(1)
  .max(40_000_000)
  .regex(/^[A-Za-z0-9+/=\s]*$/, 'must be base64');
const Check = z.object({
  placeholders: z.array(z.string()),
  /** Problems that refuse an upload (an unknown field, a table not on its own line). */
  errors: z.array(z.string()),
  warnings: z.array(z.string()),
});

export const planTemplateChannels = {
  'casework.planTemplate.get': ch(
    z.object({}),
    z.object({
      source: z.enum(['shipped', 'school']),
      version: z.string(),
      sha256: z.string(),
      placeholders: z.array(z.string()),
      uploadedBy: z.string().nullable(),
      uploadedAt: z.string().nullable(),
      fields: z.array(z.object({ key: z.string(), label: z.string(), block: z.boolean() })),
    }),
    CASEWORK_WRITERS,
  ),
  'casework.planTemplate.check': ch(z.object({ base64: Base64 }), Check, CASEWORK_WRITERS),
  'casework.planTemplate.upload': ch(
    z.object({ base64: Base64 }),
    Check.extend({ version: z.number().int() }),
    CASEWORK_WRITERS,
    { write: true },
  ),
  'casework.planTemplate.revert': ch(
    z.object({}),
    z.object({ version: z.number().int() }),
    CASEWORK_WRITERS,
    { write: true },
  ),
  'casework.planTemplate.download': ch(
    z.object({}),
    z.object({ fileName: z.string(), base64: z.string() }),
    CASEWORK_WRITERS,
  ),
} as const;
