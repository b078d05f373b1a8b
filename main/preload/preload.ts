// The preload: the page gets rpc(channel, input), relayed to the main process, and a folder picker for saving
// letters (the main process shows the system dialog; the page only receives the chosen path).
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('attendance', {
  rpc: (channel: string, input: unknown): Promise<unknown> => ipcRenderer.invoke('rpc', channel, input),
  chooseFolder: (defaultPath: string): Promise<string | null> =>
    ipcRenderer.invoke('choose-folder', defaultPath),
});
