import { main } from './main';
import { cliLanguage } from './messages';
import { messagesIn } from '../messages';

/** Runs a command as a process: real stdout and stderr, Ctrl-C cancels (a second one quits at once). */
export async function runCli(argv: string[]): Promise<number> {
  const controller = new AbortController();
  const t = messagesIn(cliLanguage());
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write(t('cli.cancelling'));
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await main(argv, { out: (text) => process.stdout.write(printable(text)), err: (text) => process.stderr.write(printable(text)), t }, controller.signal);
  } catch (error) {
    process.stderr.write(`kanalarkiv: ${t('cli.internal')}\n${(error as Error).stack ?? error}\n`);
    return 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/**
 * What the terminal is given: every control character but tab, newline and carriage return written
 * out as \\uXXXX. A name in the register holding an escape sequence could otherwise retitle the
 * window or clear the screen; \\u is also a valid escape inside the JSON the commands print.
 */
export function printable(text: string): string {
  return text.replace(/(?![\t\n\r])\p{Cc}/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
