// The plan template screen's state and calls: the template in use, a chosen file and its check, uploading it,
// going back to the shipped template and downloading the one in use, with the error and "saved" message to show.
import { useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { useRpc, useRpcMutation } from '../../hooks';
import { call } from '../../rpc';
import { fileToBase64 } from '../../letters/util';
import { downloadBase64 } from '../../download';

export type Check = Output<'casework.planTemplate.check'>;

export function usePlanTemplate() {
  const q = useRpc('casework.planTemplate.get', {});
  const upload = useRpcMutation('casework.planTemplate.upload', ['casework.planTemplate.get']);
  const revert = useRpcMutation('casework.planTemplate.revert', ['casework.planTemplate.get']);
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [check, setCheck] = useState<Check | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const onFile = async (f: File) => {
    setError(null);
    setCheck(null);
    setDone(null);
    try {
      const base64 = await fileToBase64(f);
      setFile({ name: f.name, base64 });
      setCheck(await call('casework.planTemplate.check', { base64 }));
    } catch (e) {
      setError(e);
      setFile(null);
    }
  };
  const save = async () => {
    setError(null);
    try {
      const r = await upload.mutateAsync({ base64: file!.base64 });
      setDone(`Saved as version ${r.version} of the plan template: the next export uses it.`);
      setFile(null);
      setCheck(null);
    } catch (e) {
      setError(e);
    }
  };
  const download = async () => {
    try {
      const r = await call('casework.planTemplate.download', {});
      downloadBase64(r.base64, r.fileName);
    } catch (e) {
      setError(e);
    }
  };
  return { q, upload, revert, file, check, error, done, onFile, save, download };
}
