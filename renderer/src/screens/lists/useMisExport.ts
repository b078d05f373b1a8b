// The export for the MIS: downloads the marks it does not have yet as a CSV, says how many, and refreshes the list
// of marks not yet exported.
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { call } from '../../rpc';

export function useMisExport(today: string) {
  const qc = useQueryClient();
  const [msg, setMsg] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const exportNow = async () => {
    try {
      const r = await call('marks.exportForMis', {});
      const url = URL.createObjectURL(new Blob([r.csv], { type: 'text/csv' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `marks-for-mis-${today}.csv`;
      a.click();
      URL.revokeObjectURL(url);
      setMsg(`${r.rows} marks exported. Import the file into your MIS today.`);
      await qc.invalidateQueries({ queryKey: ['marks.unexported'] });
    } catch (e) {
      setError(e);
    }
  };
  return { msg, error, exportNow };
}
