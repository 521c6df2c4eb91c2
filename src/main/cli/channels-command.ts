import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { KanalarkivError } from '../../shared/errors';
import type { RegisteredChannel } from '../../shared/register';
import { decodeText } from '../register/encoding';
import { channelsCsv, channelsHtml, channelsJson } from '../register/export';
import { ChannelListError } from '../register/channels';
import { ChannelRegister, currentUser } from '../register/register';
import { issueLines, loadSharedSettings } from './channel-file';
import { entryText, failureText, issueText } from './messages';
import type { Translate } from '../messages';
import { EXIT, parseOptions, requireArchive, useArchive, UsageError, type Io } from './options';

const FIELDS = {
  id: { type: 'string' },
  name: { type: 'string' },
  platform: { type: 'string' },
  url: { type: 'string' },
  unit: { type: 'string' },
  owners: { type: 'string' },
  'page-owner': { type: 'string' },
  notes: { type: 'string' },
  interval: { type: 'string' },
  active: { type: 'string' },
} as const;

type Values = Partial<Record<keyof typeof FIELDS, string>>;

/** The channel fields given as options, as the register's input (owners "A, B"; active yes/no). */
function fieldsOf(values: Values, t: Translate): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const key of ['id', 'name', 'platform', 'url', 'unit', 'notes'] as const) if (values[key] !== undefined) input[key] = values[key];
  if (values.owners !== undefined) input.owners = values.owners.split(/[,;]/).map((o) => o.trim()).filter(Boolean);
  if (values['page-owner'] !== undefined) input.pageOwner = values['page-owner'];
  if (values.interval !== undefined) input.intervalMonths = values.interval === '' ? undefined : Number(values.interval);
  if (values.active !== undefined) {
    if (!/^(yes|no|ja|nej)$/i.test(values.active)) throw new UsageError(t('cli.activeYesNo', { value: values.active }));
    input.active = /^(yes|ja)$/i.test(values.active);
  }
  return input;
}

/**
 * `kanalarkiv channels list|add|edit|deactivate|remove|import|export|history`: the archive's channel
 * register, the same one the app shows, changed under its lock and written to its history.
 */
export async function channelsCommand(args: string[], io: Io): Promise<number> {
  const [action, ...rest] = args;
  const { values, positionals } = parseOptions(rest, {
    archive: { type: 'string' },
    by: { type: 'string' },
    json: { type: 'boolean', default: false },
    all: { type: 'boolean', default: false },
    format: { type: 'string' },
    public: { type: 'boolean', default: false },
    out: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    ...FIELDS,
  }, true);
  const { t } = io;
  if (!values.archive) throw new UsageError(t('cli.registerArchiveRequired'));
  if (['list', 'export', 'history'].includes(action ?? '')) await requireArchive(values.archive, t);
  else {
    const problem = await useArchive(values.archive, t);
    if (problem) throw new UsageError(problem);
  }
  const by = values.by?.trim() || currentUser();
  const register = new ChannelRegister(path.resolve(values.archive), () => by);
  const only = (count: number) => {
    if (positionals.length !== count) throw new UsageError(count === 0 ? t('cli.noFurther', { action, rest: positionals.join(' ') }) : t('cli.needsArguments', { action, count }));
  };
  const find = async (id: string): Promise<RegisteredChannel> => {
    const channel = (await register.list()).find((c) => c.id === id);
    if (!channel) throw new UsageError(t('cli.noSuchChannel', { id, dir: values.archive }));
    return channel;
  };

  try {
    switch (action) {
      case 'list': {
        only(0);
        const channels = (await register.list()).filter((c) => values.all || c.active);
        if (values.json) io.out(`${JSON.stringify({ channels })}\n`);
        else if (channels.length === 0) io.out(t('cli.emptyRegister'));
        else io.out(`${channels.map((c) => `${c.id}\t${c.name}\t${c.platform}\t${c.unit}\t${c.owners.join(', ')}${c.active ? '' : `\t${t('cli.inactive')}`}`).join('\n')}\n`);
        return EXIT.ok;
      }
      case 'add': {
        only(0);
        return report(io, await register.save(fieldsOf(values, t)), 'added');
      }
      case 'edit':
      case 'deactivate': {
        only(1);
        const current = await find(positionals[0]!);
        const changes = action === 'deactivate' ? { active: false } : fieldsOf(values, t);
        if ('id' in changes && changes.id !== current.id) throw new UsageError(t('cli.idFixed'));
        return report(io, await register.save({ ...current, ...changes }, current), action === 'deactivate' ? 'deactivated' : 'changed');
      }
      case 'remove': {
        only(1);
        const current = await find(positionals[0]!);
        await register.remove(current);
        io.err(t('cli.removed', { name: current.name, id: current.id }));
        return EXIT.ok;
      }
      case 'import': {
        only(1);
        const file = positionals[0]!;
        const text = decodeText(await readFile(file)).text;
        const preview = await register.previewImport(text, path.basename(file));
        if (preview.unknownColumns.length > 0) io.err(`${t('channels.unknownColumns', { count: preview.unknownColumns.length, columns: preview.unknownColumns.map((c) => `"${c}"`).join(', ') })}\n`);
        for (const row of preview.rows) {
          if (row.issues.length > 0) io.err(`${t('cli.leftOut', { entry: entryText(t, row.entry).replace(/, $/, '') })}${issueLines(t, row.issues.map((i) => ({ ...i, entry: '' })))}\n`);
          for (const w of row.warnings) io.err(`${t('cli.warningLine', { entry: entryText(t, row.entry), field: w.field, text: issueText(t, w) })}\n`);
        }
        if (values['dry-run']) {
          io.out(t('cli.wouldAdd', { importable: preview.importable, count: preview.rows.length }));
          return EXIT.ok;
        }
        const added = await register.importRows(text, path.basename(file));
        io.out(t('cli.added', { added: added.length, count: preview.rows.length, ids: added.length ? `: ${added.join(', ')}` : '' }));
        return added.length === preview.rows.length ? EXIT.ok : EXIT.someFailed;
      }
      case 'export': {
        only(0);
        const format = values.format ?? 'csv';
        if (!['csv', 'json', 'html'].includes(format)) throw new UsageError(t('cli.format', { format }));
        const channels = (await register.list()).filter((c) => (values.all && format !== 'html') || c.active);
        const shared = await loadSharedSettings(values.archive, t);
        if (typeof shared === 'string') throw new UsageError(shared);
        const text = format === 'html'
          ? channelsHtml(channels, shared?.organisation ?? '', new Date())
          : format === 'json' ? channelsJson(channels) : channelsCsv(channels, values.public ? 'public' : 'register');
        if (values.out) {
          await writeFile(values.out, text);
          io.err(t('cli.wrote', { count: channels.length, file: values.out }));
        } else {
          io.out(text);
        }
        return EXIT.ok;
      }
      case 'history': {
        if (positionals.length > 1) only(1);
        const events = await register.history(positionals[0]);
        if (values.json) io.out(`${JSON.stringify({ events })}\n`);
        else io.out(events.map((e) => `${e.at}\t${e.by}\t${t(`cli.history.${e.action}`)}\t${e.channelId}\t${e.name}${e.action === 'changed' ? `\t${e.changes.map((c) => c.field).join(', ')}` : ''}\n`).join(''));
        return EXIT.ok;
      }
      default:
        throw new UsageError(action === undefined ? t('cli.whatToDo') : t('cli.notAnAction', { action }));
    }
  } catch (error) {
    if (error instanceof ChannelListError) throw new UsageError(`${error.source}:\n${issueLines(t, error.issues)}`);
    if (!(error instanceof KanalarkivError)) throw error;
    io.err(`kanalarkiv channels ${action}: ${failureText(t, error)}\n`);
    return EXIT.someFailed;
  }
}

function report(io: Io, result: Awaited<ReturnType<ChannelRegister['save']>>, done: 'added' | 'changed' | 'deactivated'): number {
  const { t } = io;
  if ('issues' in result) {
    io.err(`${t('cli.notSaved')}\n${issueLines(t, result.issues)}\n`);
    return EXIT.usage;
  }
  for (const w of result.warnings) io.err(`${t('cli.warningLine', { entry: entryText(t, w.entry), field: w.field, text: issueText(t, w) })}\n`);
  io.out(`${result.channel.id}\t${t(`cli.done.${done}`)}\n`);
  return EXIT.ok;
}
