// What the browser-mode server accepts: only calls from its own page on 127.0.0.1. A page on another site (or a
// DNS-rebinding name pointing at 127.0.0.1) cannot send the custom header without a preflight we never answer,
// and its Host or Origin is not ours.
export const RPC_HEADER = 'x-attendance-rpc';

export interface RequestFacts {
  method: string;
  host: string | undefined;
  origin: string | undefined;
  rpcHeader: string | undefined;
}

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** Returns null when the request may proceed, else the reason it is refused. */
export function refuseReason(r: RequestFacts, port: number, isRpc: boolean): string | null {
  const hosts = allowedHosts(port);
  if (!r.host || !hosts.includes(r.host.toLowerCase())) {
    return 'foreign Host';
  }
  if (r.origin !== undefined && !hosts.map((h) => `http://${h}`).includes(r.origin.toLowerCase())) {
    return 'foreign Origin';
  }
  if (isRpc) {
    if (r.method !== 'POST') {
      return 'rpc needs POST';
    }
    if (r.rpcHeader !== '1') {
      return 'missing app header';
    }
  }
  return null;
}
