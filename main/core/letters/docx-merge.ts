// The merge of one letter (docs/rules/letters.md §1.2): docx's patchDocument fills the template's {{placeholders}}
// with its values (tables and the logo built with docx too), and the merged letter is checked before it is saved.
import {
  ImageRun,
  Paragraph,
  PatchType,
  patchDocument,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IPatch,
} from 'docx';
import { AppError } from '../errors';
import { BLOCK_FIELDS } from './template-fields';
import { DocxError, scanPlaceholders, unzipDocx } from './docx-xml';
import type { FieldValue } from './merge-values';
import { imageSize } from './settings';
import { TEXT_WIDTH } from './page';
import type { TemplateSource } from './template-source';

const cellPara = (text: string, bold = false) =>
  new Paragraph({ children: [new TextRun({ text, bold, size: 20 })] });

function table(v: Extract<FieldValue, { kind: 'table' }>): Table | Paragraph {
  if (!v.rows.length) {
    return new Paragraph({ children: [new TextRun(v.empty)] });
  }
  // the first (text) column takes the room; the others share the rest
  const n = v.header.length;
  const first = n === 3 ? 60 : n === 4 ? 34 : 30;
  const widths = (v.widths ?? v.header.map((_, i) => (i === 0 ? first : (100 - first) / (n - 1)))).map((w) =>
    Math.round((w * TEXT_WIDTH) / 100),
  );
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: widths,
    rows: [
      new TableRow({
        tableHeader: true,
        children: v.header.map(
          (h) =>
            new TableCell({
              shading: { type: ShadingType.CLEAR, fill: 'E7EEF6', color: 'auto' },
              children: [cellPara(h, true)],
            }),
        ),
      }),
      ...v.rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: r.map((c) => new TableCell({ children: [cellPara(c)] })),
          }),
      ),
    ],
  });
}

export function buildPatches(
  placeholders: readonly string[],
  values: Record<string, FieldValue>,
  logo: { bytes: Uint8Array; type: 'png' | 'jpg' } | null,
): Record<string, IPatch> {
  const patches: Record<string, IPatch> = {};
  for (const key of placeholders) {
    const v = values[key];
    if (v === undefined) {
      throw new AppError('invalid', `The template uses {{${key}}}, which has no value for this letter.`);
    }
    if (typeof v === 'string') {
      patches[key] = { type: PatchType.PARAGRAPH, children: [new TextRun(v)] };
    } else if (Array.isArray(v)) {
      patches[key] = {
        type: PatchType.PARAGRAPH,
        children: v.map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined })),
      };
    } else if (v.kind === 'table') {
      patches[key] = BLOCK_FIELDS.has(key)
        ? {
            type: PatchType.DOCUMENT,
            children: [table(v), new Paragraph({ spacing: { after: 60 }, children: [] })],
          }
        : { type: PatchType.PARAGRAPH, children: [new TextRun(v.rows.map((r) => r.join(' ')).join('; '))] };
    } else {
      const size = logo ? imageSize(logo.bytes) : null;
      patches[key] =
        logo && size
          ? {
              type: PatchType.PARAGRAPH,
              children: [
                new ImageRun({
                  type: logo.type,
                  data: logo.bytes,
                  transformation: { width: Math.round((60 * size.width) / size.height), height: 60 },
                  altText: { name: 'School logo', description: 'School logo', title: 'School logo' },
                }),
              ],
            }
          : { type: PatchType.PARAGRAPH, children: [new TextRun('')] };
    }
  }
  return patches;
}

export async function mergeDocx(
  template: TemplateSource,
  values: Record<string, FieldValue>,
  logo: { bytes: Uint8Array; type: 'png' | 'jpg' } | null,
): Promise<Uint8Array> {
  const out = await patchDocument({
    outputType: 'uint8array',
    data: template.bytes,
    patches: buildPatches(template.placeholders, values, logo),
    keepOriginalStyles: true,
  });
  return out;
}

/** Checks a merged letter before it is saved: it opens, and no {{placeholder}} is left. */
export function checkMerged(bytes: Uint8Array): void {
  let files;
  try {
    files = unzipDocx(bytes, 'The merged letter');
  } catch (e) {
    throw new AppError('internal', e instanceof DocxError ? e.message : String(e));
  }
  const left = scanPlaceholders(files).placeholders;
  if (left.length) {
    throw new AppError(
      'internal',
      `The merged letter still holds ${left.map((k) => `{{${k}}}`).join(', ')}: nothing was saved.`,
    );
  }
}
