// Writes the shipped letter templates, resources/letters/<name>.docx, from main/core/letters/template-texts.ts
// (the wording) with the docx library (template-docx.ts). Run: node scripts/make-letter-templates.mjs. Commit
// the .docx files with it; test/integration/letters-templates.test.ts checks the committed files are what this
// script writes.
import { build } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'letter-templates-'));
const out = path.join(tmp, 'make.mjs');
await build({
  stdin: {
    contents: `import { buildTemplateDocx } from './main/core/letters/template-docx';
import { TEMPLATES } from './main/core/letters/templates';
export async function make() { const r = {}; for (const t of TEMPLATES) r[t.name] = await buildTemplateDocx(t.name); return r; }`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: out,
  logLevel: 'error',
});
const { make } = await import(pathToFileURL(out).href);
const files = await make();
const dir = path.join(root, 'resources', 'letters');
fs.mkdirSync(dir, { recursive: true });
for (const [name, bytes] of Object.entries(files)) {
  fs.writeFileSync(path.join(dir, `${name}.docx`), bytes);
}
fs.rmSync(tmp, { recursive: true, force: true });
console.log(`Wrote ${Object.keys(files).length} templates to resources/letters/`);
