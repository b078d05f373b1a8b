// Bundles the Node side (Electron main, preload, browser-mode server, CLI, bench) to CommonJS with esbuild.
// better-sqlite3 (native) and electron stay external. Run by scripts/build.mjs (which writes the build stamp
// afterwards) or by hand: `node scripts/build-main.mjs [--quiet]`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, stop } from 'esbuild';
import { BUILDS, ROOT, removeStamp } from './build-stamp.mjs';

export async function buildMain({ quiet = false } = {}) {
  // Whatever this build leaves, the old stamp no longer describes it (scripts/build-stamp.mjs).
  removeStamp(ROOT, BUILDS.main);
  const common = {
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    sourcemap: true,
    external: ['better-sqlite3', 'better-sqlite3-multiple-ciphers', 'electron', '@resvg/resvg-js'],
    logLevel: quiet ? 'error' : 'info',
  };
  try {
    await Promise.all([
      build({
        ...common,
        entryPoints: {
          'electron/main': 'main/electron/main.ts',
          'electron/core-worker': 'main/electron/core-worker.ts',
          'preload/preload': 'main/preload/preload.ts',
        },
        outdir: 'dist',
        outExtension: { '.js': '.cjs' },
      }),
      build({
        ...common,
        entryPoints: {
          'web/server': 'main/web/server.ts',
          // The CLI is two files: a small entry (usage, version check) and the commands it loads when there is one
          // to run (main/cli/entry.ts).
          'cli/attendance': 'main/cli/entry.ts',
          'cli/commands': 'main/cli/attendance.ts',
          'bench/bench': 'test/bench/bench.ts',
          'bench/chain-bench': 'test/bench/chain-bench.ts',
          'bench/figures-only': 'test/bench/figures-only.ts',
        },
        outdir: 'dist',
        outExtension: { '.js': '.cjs' },
        banner: { js: '' },
      }),
    ]);
  } finally {
    // Ends esbuild's service process now, rather than when this process ends (npm run web keeps running).
    stop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildMain({ quiet: process.argv.includes('--quiet') });
}
