// Choosing a Word file, checking it and saving it: the steps both template uploads share (letter templates and the
// reintegration plan's template). `checkFile` asks the core what it finds in the file; `saveFile` stores it and
// returns the message to show. A new file clears the last check, message and error; a failed read or check clears
// the file, so nothing half-chosen can be saved.
import { useState } from 'react';
import { fileToBase64 } from './letters/util';

export type ChosenFile = { name: string; base64: string };

export function useDocxUpload<C>(
  checkFile: (base64: string) => Promise<C>,
  saveFile: (base64: string) => Promise<string>,
) {
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [check, setCheck] = useState<C | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const onFile = async (f: File) => {
    setError(null);
    setCheck(null);
    setDone(null);
    try {
      const base64 = await fileToBase64(f);
      setFile({ name: f.name, base64 });
      setCheck(await checkFile(base64));
    } catch (e) {
      setError(e);
      setFile(null);
    }
  };
  const save = async () => {
    if (!file) {
      return;
    }
    setError(null);
    try {
      setDone(await saveFile(file.base64));
      setFile(null);
      setCheck(null);
    } catch (e) {
      setError(e);
    }
  };
  const clear = () => {
    setCheck(null);
    setFile(null);
  };
  return { file, check, error, setError, done, onFile, save, clear };
}
