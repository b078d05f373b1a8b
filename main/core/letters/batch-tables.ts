// The tables of a batch of letters (the block fields: absence by reason, each child's figures, every absence by
// date). docx builds one prototype of each shape of table a batch holds (its header, column widths and text for
// no rows), with a marker in every cell, in one patchDocument on a small document. Each letter's table is then
// its prototype's header and ending around one prototype row per row of its own, the row's cells written in at
// the markers (escaped as docx writes text). The result is the XML patchDocument gives for that letter's table
// (test/integration/letters-batch-merge.test.ts compares them).
import { patchDocument, type IPatch } from 'docx';
import { strFromU8, strToU8, zipSync, type Unzipped } from 'fflate';
import { AppError } from '../errors';
import { BLOCK_FIELDS } from './template-fields';
import { unzipDocx } from './docx-xml';
import type { BlockValue, FieldValue } from './merge-values';
import { buildPatches } from './docx-merge';

/** The invisible character the batch merge marks its places with (U+2063, never in a letter's text). */
export const MARK = '\u2063';
/** Text escaped as docx writes it inside <w:t>. */
export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const isBlock = (key: string, v: FieldValue): v is BlockValue =>
  typeof v === 'object' && !Array.isArray(v) && v.kind === 'table' && BLOCK_FIELDS.has(key);

const cellMarker = (j: number) => `${MARK}C${j}${MARK}`;
const CELL_RE = new RegExp(`${MARK}C(\\d+)${MARK}`, 'g');

/** A shape of table: what every table of that shape shares, and the row lengths its letters use. */
interface Shape {
  key: string;
  value: BlockValue;
  lengths: Set<number>;
}

/** A prototype row cut at its cell markers: fixed XML, and the index of the cell that goes between. */
type Row = (string | number)[];

/** A shape's tables as docx writes them: with rows, its head, one row per length and its tail; with none, the
 * whole text for no rows. */
interface Prototype {
  head: string;
  rows: Map<number, Row>;
  tail: string;
  none: string;
}

const shapeOf = (key: string, v: BlockValue) => JSON.stringify([key, v.header, v.widths ?? null, v.empty]);

const EMPTY_DOC = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
  `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
  `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
  `<w:body>${body}</w:body></w:document>`;

/** The smallest package patchDocument opens: a document part holding `body`. */
function smallPackage(body: string): Uint8Array {
  const files: Unzipped = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?>' +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels"' +
        ' ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml"' +
        ' ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?>' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" ' +
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"' +
        ' Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(EMPTY_DOC(body)),
  };
  return zipSync(files);
}

/** What docx writes for each patch (a block patch, in a paragraph of its own), in the order given. */
async function patchedXml(patches: [string, IPatch][]): Promise<string[]> {
  const SEP = `${MARK}SEP${MARK}`;
  const body = patches.map(
    ([name]) => `<w:p><w:r><w:t>{{${name}}}</w:t></w:r></w:p><w:p><w:r><w:t>${SEP}</w:t></w:r></w:p>`,
  );
  const out = await patchDocument({
    outputType: 'uint8array',
    data: smallPackage(body.join('')),
    patches: Object.fromEntries(patches),
  });
  const xml = strFromU8(unzipDocx(out)['word/document.xml']);
  const inner = xml.slice(xml.indexOf('<w:body>') + 8, xml.lastIndexOf('</w:body>'));
  return inner.split(new RegExp(`<w:p>(?:(?!</w:p>).)*?${SEP}(?:(?!</w:p>).)*?</w:p>`, 's'));
}

/** The shapes of table the batch's letters hold, each with the row lengths it needs. */
function shapesOf(keys: string[], list: Record<string, FieldValue>[]): Map<string, Shape> {
  const shapes = new Map<string, Shape>();
  for (const values of list) {
    for (const key of keys) {
      const v = values[key];
      if (v === undefined || !isBlock(key, v)) {
        continue;
      }
      const id = shapeOf(key, v);
      const shape = shapes.get(id) ?? { key, value: v, lengths: new Set<number>() };
      shapes.set(id, shape);
      for (const r of v.rows) {
        if (!r.length) {
          throw new AppError('internal', `A row of {{${key}}} has no cells.`);
        }
        shape.lengths.add(r.length);
      }
    }
  }
  return shapes;
}

/** Cuts a prototype table at its rows: the head before the first, one row per length, the tail after the last. */
function cutRows(xml: string, lengths: number[], none: string): Prototype {
  const rows = new Map<number, Row>();
  let from = 0;
  let head = '';
  for (const n of lengths) {
    const at = xml.indexOf(cellMarker(0), from);
    const start = xml.lastIndexOf('<w:tr>', at);
    const end = xml.indexOf('</w:tr>', at) + '</w:tr>'.length;
    if (at < 0 || start < from || end < start) {
      throw new AppError('internal', 'The batch merge could not find the rows of a table.');
    }
    head ||= xml.slice(0, start);
    const row: Row = [];
    let last = start;
    for (const m of xml.slice(start, end).matchAll(CELL_RE)) {
      row.push(xml.slice(last, start + m.index), Number(m[1]));
      last = start + m.index + m[0].length;
    }
    row.push(xml.slice(last, end));
    rows.set(n, row);
    from = end;
  }
  return { head, rows, tail: xml.slice(from), none };
}

/** The prototype of every shape: one patchDocument for the whole batch. */
async function prototypes(shapes: Map<string, Shape>): Promise<Map<string, Prototype>> {
  const patches: [string, IPatch][] = [];
  const ids = [...shapes.keys()];
  ids.forEach((id, i) => {
    const { key, value, lengths } = shapes.get(id)!;
    const rows = [...lengths].map((n) => Array.from({ length: n }, (_, j) => cellMarker(j)));
    patches.push([`t${i}`, buildPatches([key], { [key]: { ...value, rows } }, null)[key]]);
    patches.push([`e${i}`, buildPatches([key], { [key]: { ...value, rows: [] } }, null)[key]]);
  });
  const xml = await patchedXml(patches);
  return new Map(
    ids.map((id, i) => {
      const lengths = [...shapes.get(id)!.lengths];
      const none = xml[2 * i + 1];
      return [
        id,
        lengths.length ? cutRows(xml[2 * i], lengths, none) : { head: '', rows: new Map(), tail: '', none },
      ];
    }),
  );
}

/** One letter's table from its shape's prototype. */
function tableXml(p: Prototype, v: BlockValue): string {
  if (!v.rows.length) {
    return p.none;
  }
  const rows = v.rows.map((cells) =>
    p.rows
      .get(cells.length)!
      .map((x) => (typeof x === 'number' ? esc(cells[x]) : x))
      .join(''),
  );
  return p.head + rows.join('') + p.tail;
}

/** The XML docx writes for each letter's block fields: tables[letter][key]. */
export async function blockTables(
  keys: string[],
  list: Record<string, FieldValue>[],
): Promise<Record<string, string>[]> {
  const shapes = shapesOf(keys, list);
  if (!shapes.size) {
    return list.map(() => ({}));
  }
  const protos = await prototypes(shapes);
  return list.map((values) => {
    const out: Record<string, string> = {};
    for (const key of keys) {
      const v = values[key];
      if (v !== undefined && isBlock(key, v)) {
        out[key] = tableXml(protos.get(shapeOf(key, v))!, v);
      }
    }
    return out;
  });
}
