// Architecture rules (docs/architecture.md "Layers"): main/core never imports electron; shared/ imports no
// node: modules and uses no DOM; the renderer never imports main/.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  if (!fs.existsSync(dir)) {
    return [];
  }
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

function imports(file: string): string[] {
  const src = fs.readFileSync(file, 'utf8');
  return [
    ...src.matchAll(
      new RegExp(
        [
          String.raw`(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]`,
          String.raw`import\(\s*['"]([^'"]+)['"]\s*\)`,
          String.raw`require\(\s*['"]([^'"]+)['"]\s*\)`,
          String.raw`^import\s+['"]([^'"]+)['"]`,
        ].join('|'),
        'gm',
      ),
    ),
  ].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]);
}

const NODE_BUILTINS = new Set([
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'url',
  'util',
  'stream',
  'zlib',
  'worker_threads',
  'events',
  'buffer',
]);

describe('architecture', () => {
  it('main/core never imports electron', () => {
    const bad = files('main/core').filter((f) =>
      imports(f).some((i) => i === 'electron' || i.startsWith('electron/')),
    );
    expect(bad).toEqual([]);
  });

  it('only main/electron and main/preload import electron', () => {
    const bad = [...files('main'), ...files('shared'), ...files('renderer')]
      .filter(
        (f) => !f.startsWith(path.join('main', 'electron')) && !f.startsWith(path.join('main', 'preload')),
      )
      .filter((f) => imports(f).includes('electron'));
    expect(bad).toEqual([]);
  });

  it('shared/ imports no Node modules and touches no DOM or process APIs', () => {
    const bad: string[] = [];
    for (const f of files('shared')) {
      for (const i of imports(f)) {
        if (i.startsWith('node:') || NODE_BUILTINS.has(i)) {
          bad.push(`${f}: ${i}`);
        }
      }
      const src = fs.readFileSync(f, 'utf8').replace(/\/\/.*$/gm, '');
      for (const g of ['window.', 'document.', 'localStorage', 'process.', 'require(']) {
        if (src.includes(g)) {
          bad.push(`${f}: ${g}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('renderer/ never imports main/', () => {
    const bad = files('renderer').filter((f) => imports(f).some((i) => /(^|\/)main\//.test(i)));
    expect(bad).toEqual([]);
  });

  it('the rule checker itself sees imports (a guard against a test that cannot fail)', () => {
    expect(imports('main/core/db/cipher.ts')).toContain('better-sqlite3-multiple-ciphers');
    expect(imports('main/electron/main.ts')).toContain('electron');
  });
});
