// The file being imported: read when chosen, checked by the server at once (with the mapping remembered for its
// headers, if any), checked again on every change of mapping, then imported all or nothing.
import { useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Output } from '../../../../shared/contract';
import { call } from '../../rpc';
import { fileMapping, rememberMapping, rememberedMapping, type ScreenMapping } from './mapping';

type Preview = Output<'pupils.importPreview'>;

export function useImportFile() {
  const [fileName, setFileName] = useState('');
  const [csv, setCsv] = useState<string | null>(null);
  const [mapping, setMapping] = useState<ScreenMapping>({});
  const [error, setError] = useState<unknown>(null);
  const { preview, setPreview, runPreview } = useLatestPreview(setError);
  const { busy, done, setDone, doImport } = useImportAll(csv, mapping, preview, setError);

  const onFile = async (f: File | undefined) => {
    setDone(null);
    setPreview(null);
    setMapping({});
    if (!f) {
      return;
    }
    setFileName(f.name);
    const text = await f.text();
    setCsv(text);
    try {
      const first = await runPreview(text, {});
      const remembered = rememberedMapping(first.headers);
      if (remembered) {
        setMapping(remembered);
        await runPreview(text, remembered);
      }
    } catch (e) {
      setError(e);
    }
  };

  const choose = (field: string, header: string) => {
    const m = { ...mapping, [field]: header };
    setMapping(m);
    void runPreview(csv!, m).catch(setError);
  };

  return { fileName, csv, preview, busy, error, done, onFile, choose, doImport };
}

/** The server's check of the file with a mapping, and its latest answer. */
function useLatestPreview(setError: (e: unknown) => void) {
  const [preview, setPreview] = useState<Preview | null>(null);
  const seq = useRef(0);
  /** Checks the file again; an answer that arrives after a newer request (quick changes of mapping) is dropped. */
  const runPreview = async (text: string, map: ScreenMapping) => {
    setError(null);
    const n = ++seq.current;
    const p = await call('pupils.importPreview', { csv: text, ...fileMapping(map) });
    if (n === seq.current) {
      setPreview(p);
    }
    return p;
  };
  return { preview, setPreview, runPreview };
}

/** The import itself, all or nothing; the mapping used is remembered for files with the same headers. */
function useImportAll(
  csv: string | null,
  mapping: ScreenMapping,
  preview: Preview | null,
  setError: (e: unknown) => void,
) {
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Output<'pupils.import'> | null>(null);
  const doImport = async () => {
    if (!csv) {
      return;
    }
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setDone(await call('pupils.import', { csv, ...fileMapping(mapping) }));
      if (preview && Object.keys(mapping).length > 0) {
        rememberMapping(preview.headers, mapping);
      }
      await qc.invalidateQueries();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return { busy, done, setDone, doImport };
}
