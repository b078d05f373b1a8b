// Saving a file the core produced through the browser's download (works in Electron's renderer too).
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Text (CSV exports) as a file. */
export function downloadText(fileName: string, text: string, type = 'text/csv'): void {
  saveBlob(new Blob([text], { type }), fileName);
}

/** Bytes sent as base64 (letters, evidence files) as a file; a Word document unless told otherwise. */
export function downloadBase64(base64: string, fileName: string, type = DOCX): void {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) {
    bytes[i] = bin.charCodeAt(i);
  }
  saveBlob(new Blob([bytes], { type }), fileName);
}
