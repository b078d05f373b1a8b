// The preload: the page gets exactly one function, rpc(channel, input), relayed to the main process.
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('attendance', {
  rpc: (channel: string, input: unknown): Promise<unknown> => ipcRenderer.invoke('rpc', channel, input),
});
