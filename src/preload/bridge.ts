import type { CaptureJobState } from '../shared/capture';
import type { ApiError } from '../shared/errors';
import { API_CALLS, IPC_CHANNELS, IPC_EVENTS, type KanalarkivBridge } from '../shared/ipc';

/** The part of Electron's ipcRenderer the bridge uses, so that it can be built and tested without Electron. */
export interface RendererIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  off(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

type Reply = { ok: true; value: unknown } | { ok: false; error: ApiError };

/**
 * Exactly the API of src/shared/ipc.ts, one forwarder per IPC channel, and nothing of ipcRenderer
 * itself. A failure is rejected as plain {code, message}: contextBridge would keep only an Error's
 * message (https://www.electronjs.org/docs/latest/api/context-bridge#parameter--error--return-type-support);
 * the renderer's api.ts makes it an Error again.
 */
export function createBridge(ipc: RendererIpc): KanalarkivBridge {
  const calls = Object.fromEntries(
    API_CALLS.map((name) => [
      name,
      async (...args: unknown[]) => {
        const reply = (await ipc.invoke(IPC_CHANNELS[name], ...args)) as Reply;
        if (!reply.ok) throw reply.error;
        return reply.value;
      },
    ]),
  );
  return {
    ...(calls as unknown as Omit<KanalarkivBridge, 'onCaptureUpdate'>),
    onCaptureUpdate: (listener) => {
      // The listener gets the state only, never the IPC event (which would expose ipcRenderer).
      const forward = (_event: unknown, ...args: unknown[]) => listener(args[0] as CaptureJobState);
      ipc.on(IPC_EVENTS.captureUpdate, forward);
      return () => void ipc.off(IPC_EVENTS.captureUpdate, forward);
    },
  };
}
