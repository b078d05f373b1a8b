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
