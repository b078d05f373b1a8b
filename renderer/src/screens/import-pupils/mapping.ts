// Matching a pupils file's columns to the fields: the office's words for each field, the screen's mapping turned
// into the contract's, and the last mapping used for a file with the same headers, kept on this computer
// (docs/mis-headers.md).
import { CONTACT_IMPORT_FIELDS, IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS } from '../../../../shared/contract';
import { importFieldWords } from '../../../../shared/pupil';

/** Field -> the file's header for it ('' = "not in this file"), as the screen holds it. */
export type ScreenMapping = Record<string, string>;

export const ALL_FIELDS: string[] = [...IMPORT_FIELDS, ...CONTACT_IMPORT_FIELDS];
export const REQUIRED: ReadonlySet<string> = new Set(REQUIRED_IMPORT_FIELDS);

/** The office's words for a field, the contact columns included ("Contact 1's phone"); the column name stays
 * beside it for IT staff. */
export function fieldLabel(f: string): string {
  const w = importFieldWords(f);
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/** The screen's mapping as the contract takes it: file header -> field, and the fields left out. */
export function fileMapping(m: ScreenMapping) {
  return {
    mapping: Object.fromEntries(
      Object.entries(m)
        .filter(([, h]) => h)
        .map(([f, h]) => [h, f]),
    ),
    ignore: Object.entries(m)
      .filter(([, h]) => !h)
      .map(([f]) => f),
  };
}

const mappingKey = (headers: readonly string[]) => `pupil-import-mapping:${JSON.stringify(headers)}`;

export function rememberedMapping(headers: readonly string[]): ScreenMapping | null {
  try {
    const raw = localStorage.getItem(mappingKey(headers));
    return raw ? (JSON.parse(raw) as ScreenMapping) : null;
  } catch {
    return null;
  }
}

export function rememberMapping(headers: readonly string[], m: ScreenMapping): void {
  localStorage.setItem(mappingKey(headers), JSON.stringify(m));
}
