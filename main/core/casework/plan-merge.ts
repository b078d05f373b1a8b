// Filling the plan's Word template (docs/rules/casework.md), synchronously so the export is logged in the same
// transaction: a block field alone on its line becomes its table or picture; a text field is written into the run
// that holds it (a field Word split across runs takes the first run's formatting). The chart goes in as a PNG.
import { strFromU8, strToU8, zipSync, type Unzipped } from 'fflate';
import { AppError } from '../errors';
import { DocxError, scanPlaceholders, unzipDocx } from '../letters/docx-xml';
import { CHART_REL, PLAN_BLOCK_KEYS, type PlanValue } from './plan-fields';

const PARTS = /^word\/(document|header\d*|footer\d*)\.xml$/;
const PH = /\{\{\s*([^{}]+?)\s*\}\}/g;
const T = /(<w:t(?:\s[^>]*)?>)([\s\S]*?)(<\/w:t>)/g;
const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const unesc = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
const OPEN = '<w:t xml:space="preserve">';

/** Escaped text of a value for inside a <w:t>: lines become breaks (the <w:t> is closed and reopened around them). */
function textXml(key: string, v: PlanValue | undefined): string {
  if (v === undefined) {
    throw new AppError(
      'invalid',
      `The plan template uses {{${key}}}, which the app cannot fill: upload a corrected template or go back to the shipped one.`,
    );
  }
  if (typeof v === 'object' && !Array.isArray(v)) {
    throw new AppError(
      'invalid',
      `{{${key}}} is a table or a picture: put it on a line of its own in the template.`,
    );
  }
  const lines = Array.isArray(v) ? v : [v];
  return lines.map(esc).join(`</w:t><w:br/>${OPEN}`);
}

function fillParagraph(p: string, values: Record<string, PlanValue>): string {
  const texts = [...p.matchAll(T)].map((m) => unesc(m[2]));
  const joined = texts.join('');
  if (!joined.includes('{{')) {
    return p;
  }
  const alone = /^\s*\{\{\s*([^{}]+?)\s*\}\}\s*$/.exec(joined);
  if (alone && PLAN_BLOCK_KEYS.has(alone[1])) {
    const v = values[alone[1]];
    return typeof v === 'object' && !Array.isArray(v) ? v.block : p;
  }
  const whole = [...joined.matchAll(PH)].every((m) => texts.some((t) => t.includes(m[0])));
  if (whole) {
    return p.replace(T, (_m, _open: string, inner: string) => {
      const t = unesc(inner);
      if (!t.includes('{{')) {
        return _m;
      }
      const filled = t
        .split(PH)
        .map((part, k) => (k % 2 ? textXml(part, values[part]) : esc(part)))
        .join('');
      return `${OPEN}${filled}</w:t>`;
    });
  }
  // split across runs: the whole line goes into the first run's text, the other runs' text is emptied
  const filled = joined
    .split(PH)
    .map((part, k) => (k % 2 ? textXml(part, values[part]) : esc(part)))
    .join('');
  let first = true;
  return p.replace(T, () => {
    const out = first ? `${OPEN}${filled}</w:t>` : `${OPEN}</w:t>`;
    first = false;
    return out;
  });
}

function fillPart(xml: string, values: Record<string, PlanValue>): string {
  return xml.replace(/<w:p[ >][\s\S]*?<\/w:p>/g, (p) => fillParagraph(p, values));
}

/** The namespaces a picture needs on the root, added when the school's file does not declare them. */
function withNamespaces(doc: string): string {
  const ns: Record<string, string> = {
    r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
    wp: 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing',
  };
  return doc.replace(/<w:document\b([^>]*)>/, (m, attrs: string) => {
    const add = Object.entries(ns)
      .filter(([k]) => !new RegExp(`xmlns:${k}=`).test(attrs))
      .map(([k, v]) => ` xmlns:${k}="${v}"`)
      .join('');
    return `<w:document${attrs}${add}>`;
  });
}

function addChart(files: Unzipped, png: Uint8Array): void {
  const relsName = 'word/_rels/document.xml.rels';
  const rels =
    files[relsName] !== undefined
      ? strFromU8(files[relsName])
      : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  const rel =
    `<Relationship Id="${CHART_REL}" ` +
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/plan-chart.png"/>';
  files[relsName] = strToU8(rels.replace('</Relationships>', `${rel}</Relationships>`));
  files['word/media/plan-chart.png'] = new Uint8Array(png);
  const types = strFromU8(files['[Content_Types].xml']);
  if (!/Extension="png"/i.test(types)) {
    files['[Content_Types].xml'] = strToU8(
      types.replace('</Types>', '<Default Extension="png" ContentType="image/png"/></Types>'),
    );
  }
}

/** The template filled with one plan's values; refuses (nothing saved) if the result would not open or keeps a field. */
export function mergePlan(
  template: Uint8Array,
  values: Record<string, PlanValue>,
  chart: Uint8Array,
): Uint8Array {
  const files = unzipDocx(template, 'The plan template');
  for (const name of Object.keys(files).filter((n) => PARTS.test(n))) {
    files[name] = strToU8(fillPart(strFromU8(files[name]), values));
  }
  const doc = strFromU8(files['word/document.xml']);
  if (doc.includes(`r:embed="${CHART_REL}"`)) {
    files['word/document.xml'] = strToU8(withNamespaces(doc));
    addChart(files, chart);
  }
  const out = zipSync(files, { level: 6 });
  try {
    const left = scanPlaceholders(unzipDocx(out, 'The filled plan'), new Set()).placeholders;
    if (left.length) {
      throw new AppError('internal', `The filled plan still holds {{${left[0]}}}: nothing was saved.`);
    }
  } catch (e) {
    throw e instanceof DocxError ? new AppError('internal', `${e.message} Nothing was saved.`) : e;
  }
  return out;
}
