/** Each command's usage, printed by `kanalarkiv help COMMAND`, `kanalarkiv COMMAND --help` and after a usage error. */
export const COMMAND_USAGE = {
  capture: `kanalarkiv capture --archive DIR [--channels FILE] [--only ID,…] [--reason TEXT]
                   [--timeout SECONDS] [--concurrency N] [--browser PATH] [--json]
                   [--organisation NAME] [--profiles DIR] [--due] [--rounds SPEC]

Captures every active channel of the archive's register (or of FILE; or those named with --only,
even inactive ones, for a closing capture) and archives each snapshot as a bag under DIR.
FILE is a JSON array of {id, name, platform, url, unit, owners} or a CSV file with those columns.
The organisation and the rounds are the archive's shared settings unless given here.
--timeout is per channel (default 120), --concurrency how many channels at once (default 2),
--reason is written into every record (default "Regelbunden ögonblicksbild").
--due captures only the channels without a snapshot in the current round (open, or overdue).
SPEC lists the rounds, default "april:04-01..04-30,september:09-01..09-30" (or KANALARKIV_ROUNDS).
With --json, stdout is exactly one JSON object: {"results":[{channel,status,record,error}]}.
Exit status: 0 all archived, 2 some channels failed, 1 invalid arguments, 130 cancelled.`,
  'save-comment': `kanalarkiv save-comment URL --archive DIR [--channels FILE] --channel ID --reason CODE
                        [--note TEXT] [--selector CSS | --pick] [--answer URL] [--by NAME] [--timeout SECONDS]
                        [--browser PATH] [--profiles DIR] [--organisation NAME] [--json]
kanalarkiv save-comment --reasons [--json]

Saves the comment or post URL points at, of channel ID in FILE, as a record under DIR before it
is removed (or, with --reason synpunkt, to register it): the comment, the post around it with the
comment outlined, its text, the author and the time as shown, and who saved it and why.
The comment is found from the link as each platform marks it (README, "Saving a comment"), from
the link's #fragment on any page, or with --selector; with --pick a window opens on the page at URL
and you click the comment in it. --answer saves the reply given to it (its
link, in the same thread) with it. --reasons lists the reason codes.
Results and exit status as for capture.`,
  'check-removal': `kanalarkiv check-removal --archive DIR [--only REF,…] [--by NAME] [--timeout SECONDS]
                         [--browser PATH] [--profiles DIR] [--json]

Opens each saved comment's link again (all, or --only's) and appends to the archive's
handover-log.jsonl whether it is gone, and when; the records are never changed.
Exit status: 0 every comment could be checked, 2 some pages could not be read, 1 invalid arguments.`,
  due: `kanalarkiv due --archive DIR [--channels FILE] [--rounds SPEC] [--at TIME] [--json]

Lists the active channels (of the archive's register, or of FILE) still due in the current round: the open one, or the last one if it
closed before every channel was captured (overdue). --at asks as of another time
(e.g. 2026-04-14T10:00:00+02:00).`,
  channels: `kanalarkiv channels list|add|edit ID|deactivate ID|remove ID|import FILE|export|history [ID]
                    --archive DIR [--by NAME] [--json] [--all]
                    [--id ID --name NAME --url URL --unit UNIT --owners "A, B" --platform P
                     --page-owner NAME --notes TEXT --interval MONTHS --active yes|no]
                    [--format csv|json|html] [--public] [--out FILE] [--dry-run]

The archive's channel register (kanalregister.json), the one the app and every user of the archive
share. add takes the fields; edit changes the ones given; deactivate marks a closed account;
remove takes it out of the register (its snapshots stay). Every change is written to the
register's history with who (--by, else your login name) and when. import adds the rows of a CSV
or JSON channel list that have no problems (--dry-run only says what it would do). export writes
the active channels (--all: inactive too) as CSV (--public: only what the website shows), JSON,
or html: the public list of accounts as a fragment for the municipality's website.
Exit status: 0 done, 2 not done (a problem in the register, or some import rows left out),
1 invalid arguments.`,
  verify: `kanalarkiv verify --archive DIR [--json]

Checks every snapshot (bag) under DIR: changed, missing or extra files, broken manifests.
Exit status: 0 every bag intact, 2 some bags damaged, 1 invalid arguments.`,
  login: `kanalarkiv login PLATFORM [--browser PATH] [--profiles DIR]

Opens a browser window with the platform's own profile: log in there, then close the window.
Later captures of that platform reuse the session. Kanalarkiv never sees the password.
PLATFORM is one of facebook, instagram, linkedin, x, youtube, tiktok, bluesky, mastodon, threads.`,
  handover: `kanalarkiv handover --archive DIR --to platina|email|folder|eark|file-archive
                    [--round NAME | --snapshots REF,…] [--list] [--by NAME] [--json]
                    [--organisation NAME] [--dest DIR] [--org-id NUMBER]
                    [--smtp HOST:PORT --user NAME --from ADDR --to-address ADDR --ca FILE]
                    [--platina URL --diary ID [--case ID] --authority URL --client-id ID
                     --scope SCOPE --case-type ID --status ID --business-code ID --deed-type ID
                     --comment-pul-level N]

Sends the records not yet delivered to the place (all, or --round's) and logs each in the
archive's handover-log.jsonl; a re-run sends only what is missing. REF is a snapshot as --list
shows it (channel/time-id). --dest is the folder for
folder, eark, file-archive and email without --smtp (.eml files). Secrets come from the
environment: KANALARKIV_SMTP_PASSWORD, and KANALARKIV_PLATINA_TOKEN (else a browser sign-in).
Exit status: 0 every record is there, 2 some failed, 1 invalid arguments or missing settings.`,
  receipt: `kanalarkiv receipt --archive DIR [--delivery ID] --out FILE [--organisation NAME]

Writes a delivery's receipt (the latest, or --delivery's) as a PDF/A file, read from the
archive's handover log.`,
} as const;

export type CommandName = keyof typeof COMMAND_USAGE;

export function isCommand(name: string | undefined): name is CommandName {
  return name !== undefined && Object.hasOwn(COMMAND_USAGE, name);
}

/** `kanalarkiv --help`: every command's first lines, and how to get the rest. */
export const USAGE = `Usage:
${Object.values(COMMAND_USAGE).map((text) => `  ${text.split('\n\n')[0]!.replaceAll('\n', '\n  ')}`).join('\n')}

kanalarkiv help COMMAND (or kanalarkiv COMMAND --help) tells more about one command.
Exit status: 0 all done, 2 some channels or records failed or some bags are damaged, 1 invalid
arguments, 130 cancelled.`;
