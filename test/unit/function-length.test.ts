// Files you can read whole (docs/architecture.md, "UI"): no function in main/, shared/ or the renderer runs
// past 60 lines. A longer one is split into named parts in its folder: a section, a row, a hook, a pure helper.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const MAX_LINES = 60;
const ROOTS = ['main', 'shared', 'renderer/src'];

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** The name a reader would search for: the function's own, or the variable, property or method it is given to. */
function nameOf(node: ts.Node): string {
  const own = (node as ts.FunctionDeclaration).name;
  if (own) {
    return own.getText();
  }
  const parent = node.parent as ts.VariableDeclaration | ts.PropertyAssignment | undefined;
  return parent?.name ? parent.name.getText() : '(an unnamed function)';
}

/** Every function, arrow function and method of one source longer than MAX_LINES, as `file:line name (n lines)`. */
function longFunctions(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = last - first + 1;
      if (lines > MAX_LINES) {
        found.push(`${file}:${first + 1} ${nameOf(node)} (${lines} lines)`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('function length', () => {
  it(`no function in ${ROOTS.join(', ')} is longer than ${MAX_LINES} lines`, () => {
    const long = ROOTS.flatMap(files).flatMap((f) => longFunctions(f, fs.readFileSync(f, 'utf8')));
    expect(long).toEqual([]);
  });

  it('the measure finds a long function, arrow or method (a guard against a test that cannot fail)', () => {
    const body = Array.from({ length: MAX_LINES - 1 }, (_, i) => `  const x${i} = ${i};`).join('\n');
    const text = [
      `function long() {\n${body}\n}`,
      `const arrow = () => {\n${body}\n};`,
      `class A {\n  method() {\n${body}\n  }\n}`,
      `function short() {\n  return 1;\n}`,
    ].join('\n');
    expect(longFunctions('x.ts', text)).toEqual([
      'x.ts:1 long (61 lines)',
      `x.ts:${MAX_LINES + 2} arrow (61 lines)`,
      `x.ts:${2 * MAX_LINES + 4} method (61 lines)`,
    ]);
  });
});
