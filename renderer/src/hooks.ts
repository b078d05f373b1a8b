// Small hooks: hash routing, typed queries and mutations over the contract.
import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { Channel, Input, Output } from '../../shared/contract';
import { call } from './rpc';

export function useHashRoute(): string[] {
  const read = () =>
    window.location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [parts, setParts] = useState(read);
  useEffect(() => {
    const on = () => setParts(read());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return parts;
}

export function go(path: string): void {
  window.location.hash = `#/${path}`;
}

export function useRpc<C extends Channel>(
  channel: C,
  input: Input<C>,
  opts: Partial<UseQueryOptions<Output<C>>> = {},
) {
  return useQuery<Output<C>>({ queryKey: [channel, input], queryFn: () => call(channel, input), ...opts });
}

export function useRpcMutation<C extends Channel>(channel: C, invalidate: Channel[] = []) {
  const qc = useQueryClient();
  return useMutation<Output<C>, Error, Input<C>>({
    mutationFn: (input) => call(channel, input),
    onSuccess: () => {
      for (const c of invalidate) {
        void qc.invalidateQueries({ queryKey: [c] });
      }
    },
  });
}

/** A form's save: runs the call, keeps its error or its "done" message for the form to show, then refreshes the
 * screen's queries. */
export function useSave() {
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const run = async (f: () => Promise<string>) => {
    setError(null);
    setDone(null);
    try {
      setDone(await f());
      await qc.invalidateQueries();
    } catch (e) {
      setError(e);
    }
  };
  return { error, done, run };
}
