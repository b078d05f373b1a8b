// electron-builder.yml must validate against electron-builder's own schema (offline; a real build needs the internet).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
// electron-builder's own YAML reader and validator (pinned through electron-builder in the lockfile)
const { load } = require('js-yaml') as { load(text: string): unknown };

describe('electron-builder.yml', () => {
  it("passes electron-builder's configuration validation and ships the migrations", async () => {
    const config = load(fs.readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown>;
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config');
    const { DebugLogger } = require('builder-util');
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    expect(JSON.stringify(config.extraResources)).toContain('resources');
    expect(config.win).toBeDefined();
  });

  it('rejects a configuration with an unknown key (the check is real)', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config');
    const { DebugLogger } = require('builder-util');
    await expect(
      validateConfiguration({ appId: 'x', notAnOption: true }, new DebugLogger(false)),
    ).rejects.toThrow();
  });
});
