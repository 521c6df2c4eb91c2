import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { IPC_CHANNELS, type KanalarkivApi } from '../../shared/ipc';
import { isAppUrl } from './security';

/** Arguments of each call, validated before any handler sees them. */
const ARGUMENTS = {
  getAppInfo: z.tuple([]),
} satisfies Record<keyof KanalarkivApi, z.ZodType>;

/**
 * Registers every call of the API. Only our own window's main frame may call.
 * #17 Validate the sender of all IPC messages.
 */
export function registerIpc(api: KanalarkivApi, devServerUrl: string | undefined): void {
  for (const [name, channel] of Object.entries(IPC_CHANNELS) as Array<[keyof KanalarkivApi, string]>) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      const frameUrl = event.senderFrame?.url ?? '';
      if (event.senderFrame?.parent || !isAppUrl(frameUrl, devServerUrl)) {
        throw new Error(`refused: ${channel} from ${frameUrl}`);
      }
      const parsed = ARGUMENTS[name].parse(args);
      return (api[name] as (...a: unknown[]) => unknown)(...(parsed as unknown[]));
    });
  }
}
