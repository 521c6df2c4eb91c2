import { main } from './main';

/** Runs a command as a process: real stdout and stderr, Ctrl-C cancels (a second one quits at once). */
export async function runCli(argv: string[]): Promise<number> {
  const controller = new AbortController();
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write('\nCancelling: unfinished snapshots are discarded, finished ones are kept.\n');
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await main(argv, { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) }, controller.signal);
  } catch (error) {
    process.stderr.write(`kanalarkiv: internal error: ${(error as Error).stack ?? error}\n`);
    return 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
