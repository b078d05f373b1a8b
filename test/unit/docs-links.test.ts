// The project carries its own knowledge: every `*.md` page a comment in main/, shared/ or renderer/ cites
// must exist in the repository, under docs/ (cited as `docs/<page>.md`) or as the root README.md. A comment
// that cites a page kept elsewhere (a bare `statistics.md`, `../shared/...`) fails here. See docs/index.md.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.join(__dirname, '../..');

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      return sources(p);
    }
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** The text of every comment in a TypeScript source, with the line it starts on. Strings and template
 * literals are skipped, so a `//` inside a URL in a string is not a comment. */
export function commentsOf(src: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  let line = 1;
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    const next = src[i + 1];
    if (c === '\n') {
      line++;
      i++;
    } else if (c === '/' && next === '/') {
      const end = src.indexOf('\n', i);
      const stop = end === -1 ? src.length : end;
      out.push({ line, text: src.slice(i + 2, stop) });
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end === -1 ? src.length : end + 2;
      const text = src.slice(i + 2, stop);
      out.push({ line, text });
      line += text.split('\n').length - 1;
      i = stop;
    } else if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < src.length && src[j] !== c) {
        if (src[j] === '\\') {
          j++;
        } else if (src[j] === '\n') {
          line++;
        }
        j++;
      }
      i = j + 1;
    } else {
      i++;
    }
  }
  return out;
}

/** The `.md` pages a comment cites, as written (`docs/rules/statistics.md`, `README.md`). */
export function citedPages(text: string): string[] {
  return [...text.matchAll(/(?<![\w./-])((?:\.\.?\/)*[\w./-]*[\w-]\.md)\b/g)].map((m) => m[1]);
}

function exists(page: string): boolean {
  if (page === 'README.md') {
    return fs.existsSync(path.join(ROOT, 'README.md'));
  }
  return page.startsWith('docs/') && fs.existsSync(path.join(ROOT, page));
}

describe('docs links', () => {
  it('finds comments and their citations, and not text inside strings', () => {
    const src = [
      "const u = 'see cli.md // not a comment';",
      '// cites docs/cli.md and statistics.md §6',
      '/* a',
      ' * README.md */',
    ].join('\n');
    const cs = commentsOf(src);
    expect(cs.map((c) => c.line)).toEqual([2, 3]);
    expect(cs.flatMap((c) => citedPages(c.text))).toEqual(['docs/cli.md', 'statistics.md', 'README.md']);
    expect(exists('docs/cli.md')).toBe(true);
    expect(exists('statistics.md')).toBe(false);
    expect(exists('docs/no-such-page.md')).toBe(false);
    expect(exists('../shared/cli.md')).toBe(false);
  });

  it('every page a comment in main/, shared/ or renderer/ cites exists under docs/ (or is README.md)', () => {
    const missing: string[] = [];
    for (const file of ['main', 'shared', 'renderer'].flatMap(sources)) {
      for (const c of commentsOf(fs.readFileSync(path.join(ROOT, file), 'utf8'))) {
        for (const page of citedPages(c.text)) {
          if (!exists(page)) {
            missing.push(`${file}:${c.line} cites ${page}`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
