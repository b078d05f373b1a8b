// The calls on one attendance contract's card: the Word copy, opening and keeping the signed copy, and any other
// save, each leaving its status line or its error and refreshing the list of contracts.
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { call } from '../../rpc';
import { downloadBase64 } from '../../download';
import { fileToBase64 } from '../../letters/util';
import { openJobLetter } from './jobLetter';

export type RunSave = (f: () => Promise<string>) => Promise<void>;

export function useContractActions(contractId: number) {
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState<string | null>(null);
  const run: RunSave = async (f) => {
    setError(null);
    try {
      setStatus(await f());
      await qc.invalidateQueries({ queryKey: ['arrangements.contracts'] });
    } catch (x) {
      setError(x);
    }
  };
  const word = () =>
    run(async () => {
      const r = await call('arrangements.contractLetter', { contractId });
      return `Word copy made and logged: ${await openJobLetter(r.jobId)}.`;
    });
  const open = (eventId: number) =>
    run(async () => {
      const f = await call('arrangements.contractFile', { eventId });
      downloadBase64(f.base64, f.fileName, f.mimeType);
      return `Opened ${f.fileName}.`;
    });
  const keepSignedCopy = (file: File) =>
    run(async () => {
      const base64 = await fileToBase64(file);
      await call('arrangements.contractSignedCopy', {
        contractId,
        fileName: file.name,
        mimeType: file.type || 'application/octet-stream',
        base64,
      });
      return `Signed copy kept: ${file.name}.`;
    });
  return { error, status, run, word, open, keepSignedCopy };
}
