import { stat } from 'node:fs/promises';
import { readCatalogue } from '../archive/catalogue';
import { currentRound, dueChannels, openRound } from '../rounds/rounds';
import { loadChannels, loadRounds, loadSharedSettings } from './channel-file';
import { roundName } from './messages';
import { EXIT, parseOptions, requireArchive, UsageError, type Io } from './options';

const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'long' });

/** `kanalarkiv due`: which active channels still need their snapshot in the current round. */
export async function dueCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseOptions(args, {
    channels: { type: 'string' },
    archive: { type: 'string' },
    rounds: { type: 'string' },
    at: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  const { t } = io;
  if (!values.archive) throw new UsageError(t('cli.dueArchiveRequired'));
  const list = await loadChannels(values.channels, values.archive, t);
  if (typeof list === 'string') throw new UsageError(list);
  const shared = await loadSharedSettings(values.archive, t);
  if (typeof shared === 'string') throw new UsageError(shared);
  const rounds = loadRounds(values.rounds, shared, t);
  if (typeof rounds === 'string') throw new UsageError(rounds);
  const now = values.at ? new Date(values.at) : new Date();
  // A year past 9999 is a valid JS date but no round's: the rounds' own dates would overflow.
  if (Number.isNaN(now.getTime()) || now.getUTCFullYear() < 1970 || now.getUTCFullYear() > 9999) throw new UsageError(t('cli.badAt', { at: values.at }));

  let snapshots: Awaited<ReturnType<typeof readCatalogue>>['snapshots'] = [];
  if (await stat(values.archive).then((s) => s.isDirectory(), () => false)) {
    await requireArchive(values.archive, t);
    snapshots = (await readCatalogue(values.archive)).snapshots;
  }
  const round = currentRound(rounds, now);
  const open = openRound(rounds, now)?.name === round.name;
  const due = dueChannels(list.channels, snapshots, round, now);
  const done = list.channels.filter((c) => c.active && !due.includes(c));

  if (values.json) {
    io.out(`${JSON.stringify({ round: { ...round, open }, due: due.map((c) => c.id), done: done.map((c) => c.id) })}\n`);
  } else {
    const window = `${day.format(new Date(round.opens))} – ${day.format(new Date(Date.parse(round.closes) - 1))}`;
    io.out(t('cli.dueRound', { round: t.language === 'en' ? round.name : roundName(t, round.name), window, state: t(open ? 'cli.dueOpen' : due.length ? 'cli.dueOverdue' : 'cli.dueClosed') }));
    io.out(t('cli.dueList', { count: due.length, ids: due.map((c) => c.id).join(', ') || '–' }));
    io.out(t('cli.doneList', { count: done.length, ids: done.map((c) => c.id).join(', ') || '–' }));
  }
  return EXIT.ok;
}
