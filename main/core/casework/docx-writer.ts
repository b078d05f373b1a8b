// A minimal WordprocessingML writer (paragraphs, headings, tables, one picture) zipped with fflate: it writes the
// shipped plan template and the blocks merged into any plan template, inside the core's synchronous call, so an
// export is logged in the same transaction (docs/rules/casework.md). The `docx` library's packer is asynchronous,
// which is why these few elements are written here.
import { strToU8, zipSync } from 'fflate';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const OOXML = 'http://schemas.openxmlformats.org';
const NS_W = `${OOXML}/wordprocessingml/2006/main`;
const NS_R = `${OOXML}/officeDocument/2006/relationships`;
const NS_WP = `${OOXML}/drawingml/2006/wordprocessingDrawing`;
const NS_A = `${OOXML}/drawingml/2006/main`;
const NS_PIC = `${OOXML}/drawingml/2006/picture`;
const NS_RELATIONSHIPS = `${OOXML}/package/2006/relationships`;
const NS_CONTENT_TYPES = `${OOXML}/package/2006/content-types`;
/** A4 in twentieths of a point, with 2 cm margins. */
const SECTION = [
  '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>',
  '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="709" w:footer="709" w:gutter="0"/>',
  '</w:sectPr>',
].join('');

export interface RunOpts {
  bold?: boolean;
  size?: number;
  colour?: string;
}
function run(t: string, o: RunOpts = {}): string {
  const props = [
    '<w:rFonts w:ascii="Arial" w:hAnsi="Arial"/>',
    o.bold ? '<w:b/>' : '',
    o.colour ? `<w:color w:val="${o.colour}"/>` : '',
    `<w:sz w:val="${(o.size ?? 11) * 2}"/>`,
  ].join('');
  return `<w:r><w:rPr>${props}</w:rPr><w:t xml:space="preserve">${esc(t)}</w:t></w:r>`;
}

export function para(
  text: string | string[],
  o: RunOpts & { after?: number; keepNext?: boolean } = {},
): string {
  const lines = Array.isArray(text) ? text : [text];
  const runs = lines.map((l, k) => (k ? '<w:r><w:br/></w:r>' : '') + run(l, o)).join('');
  const keepNext = o.keepNext ? '<w:keepNext/>' : '';
  return `<w:p><w:pPr>${keepNext}<w:spacing w:after="${o.after ?? 120}"/></w:pPr>${runs}</w:p>`;
}
export const heading = (t: string) =>
  para(t, { bold: true, size: 13, colour: '1F4E79', after: 80, keepNext: true });

export function table(header: string[], rows: string[][], widths?: number[]): string {
  const total = 9600;
  const w = widths ?? header.map(() => Math.floor(total / header.length));
  const cell = (t: string, k: number, head: boolean) => {
    const shade = head ? '<w:shd w:val="clear" w:color="auto" w:fill="DEEAF6"/>' : '';
    const props = `<w:tcPr><w:tcW w:w="${w[k]}" w:type="dxa"/>${shade}</w:tcPr>`;
    return `<w:tc>${props}${para(t || ' ', { bold: head, size: 10, after: 0 })}</w:tc>`;
  };
  const row = (r: string[], head: boolean) => {
    const props = head ? '<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>' : '<w:trPr><w:cantSplit/></w:trPr>';
    return `<w:tr>${props}${r.map((c, k) => cell(c, k, head)).join('')}</w:tr>`;
  };
  const border = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
    .map((b) => `<w:${b} w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>`)
    .join('');
  const props = [
    `<w:tblPr><w:tblW w:w="${total}" w:type="dxa"/><w:tblBorders>${border}</w:tblBorders>`,
    '<w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr>',
  ].join('');
  const grid = `<w:tblGrid>${w.map((x) => `<w:gridCol w:w="${x}"/>`).join('')}</w:tblGrid>`;
  const body = row(header, true) + rows.map((r) => row(r, false)).join('');
  return `<w:tbl>${props}${grid}${body}</w:tbl>${para('', { after: 60 })}`;
}

/** A picture (relationship `rel`), `wCm` wide, keeping its aspect. */
export function picture(wPx: number, hPx: number, wCm: number, alt: string, rel: string): string {
  const cx = Math.round(wCm * 360000);
  const cy = Math.round((cx * hPx) / wPx);
  const pic = [
    `<pic:pic xmlns:pic="${NS_PIC}">`,
    '<pic:nvPicPr><pic:cNvPr id="9001" name="chart.png"/><pic:cNvPicPr/></pic:nvPicPr>',
    `<pic:blipFill><a:blip r:embed="${rel}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>`,
    `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm>`,
    '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>',
    '</pic:pic>',
  ].join('');
  return [
    '<w:p><w:r><w:drawing><wp:inline>',
    `<wp:extent cx="${cx}" cy="${cy}"/><wp:docPr id="9001" name="chart" descr="${esc(alt)}"/>`,
    `<a:graphic xmlns:a="${NS_A}"><a:graphicData uri="${NS_PIC}">${pic}</a:graphicData></a:graphic>`,
    '</wp:inline></w:drawing></w:r></w:p>',
  ].join('');
}

const CONTENT_TYPES = [
  XML_DECLARATION,
  `<Types xmlns="${NS_CONTENT_TYPES}">`,
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
  '<Default Extension="xml" ContentType="application/xml"/>',
  '<Default Extension="png" ContentType="image/png"/>',
  '<Override PartName="/word/document.xml" ',
  'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>',
  '</Types>',
].join('');
const PACKAGE_RELS = [
  XML_DECLARATION,
  `<Relationships xmlns="${NS_RELATIONSHIPS}">`,
  `<Relationship Id="rId1" Type="${NS_R}/officeDocument" Target="word/document.xml"/>`,
  '</Relationships>',
].join('');
const DOCUMENT_RELS = `${XML_DECLARATION}<Relationships xmlns="${NS_RELATIONSHIPS}"></Relationships>`;

/** A whole package around a body; files are dated `mtime` so the same body always gives the same bytes. */
export function writeDocx(bodyXml: string, mtime = '2026-01-01T00:00:00Z'): Uint8Array {
  const namespaces = `xmlns:w="${NS_W}" xmlns:r="${NS_R}" xmlns:wp="${NS_WP}"`;
  const doc = `${XML_DECLARATION}<w:document ${namespaces}><w:body>${bodyXml}${SECTION}</w:body></w:document>`;
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(PACKAGE_RELS),
    'word/_rels/document.xml.rels': strToU8(DOCUMENT_RELS),
    'word/document.xml': strToU8(doc),
  };
  return zipSync(files, { level: 6, mtime });
}
