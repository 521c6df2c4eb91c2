import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorSentence, type KanalarkivError } from '../../../shared/errors';
import { asError } from '../api';

/**
 * Loads something from the main process when `deps` change, and again on `reload()`: the value, or
 * the error that stopped it, so that no screen is left "loading" when a call fails.
 */
export function useApi<T>(load: () => Promise<T>, deps: unknown[]): { value: T | null; error: KanalarkivError | null; reload: () => Promise<void> } {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<KanalarkivError | null>(null);
  const run = useCallback(load, deps);
  const reload = useCallback(async () => {
    try {
      setValue(await run());
      setError(null);
    } catch (failure) {
      setError(asError(failure));
    }
  }, [run]);
  useEffect(() => void reload(), [reload]);
  return { value, error, reload };
}

/**
 * What went wrong, in the user's language: the catalogue's sentence for the code and its params
 * (the core's `what` picks the exact one), and the core's own message as the detail for IT.
 */
export function useErrorText(): (error: unknown) => { text: string; detail: string } {
  const { t } = useTranslation();
  return useCallback((failure: unknown) => {
    const { code, message, params } = asError(failure);
    const text = errorSentence(t, code, params);
    return { text, detail: message && message !== text ? message : '' };
  }, [t]);
}
