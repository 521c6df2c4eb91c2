import { fsProblem } from '../archive/fs-problems';
import { KanalarkivError } from '../../shared/errors';
import { diskText, failureText } from './messages';
import { EXIT, UsageError, type Io } from './options';
import { commandUsage, isCommand, usage, type CommandName } from './usage';

type Command = (args: string[], io: Io, signal?: AbortSignal) => Promise<number>;

/**
 * Each command is loaded when it is run: `kanalarkiv --help` or `due` need none of the browser,
 * PDF and image libraries that `capture` loads.
 */
const COMMANDS: Record<CommandName, () => Promise<Command>> = {
  capture: () => import('./capture-command').then((m) => m.captureCommand),
  'save-comment': () => import('./save-comment-command').then((m) => m.saveCommentCommand),
  'check-removal': () => import('./check-removal-command').then((m) => m.checkRemovalCommand),
  due: () => import('./due-command').then((m) => m.dueCommand),
  channels: () => import('./channels-command').then((m) => m.channelsCommand),
  verify: () => import('./verify-command').then((m) => m.verifyCommand),
  timestamp: () => import('./timestamp-command').then((m) => m.timestampCommand),
  login: () => import('./login-command').then((m) => m.loginCommand),
  handover: () => import('./handover-command').then((m) => m.handoverCommand),
  receipt: () => import('./handover-command').then((m) => m.receiptCommand),
  platina: () => import('./platina-command').then((m) => m.platinaCommand),
};

const wantsHelp = (args: string[]) => args.includes('--help') || args.includes('-h');

export async function main(argv: string[], io: Io, signal?: AbortSignal): Promise<number> {
  const [command, ...rest] = argv;
  const { t } = io;
  if (command === undefined) {
    io.err(`${usage(t)}\n`);
    return EXIT.usage;
  }
  if (command === 'help' || wantsHelp([command])) {
    const topic = rest[0];
    if (topic !== undefined && !isCommand(topic)) {
      io.err(`kanalarkiv: ${t('cli.noCommand', { command: topic })}\n\n${usage(t)}\n`);
      return EXIT.usage;
    }
    io.out(`${topic ? `${t('cli.usageHeading')}\n  ${commandUsage(topic, t)}` : usage(t)}\n`);
    return EXIT.ok;
  }
  if (!isCommand(command)) {
    io.err(`kanalarkiv: ${t('cli.unknownCommand', { command })}\n\n${usage(t)}\n`);
    return EXIT.usage;
  }
  if (wantsHelp(rest)) {
    io.out(`${t('cli.usageHeading')}\n  ${commandUsage(command, t)}\n`);
    return EXIT.ok;
  }
  try {
    return await (await COMMANDS[command]())(rest, io, signal);
  } catch (error) {
    const disk = fsProblem(error);
    if (disk) {
      // The archive or a destination could not be read or written: say which and what to do, never a stack.
      io.err(`kanalarkiv ${command}: ${diskText(t, disk)}\n`);
      if (rest.includes('--json')) io.out(`${JSON.stringify({ error: { code: disk.kind, message: disk.message } })}\n`);
      return EXIT.someFailed;
    }
    if (error instanceof KanalarkivError) {
      // A failure the core explains (a register that is not one, a file of reasons that cannot be read): its sentence, never a stack.
      io.err(`kanalarkiv ${command}: ${failureText(t, error)}\n`);
      if (rest.includes('--json')) io.out(`${JSON.stringify({ error: { code: error.code, message: error.message, params: error.params } })}\n`);
      return EXIT.someFailed;
    }
    if (!(error instanceof UsageError)) throw error;
    const text = error.parse ? t([`cli.parse.${error.parse.code}`, 'cli.badOption'], { option: error.parse.option, detail: error.message }) : error.message;
    io.err(`kanalarkiv ${command}: ${text}\n\n${t('cli.usageHeading')}\n  ${commandUsage(command, t)}\n`);
    return EXIT.usage;
  }
}
