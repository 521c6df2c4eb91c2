import { KanalarkivError, type ApiError } from '../../shared/errors';
import { API_CALLS, type KanalarkivBridge } from '../../shared/ipc';

/**
 * The main process's API, as the screens use it: window.kanalarkiv (the preload's bridge), with every
 * failure a real KanalarkivError. The bridge rejects with plain {code, message}, because an Error
 * would lose its code crossing contextBridge (src/preload/bridge.ts).
 */
export const api: KanalarkivBridge = {
  ...(Object.fromEntries(
    API_CALLS.map((name) => [
      name,
      (...args: unknown[]) => (window.kanalarkiv[name] as (...a: unknown[]) => Promise<unknown>)(...args).catch((failure: unknown) => {
        throw asError(failure);
      }),
    ]),
  ) as unknown as Omit<KanalarkivBridge, 'onCaptureUpdate'>),
  onCaptureUpdate: (listener) => window.kanalarkiv.onCaptureUpdate(listener),
};

export function asError(failure: unknown): KanalarkivError {
  if (failure instanceof KanalarkivError) return failure;
  const { code, message, params } = (failure ?? {}) as Partial<ApiError>;
  return new KanalarkivError(code ?? 'internal', message ?? String(failure), params);
}
