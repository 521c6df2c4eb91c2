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
    return await main(argv, { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text), t }, controller.signal);
  } catch (error) {
    process.stderr.write(`kanalarkiv: ${t('cli.internal')}\n${(error as Error).stack ?? error}\n`);
    return 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
