// vitest's global setup: one folder for every temporary file of a run (tempDir puts each test's folder inside
// it), removed when the run ends, so a developer's /tmp does not fill with test schools run after run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const TEMP_ROOT_ENV = 'ATTENDANCE_TEST_TMP';

export default function setup(): () => void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'attendance-tests-'));
  process.env[TEMP_ROOT_ENV] = root;
  return () => {
    fs.rmSync(root, { recursive: true, force: true });
  };
}
