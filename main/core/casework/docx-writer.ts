// A minimal WordprocessingML writer (paragraphs, headings, tables, one picture) zipped with fflate: it writes the
// shipped plan template and the blocks merged into any plan template, inside the core's synchronous call, so an
// export is logged in the same transaction (docs/rules/casework.md).
import { strToU8, zipSync } from 'fflate';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface RunOpts {
  bold?: boolean;
  size?: number;
  colour?: string;
}
const run = (t: string, o: RunOpts = {}) =>
  `<w:r><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/>${o.bold ? '<w:b/>' : ''}${o.colour ? `<w:color w:val="${o.colour}"/>` : ''}<w:sz w:val="${(o.size ?? 11) * 2}"/></w:rPr><w:t xml:space="preserve">${esc(t)}</w:t></w:r>`;

export function para(
  text: string | string[],
  o: RunOpts & { after?: number; keepNext?: boolean } = {},
): string {
  const lines = Array.isArray(text) ? text : [text];
  const runs = lines.map((l, k) => (k ? '<w:r><w:br/></w:r>' : '') + run(l, o)).join('');
  return `<w:p><w:pPr>${o.keepNext ? '<w:keepNext/>' : ''}<w:spacing w:after="${o.after ?? 120}"/></w:pPr>${runs}</w:p>`;
}
export const heading = (t: string) =>
  para(t, { bold: true, size: 13, colour: '1F4E79', after: 80, keepNext: true });

export function table(header: string[], rows: string[][], widths?: number[]): string {
  const total = 9600;
  const w = widths ?? header.map(() => Math.floor(total / header.length));
  const cell = (t: string, k: number, head: boolean) =>
    `<w:tc><w:tcPr><w:tcW w:w="${w[k]}" w:type="dxa"/>${head ? '<w:shd w:val="clear" w:color="auto" w:fill="DEEAF6"/>' : ''}</w:tcPr>${para(t || ' ', { bold: head, size: 10, after: 0 })}</w:tc>`;
  const row = (r: string[], head: boolean) =>
    `<w:tr>${head ? '<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>' : '<w:trPr><w:cantSplit/></w:trPr>'}${r.map((c, k) => cell(c, k, head)).join('')}</w:tr>`;
  const border = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
    .map((b) => `<w:${b} w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>`)
    .join('');
  return `<w:tbl><w:tblPr><w:tblW w:w="${total}" w:type="dxa"/><w:tblBorders>${border}</w:tblBorders><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>${w.map((x) => `<w:gridCol w:w="${x}"/>`).join('')}</w:tblGrid>${row(header, true)}${rows.map((r) => row(r, false)).join('')}</w:tbl>${para('', { after: 60 })}`;
}

/** A picture (relationship `rel`), `wCm` wide, keeping its aspect. */
export function picture(wPx: number, hPx: number, wCm: number, alt: string, rel: string): string {
  const cx = Math.round(wCm * 360000);
  const cy = Math.round((cx * hPx) / wPx);
  return `<w:p><w:r><w:drawing><wp:inline><wp:extent cx="${cx}" cy="${cy}"/><wp:docPr id="9001" name="chart" descr="${esc(alt)}"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="9001" name="chart.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="${rel}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`;
}

/** A whole package around a body; files are dated `mtime` so the same body always gives the same bytes. */
export function writeDocx(bodyXml: string, mtime = '2026-01-01T00:00:00Z'): Uint8Array {
  const doc = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><w:body>${bodyXml}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr></w:body></w:document>`;
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/_rels/document.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>',
    ),
    'word/document.xml': strToU8(doc),
  };
  return zipSync(files, { level: 6, mtime });
}
