// The plan template screen's state and calls: the template in use, a chosen file and its check, uploading it,
// going back to the shipped template and downloading the one in use, with the error and "saved" message to show.
// Choosing, checking and saving the file are the steps every template upload shares (useDocxUpload.ts).
import type { Output } from '../../../../shared/contract';
import { useRpc, useRpcMutation } from '../../hooks';
import { call } from '../../rpc';
import { useDocxUpload } from '../../useDocxUpload';
import { downloadBase64 } from '../../download';

export type Check = Output<'casework.planTemplate.check'>;

export function usePlanTemplate() {
  const q = useRpc('casework.planTemplate.get', {});
  const upload = useRpcMutation('casework.planTemplate.upload', ['casework.planTemplate.get']);
  const revert = useRpcMutation('casework.planTemplate.revert', ['casework.planTemplate.get']);
  const u = useDocxUpload(
    (base64) => call('casework.planTemplate.check', { base64 }),
    async (base64) => {
      const r = await upload.mutateAsync({ base64 });
      return `Saved as version ${r.version} of the plan template: the next export uses it.`;
    },
  );
  const download = async () => {
    try {
      const r = await call('casework.planTemplate.download', {});
      downloadBase64(r.base64, r.fileName);
    } catch (e) {
      u.setError(e);
    }
  };
  return { q, upload, revert, ...u, download };
}
