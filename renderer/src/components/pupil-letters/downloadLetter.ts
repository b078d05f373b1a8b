// A logged letter's file, fetched from the core and downloaded.
import { call } from '../../rpc';
import { downloadBase64 } from '../../download';

/** A logged letter's file, downloaded. */
export async function downloadLetter(logId: number): Promise<void> {
  const f = await call('letters.file', { logId });
  downloadBase64(f.base64, f.fileName);
}
