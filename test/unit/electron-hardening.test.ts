// What the desktop shell decides about leaving the app and about its own binary (docs/data-safety.md): external
// links only to the allow-listed public-sector sites over https, and the fuses set in electron-builder.yml.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { isAllowedExternal } from '../../main/electron/security';

const require = createRequire(import.meta.url);
const { load } = require('js-yaml') as { load(text: string): unknown };

describe('external links', () => {
  it('opens GOV.UK, the DfE services and local authority sites over https', () => {
    for (const url of [
      'https://www.gov.uk/government/publications/working-together-to-improve-school-attendance',
      'https://explore-education-statistics.service.gov.uk/find-statistics/pupil-absence-in-schools-in-england',
      'https://www.leeds.gov.uk/schools',
    ]) {
      expect(isAllowedExternal(url), url).toBe(true);
    }
  });

  it('refuses everything else: other sites, http, look-alike hosts, credentials, other ports, other schemes', () => {
    for (const url of [
      'https://example.com/',
      'http://www.gov.uk/',
      'https://gov.uk.evil.example/',
      'https://www.gov.uk.evil.example/',
      'https://evilgov.uk/',
      'https://user:pw@www.gov.uk/',
      'https://www.gov.uk:8443/',
      'file:///C:/Windows/System32/calc.exe',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(isAllowedExternal(url), url).toBe(false);
    }
  });
});

describe('Electron fuses', () => {
  it('electron-builder.yml turns off RunAsNode, NODE_OPTIONS and --inspect and turns on ASAR integrity', () => {
    const config = load(fs.readFileSync('electron-builder.yml', 'utf8')) as {
      electronFuses: Record<string, boolean>;
    };
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });
});
