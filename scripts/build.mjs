// The builds, each followed by its build stamp (scripts/build-stamp.mjs):
//   node scripts/build.mjs [--if-changed] [--quiet] [main] [renderer]   (no name: both)
// Without --if-changed every named build runs (npm run build, the tests, CI); with it a build whose inputs are
// unchanged since its last successful build is skipped (npm run web, npm run cli through scripts/run.mjs).
// Builds run in this process (esbuild, vite), so stopping it stops them.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILDS, ROOT, decide, fingerprint, removeStamp, writeStamp } from './build-stamp.mjs';

const RUNNERS = {
  main: async ({ quiet }) => {
    const { buildMain } = await import('./build-main.mjs');
    await buildMain({ quiet });
  },
  renderer: async ({ quiet }) => {
    const vite = await import('vite');
    // vite.config.ts names the root (renderer/) relative to the package folder, where npm runs its scripts.
    await vite.build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: quiet ? 'error' : 'info' });
  },
};

/** Runs the named builds (all when none), skipping unchanged ones when ifChanged; returns the names built. */
export async function runBuilds(names, { ifChanged = false, quiet = false } = {}) {
  const built = [];
  for (const name of names.length ? names : Object.keys(BUILDS)) {
    const spec = BUILDS[name];
    if (!spec) {
      throw new Error(`unknown build "${name}" (main or renderer)`);
    }
    const hash = ifChanged
      ? decide(ROOT, spec)
      : { build: true, why: 'asked for', ...fingerprint(ROOT, spec.inputs) };
    if (!hash.build) {
      if (!quiet) {
        process.stdout.write(`${name}: up to date (scripts/build-stamp.mjs), not rebuilt\n`);
      }
      continue;
    }
    if (!quiet && ifChanged) {
      process.stdout.write(`${name}: building (${hash.why})\n`);
    }
    removeStamp(ROOT, spec);
    await RUNNERS[name]({ quiet });
    writeStamp(ROOT, spec, hash.hash);
    built.push(name);
  }
  return built;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const names = args.filter((a) => !a.startsWith('--'));
  try {
    await runBuilds(names, { ifChanged: args.includes('--if-changed'), quiet: args.includes('--quiet') });
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  }
}
