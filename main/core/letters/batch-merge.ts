// The merge of a batch: docx's patchDocument runs once per batch, not once per letter. The fields every letter
// shares are merged for real; each field that differs is merged as a marker. Each letter is then the merged
// XML with its own values written in at the markers (escaped as docx writes text), and its tables (each from
// its shape's prototype, batch-tables.ts). The result is the XML patchDocument gives for that letter
// (test/integration/letters-batch-merge.test.ts compares them).
import { patchDocument, Paragraph, PatchType, TextRun } from 'docx';
import { strFromU8, strToU8, type Unzipped } from 'fflate';
import { AppError } from '../errors';
import { blockTables, esc, isBlock, MARK } from './batch-tables';
import { scanPlaceholders, unzipDocx, validateParts } from './docx-xml';
import type { FieldValue } from './merge-values';
import { buildPatches } from './docx-merge';
import type { TemplateSource } from './template-source';

type Logo = { bytes: Uint8Array; type: 'png' | 'jpg' } | null;
type Slot = { key: string; kind: 'text' | 'block'; run: string };
type Piece = string | Slot;

const marker = (i: number) => `${MARK}L${i}${MARK}`;

/** A part of the merged template cut at its markers: the run (text) or paragraph (block) each marker is in. */
function cut(xml: string, keys: string[], blocks: Set<string>): Piece[] {
  const out: Piece[] = [];
  const re = new RegExp(`${MARK}L(\\d+)${MARK}`, 'g');
  let last = 0;
  for (const m of xml.matchAll(re)) {
    const key = keys[Number(m[1])];
    const kind = blocks.has(key) ? 'block' : 'text';
    const open = kind === 'block' ? '<w:p>' : '<w:r>';
    const close = kind === 'block' ? '</w:p>' : '</w:r>';
    const start = xml.lastIndexOf(open, m.index);
    const end = xml.indexOf(close, m.index) + close.length;
    if (start < last || end < close.length) {
      throw new AppError('internal', `The batch merge could not find the place of {{${key}}}.`);
    }
    out.push(xml.slice(last, start), { key, kind, run: xml.slice(start, end).replace(m[0], '\u0000') });
    last = end;
  }
  out.push(xml.slice(last));
  return out;
}

function textRuns(run: string, v: FieldValue): string {
  if (typeof v === 'string') {
    return run.replace('\u0000', esc(v));
  }
  if (Array.isArray(v)) {
    return v
      .map((line, i) => {
        const r = run.replace('\u0000', esc(line));
        return i > 0 ? r.replace(/<w:t[ >]/, (t) => `<w:br/>${t}`) : r;
      })
      .join('');
  }
  if (v.kind === 'table') {
    return run.replace('\u0000', esc(v.rows.map((r) => r.join(' ')).join('; ')));
  }
  throw new AppError('internal', 'The school logo cannot differ between the letters of one batch.');
}

export interface BatchMerge {
  /** The letter's parts (a fresh copy of the package), checked: well-formed, no placeholder left. */
  letter(values: Record<string, FieldValue>, index: number): Unzipped;
}

/** Prepares the merge of `list` (every letter's values) from `template`. */
export async function prepareBatch(
  template: TemplateSource,
  list: Record<string, FieldValue>[],
  logo: Logo,
): Promise<BatchMerge> {
  const same = template.placeholders.filter((k) => {
    const v0 = JSON.stringify(list[0][k]);
    return list.every((v) => JSON.stringify(v[k]) === v0);
  });
  const vary = template.placeholders.filter((k) => !same.includes(k));
  const blocks = new Set(vary.filter((k) => list.some((v) => isBlock(k, v[k]))));
  const { parts, rest } = await mergeOnce(template, list[0], logo, same, vary, blocks);
  const tables = await blockTables([...blocks], list);
  return {
    letter(values, index) {
      const written: Record<string, string> = {};
      for (const [name, pieces] of parts) {
        written[name] = pieces.map((p) => pieceText(p, values, tables[index])).join('');
      }
      return checkedLetter(rest, written);
    },
  };
}

/** Merges the values every letter shares once, leaving a marker where each varying value goes; the parts that
 * hold markers are cut into pieces, the rest is shared by every letter as it is. */
async function mergeOnce(
  template: TemplateSource,
  first: Record<string, FieldValue>,
  logo: Logo,
  same: string[],
  vary: string[],
  blocks: Set<string>,
): Promise<{ parts: Map<string, Piece[]>; rest: Unzipped }> {
  const patches = buildPatches(same, first, logo);
  vary.forEach((k, i) => {
    patches[k] = blocks.has(k)
      ? { type: PatchType.DOCUMENT, children: [new Paragraph({ children: [new TextRun(marker(i))] })] }
      : { type: PatchType.PARAGRAPH, children: [new TextRun(marker(i))] };
  });
  const merged = await patchDocument({
    outputType: 'uint8array',
    data: template.bytes,
    patches,
    keepOriginalStyles: true,
  });
  const files = unzipDocx(merged, 'The merged letter');
  const parts = new Map<string, Piece[]>();
  for (const [name, data] of Object.entries(files)) {
    const xml = strFromU8(data);
    if (xml.includes(MARK)) {
      parts.set(name, cut(xml, vary, blocks));
    }
  }
  const rest: Unzipped = Object.fromEntries(Object.entries(files).filter(([n]) => !parts.has(n)));
  const left = scanPlaceholders(rest).placeholders;
  if (left.length) {
    throw new AppError(
      'internal',
      `The merged letters still hold ${left.map((k) => `{{${k}}}`).join(', ')}.`,
    );
  }
  return { parts, rest };
}

/** One piece of a part for one letter: fixed text, or the letter's value (its table for a block). */
function pieceText(p: Piece, values: Record<string, FieldValue>, tables: Record<string, string>): string {
  if (typeof p === 'string') {
    return p;
  }
  const v = values[p.key];
  if (v === undefined) {
    throw new AppError('invalid', `The template uses {{${p.key}}}, which has no value for this letter.`);
  }
  return isBlock(p.key, v) ? tables[p.key] : textRuns(p.run, v);
}

/** The letter's package: the shared parts and its own, checked well-formed with no placeholder left. */
function checkedLetter(rest: Unzipped, written: Record<string, string>): Unzipped {
  validateParts(written, 'The merged letter');
  const bytes: Unzipped = Object.fromEntries(Object.entries(written).map(([n, x]) => [n, strToU8(x)]));
  const still = scanPlaceholders(bytes).placeholders;
  if (still.length) {
    throw new AppError(
      'internal',
      `The merged letter still holds ${still.map((k) => `{{${k}}}`).join(', ')}: nothing was saved.`,
    );
  }
  return { ...rest, ...bytes };
}
