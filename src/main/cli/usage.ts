import type { Translate } from '../messages';

/** Each command's synopsis: the options are the same in every language; what they do is in the catalogue (cli.usage.*). */
const SYNOPSIS = {
  capture: `kanalarkiv capture --archive DIR [--channels FILE] [--only ID,…] [--reason TEXT]
                   [--timeout SECONDS] [--concurrency N] [--browser PATH] [--json]
                   [--organisation NAME] [--profiles DIR] [--due] [--rounds SPEC] [--tsa URL]`,
  'save-comment': `kanalarkiv save-comment URL --archive DIR [--channels FILE] --channel ID --reason CODE
                        [--note TEXT] [--selector CSS | --pick] [--answer URL] [--by NAME] [--timeout SECONDS]
                        [--browser PATH] [--profiles DIR] [--organisation NAME] [--tsa URL] [--json]
kanalarkiv save-comment --reasons [--json]`,
  'check-removal': `kanalarkiv check-removal --archive DIR [--only REF,…] [--by NAME] [--timeout SECONDS]
                         [--browser PATH] [--profiles DIR] [--json]`,
  due: `kanalarkiv due --archive DIR [--channels FILE] [--rounds SPEC] [--at TIME] [--json]`,
  channels: `kanalarkiv channels list|add|edit ID|deactivate ID|remove ID|import FILE|export|history [ID]
                    --archive DIR [--by NAME] [--json] [--all]
                    [--id ID --name NAME --url URL --unit UNIT --owners "A, B" --platform P
                     --page-owner NAME --notes TEXT --interval MONTHS --active yes|no]
                    [--format csv|json|html] [--public] [--out FILE] [--dry-run]`,
  verify: `kanalarkiv verify --archive DIR [--tsa-ca FILE] [--json]`,
  timestamp: `kanalarkiv timestamp --archive DIR [--tsa URL] [--json]`,
  login: `kanalarkiv login PLATFORM [--browser PATH] [--profiles DIR]`,
  handover: `kanalarkiv handover --archive DIR --to platina|email|folder|eark|file-archive
                    [--round NAME | --snapshots REF,…] [--list] [--by NAME] [--json]
                    [--organisation NAME] [--dest DIR] [--org-id NUMBER] [--agreement REF]
                    [--smtp HOST:PORT --user NAME --from ADDR --to-address ADDR --ca FILE]
                    [--tsa URL] [--dry-run] [PLATINA]`,
  receipt: `kanalarkiv receipt --archive DIR [--delivery ID] --out FILE [--organisation NAME]`,
  platina: `kanalarkiv platina check [--archive DIR] [--json] [PLATINA]

                  PLATINA: --platina URL --diary ID [--case ID] --authority URL --client-id ID
                    --scope SCOPE [--redirect-host localhost|127.0.0.1] [--redirect-path PATH]
                    [--openapi URL] [--token-header NAME] --status ID --origin ID --case-type ID [--business-code ID]
                    --pul-level N --secrecy-level N [--confidential-paragraphs ID,…]
                    --deed-type ID --deed-status ID --deed-pul-level N --deed-secrecy-level N
                    [--comment-pul-level N]`,
} as const;

export type CommandName = keyof typeof SYNOPSIS;

export const COMMAND_NAMES = Object.keys(SYNOPSIS) as CommandName[];

export function isCommand(name: string | undefined): name is CommandName {
  return name !== undefined && Object.hasOwn(SYNOPSIS, name);
}

/** One command's usage, printed by `kanalarkiv help COMMAND`, `kanalarkiv COMMAND --help` and after a usage error. */
export function commandUsage(command: CommandName, t: Translate): string {
  return `${SYNOPSIS[command]}\n\n${t(`cli.usage.${command}`)}`;
}

/** `kanalarkiv --help`: every command's synopsis, and how to get the rest. */
export function usage(t: Translate): string {
  return `${t('cli.usageHeading')}
${Object.values(SYNOPSIS).map((text) => `  ${text.replaceAll('\n', '\n  ')}`).join('\n')}

${t('cli.moreHelp')}
${t('cli.exitStatus')}`;
}
