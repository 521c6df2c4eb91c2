import type { KanalarkivApi } from '../../shared/ipc';

declare global {
  interface Window {
    kanalarkiv: KanalarkivApi;
  }
}
