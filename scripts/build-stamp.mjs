// The build stamp: whether a build's inputs changed since its last successful build (docs/performance.md).
// A build's fingerprint is a SHA-256 over the sorted list of its input files, each with the SHA-256 of its
// content, so a changed, added, deleted or renamed file changes it and a touch alone does not. After a
// successful build the fingerprint taken before it started is written to the build's stamp file; a build whose
// stamp is missing, unreadable or different, or one of whose outputs is missing, is built again.
//   node scripts/build-stamp.mjs [main|renderer]   prints each build's decision ("build: why" or "up to date")
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const shared = [
  'shared',
  'package.json',
  'package-lock.json',
  'tsconfig.base.json',
  'scripts/build-stamp.mjs',
];

/** The builds: inputs (files or folders, relative to the root), stamp file, and outputs that must exist. */
export const BUILDS = {
  main: {
    inputs: [...shared, 'main', 'resources', 'test/bench', 'tsconfig.node.json', 'scripts/build-main.mjs'],
    // build-main.mjs removes it first, so a build run by hand never leaves an old stamp beside a new bundle.
    stamp: 'dist/.build-stamp-main.json',
    outputs: [
      'dist/cli/attendance.cjs',
      'dist/cli/commands.cjs',
      'dist/web/server.cjs',
      'dist/electron/main.cjs',
    ],
  },
  renderer: {
    inputs: [...shared, 'renderer', 'resources', 'vite.config.ts', 'tsconfig.web.json', 'scripts/build.mjs'],
    // Inside the folder vite empties, so a `vite build` run by hand removes it too.
    stamp: 'dist/renderer/.build-stamp.json',
    outputs: ['dist/renderer/index.html'],
  },
};

const SKIP = new Set(['node_modules', '.git', '.DS_Store']);

/** Every file under the inputs, as sorted paths relative to root with forward slashes; missing inputs are left out. */
export function listInputs(root, inputs) {
  const files = [];
  const walk = (rel) => {
    const abs = path.join(root, rel);
    let st;
    try {
      st = fs.statSync(abs);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(abs)) {
        if (!SKIP.has(name)) {
          walk(rel ? `${rel}/${name}` : name);
        }
      }
    } else if (st.isFile()) {
      files.push(rel);
    }
  };
  for (const input of inputs) {
    walk(input.split(path.sep).join('/'));
  }
  return [...new Set(files)].sort();
}

/** The fingerprint of the inputs: one hash over each file's path and content hash. */
export function fingerprint(root, inputs) {
  const all = crypto.createHash('sha256');
  const files = listInputs(root, inputs);
  for (const rel of files) {
    const content = crypto
      .createHash('sha256')
      .update(fs.readFileSync(path.join(root, rel)))
      .digest('hex');
    all.update(`${rel}\0${content}\n`);
  }
  return { hash: all.digest('hex'), files: files.length };
}

/** Whether the build must run: `{ build: true, why }` or `{ build: false }`, with the fingerprint taken now. */
export function decide(root, build) {
  const now = fingerprint(root, build.inputs);
  let stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(path.join(root, build.stamp), 'utf8'));
  } catch {
    return { build: true, why: 'no stamp of a previous build', hash: now.hash };
  }
  const missing = build.outputs.find((o) => !fs.existsSync(path.join(root, o)));
  if (missing) {
    return { build: true, why: `${missing} is missing`, hash: now.hash };
  }
  if (stamp.hash !== now.hash) {
    return { build: true, why: 'a source file changed since the last build', hash: now.hash };
  }
  return { build: false, hash: now.hash };
}

/** Written after a successful build, with the fingerprint taken before it started. */
export function writeStamp(root, build, hash) {
  const file = path.join(root, build.stamp);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify({ hash, builtAt: new Date().toISOString() })}\n`);
}

export function removeStamp(root, build) {
  fs.rmSync(path.join(root, build.stamp), { force: true });
}

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const names = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(BUILDS);
  for (const name of names) {
    if (!BUILDS[name]) {
      process.stderr.write(`unknown build "${name}" (main or renderer)\n`);
      process.exit(2);
    }
    const d = decide(ROOT, BUILDS[name]);
    process.stdout.write(`${name}: ${d.build ? `build: ${d.why}` : 'up to date'}\n`);
  }
}
