import { readFile } from 'node:fs/promises';
import { TSA_CA_ENV, TSA_URL_ENV } from '../archive/stamp-bag';
import { UsageError, type Io } from './options';

/** The time-stamping authority of --tsa, else of KANALARKIV_TSA_URL (undefined for none), or what is wrong with it: checked before anything is written. */
export function tsaUrlFlag(value: string | undefined, t: Io['t']): { url: string | undefined } | { problem: string } {
  const url = value ?? (process.env[TSA_URL_ENV] || undefined);
  if (url === undefined) return { url: undefined };
  const parsed = URL.canParse(url) ? new URL(url) : null;
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return { problem: t('cli.tsaUrl', { url }) };
  return { url: parsed.href };
}

/** tsaUrlFlag, for a command whose usage errors are thrown. */
export function tsaUrlOption(value: string | undefined, t: Io['t']): string | undefined {
  const flag = tsaUrlFlag(value, t);
  if ('problem' in flag) throw new UsageError(flag.problem);
  return flag.url;
}

/** The trusted roots (PEM) of --tsa-ca FILE, else of KANALARKIV_TSA_CA; '' for none. */
export async function tsaRootsOption(value: string | undefined, t: Io['t']): Promise<string> {
  const file = value ?? (process.env[TSA_CA_ENV] || undefined);
  if (file === undefined) return '';
  const pem = await readFile(file, 'utf8').catch(() => null);
  if (pem === null || !pem.includes('-----BEGIN CERTIFICATE-----')) throw new UsageError(t('cli.tsaCa', { file }));
  return pem;
}
