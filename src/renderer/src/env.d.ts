import type { KanalarkivBridge } from '../../shared/ipc';

declare global {
  interface Window {
    kanalarkiv: KanalarkivBridge;
  }
}
