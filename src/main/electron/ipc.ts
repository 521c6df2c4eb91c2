import { ipcMain } from 'electron';
import { IPC_CHANNELS, type KanalarkivApi } from '../../shared/ipc';
import { dispatch } from '../api/dispatch';

/**
 * Carries every call of the API to dispatch(), which checks the sender and validates the arguments.
 * #17 Validate the sender of all IPC messages.
 */
export function registerIpc(api: KanalarkivApi, appUrl: string): void {
  for (const [name, channel] of Object.entries(IPC_CHANNELS) as Array<[keyof KanalarkivApi, string]>) {
    ipcMain.handle(channel, (event, ...args: unknown[]) =>
      dispatch(api, name, args, { url: event.senderFrame?.url ?? '', isMainFrame: !!event.senderFrame && !event.senderFrame.parent }, appUrl),
    );
  }
}
