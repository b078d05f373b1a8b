// Reading .docx packages without Word: unzip (fflate), check the XML (fast-xml-parser), list the {{placeholders}},
// find the ones Word has split across runs, pull out the text (previews, tests), and join letters into one
// document for printing. Nothing here writes a letter's content: merging is docx's patchDocument (docx-merge.ts).
import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from 'fflate';
import { XMLValidator } from 'fast-xml-parser';
import { KNOWN_FIELDS } from './template-fields';

export class DocxError extends Error {}

const PARTS = /^word\/(document|header\d*|footer\d*)\.xml$/;

export function unzipDocx(bytes: Uint8Array, what = 'The file'): Unzipped {
  let files: Unzipped;
  try {
    files = unzipSync(bytes);
  } catch {
    throw new DocxError(
      `${what} is not a Word document (.docx): it could not be opened as a zip package.` +
        ` Save it from Word as "Word Document (.docx)" and try again.`,
    );
  }
  if (!files['word/document.xml']) {
    throw new DocxError(
      `${what} is not a Word document (.docx): it has no word/document.xml. Save it from Word as "Word Document (.docx)" and try again.`,
    );
  }
  if (!files['[Content_Types].xml']) {
    throw new DocxError(`${what} is damaged: it has no [Content_Types].xml.`);
  }
  validateParts(
    Object.fromEntries(
      Object.entries(files)
        .filter(([name]) => PARTS.test(name))
        .map(([name, data]) => [name, strFromU8(data)]),
    ),
    what,
  );
  return files;
}

/** Checks that each part (body, headers, footers) is well-formed XML. */
export function validateParts(parts: Record<string, string>, what = 'The file'): void {
  for (const [name, xml] of Object.entries(parts)) {
    if (!PARTS.test(name)) {
      continue;
    }
    const r = XMLValidator.validate(xml);
    if (r !== true) {
      throw new DocxError(
        `${what} is damaged: ${name} is not well-formed XML (line ${r.err.line}: ${r.err.msg}).`,
      );
    }
  }
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The paragraphs of a part, each as its text runs (w:t contents) in order. */
function paragraphs(xml: string): string[][] {
  const out: string[][] = [];
  for (const m of xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)) {
    const texts = [...m[0].matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:t\s*\/>/g)].map((t) =>
      decode(t[1] ?? ''),
    );
    out.push(texts);
  }
  return out;
}

export interface PlaceholderScan {
  /** Every placeholder key found, in order of first appearance. */
  placeholders: string[];
  /** Keys the app does not know. */
  unknown: string[];
  /** Keys Word has split across runs (typing, spelling marks, formatting in the middle). */
  split: string[];
  /** Block fields (tables) that share their paragraph with other text. */
  notAlone: string[];
}

const PH = /\{\{\s*([^{}]+?)\s*\}\}/g;

export function scanPlaceholders(
  files: Unzipped,
  known: ReadonlySet<string> = KNOWN_FIELDS,
  blocks: ReadonlySet<string> = new Set(),
): PlaceholderScan {
  const placeholders: string[] = [];
  const split = new Set<string>();
  const notAlone = new Set<string>();
  const names = Object.keys(files)
    .filter((n) => PARTS.test(n))
    .sort((a, b) => (a === 'word/document.xml' ? -1 : b === 'word/document.xml' ? 1 : a.localeCompare(b)));
  for (const name of names) {
    for (const runs of paragraphs(strFromU8(files[name]))) {
      const joined = runs.join('');
      for (const m of joined.matchAll(PH)) {
        const key = m[1];
        if (!placeholders.includes(key)) {
          placeholders.push(key);
        }
        if (!runs.some((r) => r.includes(m[0]))) {
          split.add(key);
        }
        if (blocks.has(key) && joined.trim() !== m[0]) {
          notAlone.add(key);
        }
      }
    }
  }
  return {
    placeholders,
    unknown: placeholders.filter((k) => !known.has(k)),
    split: [...split],
    notAlone: [...notAlone],
  };
}

/** The text of the body, one string per paragraph (tabs as \t, line breaks as \n); table cells are paragraphs too. */
export function documentText(files: Unzipped, part = 'word/document.xml'): string[] {
  const xml = strFromU8(files[part]);
  const out: string[] = [];
  for (const m of xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)) {
    let s = '';
    for (const t of m[0].matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:(tab|br|cr)(?:\s[^>]*)?\/>/g)) {
      if (t[2] === 'tab') {
        s += '\t';
      } else if (t[2]) {
        s += '\n';
      } else {
        s += decode(t[1]);
      }
    }
    out.push(s);
  }
  return out;
}

// ---- one document for printing ------------------------------------------------------------------------------

interface Rel {
  id: string;
  type: string;
  target: string;
  mode?: string;
}

function readRels(xml: string): Rel[] {
  return [...xml.matchAll(/<Relationship\s([^>]*?)\/?>/g)].map((m) => {
    const a = (n: string) => new RegExp(`${n}="([^"]*)"`).exec(m[1])?.[1];
    return { id: a('Id')!, type: a('Type')!, target: a('Target')!, mode: a('TargetMode') };
  });
}

function bodyOf(xml: string): { head: string; inner: string; sectPr: string; tail: string } {
  const start = xml.indexOf('<w:body>');
  const end = xml.lastIndexOf('</w:body>');
  if (start < 0 || end < 0) {
    throw new DocxError('a letter has no document body');
  }
  const inner = xml.slice(start + 8, end);
  const s = inner.lastIndexOf('<w:sectPr');
  const sectPr = s >= 0 ? inner.slice(s) : '';
  return {
    head: xml.slice(0, start + 8),
    inner: s >= 0 ? inner.slice(0, s) : inner,
    sectPr,
    tail: xml.slice(end),
  };
}

const eqBytes = (a: Uint8Array, b: Uint8Array) =>
  a === b || (a.length === b.length && a.every((x, i) => x === b[i]));

/**
 * Joins letters made from one template into one .docx: each letter keeps its own section (a section break after
 * each), so every letter starts on a new page with its own page layout. Pictures and links a letter refers to
 * are carried over under new relationship ids when the first letter does not hold the same part.
 */
export function combineLetters(letters: Uint8Array[]): Uint8Array {
  if (letters.length === 0) {
    throw new DocxError('there are no letters to combine');
  }
  if (letters.length === 1) {
    return letters[0];
  }
  return combineParts(letters.map((b, i) => unzipDocx(b, i === 0 ? 'A letter' : `Letter ${i + 1}`)));
}

/** combineLetters on letters already unzipped (a batch keeps its letters' parts, so nothing is read twice). */
export function combineParts(letters: Unzipped[]): Uint8Array {
  const base: Unzipped = { ...letters[0] };
  const relsXml = strFromU8(base[RELS_PATH]);
  const c: Combining = { base, relsXml, baseRels: readRels(relsXml), ctXml: strFromU8(base[CT_PATH]), n: 0 };
  const first = bodyOf(strFromU8(base['word/document.xml']));
  const parts = letters.map((files, i) => {
    const body = i === 0 ? first : bodyOf(strFromU8(files['word/document.xml']));
    let inner = i === 0 ? body.inner : relinked(c, files, i, body.inner);
    if (i < letters.length - 1) {
      // end this letter's section: its sectPr goes into a last paragraph's properties (a "next page" break)
      const sect = (body.sectPr || first.sectPr).replace(/<w:type [^>]*\/>/, '');
      inner += `<w:p><w:pPr>${sect}</w:pPr></w:p>`;
    }
    return inner;
  });
  base['word/document.xml'] = strToU8(first.head + parts.join('') + first.sectPr + first.tail);
  base[RELS_PATH] = strToU8(c.relsXml);
  base[CT_PATH] = strToU8(c.ctXml);
  return zipSync(base, { level: 6 });
}

const RELS_PATH = 'word/_rels/document.xml.rels';
const CT_PATH = '[Content_Types].xml';

/** The combined document as it is built: the first letter's package, its relationships and content types. */
interface Combining {
  base: Unzipped;
  relsXml: string;
  baseRels: ReturnType<typeof readRels>;
  ctXml: string;
  /** Relationships added so far (each gets a new id). */
  n: number;
}

/** Letter i's body with each relationship it uses pointing into the combined document: one the first letter has
 * with the same part is shared, any other is added (its picture copied) under a new id; drawing ids are made
 * unique. */
function relinked(c: Combining, files: Unzipped, i: number, body: string): string {
  const rels = readRels(strFromU8(files[RELS_PATH] ?? strToU8('')));
  const used = new Set([...body.matchAll(/r:(?:id|embed|link)="([^"]+)"/g)].map((m) => m[1]));
  const rename = new Map<string, string>();
  for (const id of used) {
    const r = rels.find((x) => x.id === id);
    if (!r) {
      continue;
    }
    const same = c.baseRels.find(
      (x) => x.id === id && x.type === r.type && x.target === r.target && x.mode === r.mode,
    );
    const partPath =
      r.mode === 'External' ? null : `word/${r.target.replace(/^\//, '').replace(/^word\//, '')}`;
    const samePart =
      !partPath || (c.base[partPath] && files[partPath] && eqBytes(c.base[partPath], files[partPath]));
    if (same && samePart) {
      continue;
    }
    const newId = `rIdL${i}x${++c.n}`;
    const target = partPath && files[partPath] ? copyPart(c, files[partPath], partPath, i) : r.target;
    const mode = r.mode ? ` TargetMode="${r.mode}"` : '';
    c.relsXml = c.relsXml.replace(
      '</Relationships>',
      `<Relationship Id="${newId}" Type="${r.type}" Target="${target}"${mode}/></Relationships>`,
    );
    rename.set(id, newId);
  }
  let inner = body;
  if (rename.size) {
    inner = inner.replace(/r:(id|embed|link)="([^"]+)"/g, (m, a, id) =>
      rename.has(id) ? `r:${a}="${rename.get(id)}"` : m,
    );
  }
  // drawings need unique ids in one document
  return inner.replace(/<wp:docPr id="(\d+)"/g, (_m, id) => `<wp:docPr id="${Number(id) + 1000 * i}"`);
}

/** Copies letter i's part (a picture) into the combined document's media, declaring its type; returns its target. */
function copyPart(c: Combining, bytes: Unzipped[string], partPath: string, i: number): string {
  const file = partPath.split('/').pop()!;
  const target = `media/l${i}_${file}`;
  c.base[`word/${target}`] = bytes;
  const ext = file.split('.').pop()!.toLowerCase();
  if (!new RegExp(`Extension="${ext}"`, 'i').test(c.ctXml)) {
    const type = ext === 'png' ? 'image/png' : ext === 'gif' ? 'image/gif' : 'image/jpeg';
    c.ctXml = c.ctXml.replace('</Types>', `<Default Extension="${ext}" ContentType="${type}"/></Types>`);
  }
  return target;
}
