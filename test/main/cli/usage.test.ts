import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/main/cli/main';
import { cliLanguage } from '../../../src/main/cli/messages';
import { messagesIn, type Language } from '../../../src/main/messages';
import { COMMAND_NAMES } from '../../../src/main/cli/usage';

async function runIn(language: Language, ...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (text) => (out += text), err: (text) => (err += text), t: messagesIn(language) });
  return { code, out, err };
}
/** As with LANG=en_US.UTF-8: the messages these tests name are the English ones. */
const run = (...argv: string[]) => runIn('en', ...argv);

const dir = mkdtempSync(path.join(os.tmpdir(), 'kanalarkiv-cli-'));
const file = (name: string, content: string) => {
  writeFileSync(path.join(dir, name), content);
  return path.join(dir, name);
};

describe('command line arguments', () => {
  it('exits 1 with a message naming the entry and field of a bad channel file', async () => {
    const channels = file('bad.csv', 'id,name,platform,url,unit,owners\nok,OK,web,https://a.se,U,A;B\nlocal,Local,web,file:///etc/passwd,U,A;B\n');
    const result = await run('capture', '--channels', channels, '--archive', path.join(dir, 'arkiv'));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/row 3, field "url": .*only http and https/);
  });

  it('answers --json even when the arguments are wrong, with exactly one JSON object', async () => {
    const result = await run('capture', '--archive', dir, '--json');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.out)).toEqual({ results: [], error: { code: 'invalid_arguments', message: expect.stringContaining('--channels') } });
  });

  it.each([
    [['capture', '--channels', 'x.json'], /--archive DIR is required/],
    [['capture', '--channels', '/does/not/exist.json', '--archive', dir], /cannot read the channel file/],
    [['capture', '--channels', 'x', '--archive', dir, '--timeout', 'soon'], /--timeout must be a whole number/],
    [['capture', '--channels', 'x', '--archive', dir, '--concurrency', '0'], /--concurrency must be a whole number from 1/],
    [['capture', '--channel', 'x'], /Unknown option '--channel'/],
    [['capture', '--channels', 'x', '--archive', dir, '--timeout', '0x20'], /--timeout must be a whole number from 10/],
    [['capture', '--channels', 'x', '--archive', dir, '--timeout', ' 1e2'], /--timeout must be a whole number from 10/],
    [['handover', '--archive', dir, '--to', 'email', '--smtp', 'smtp.kommun.se:abc'], /--smtp takes HOST:PORT/],
    [['handover', '--archive', dir, '--to', 'email', '--smtp', 'smtp.kommun.se:0'], /--smtp takes HOST:PORT/],
    [['login', 'myspace'], /login needs one platform/],
    [['verify'], /--archive DIR/],
    [['archive'], /Unknown command "archive"/],
  ])('%j → exit 1: %s', async (argv, message) => {
    const result = await run(...argv);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(message);
  });

  it.each(['+275760-09-13T00:00:00Z', '0001-01-01T00:00:00Z', 'i morgon'])('due --at %s is named as no time, not an internal error', async (at) => {
    const channels = file('due.csv', 'id,name,platform,url,unit,owners\nok,OK,web,https://a.se,U,A;B\n');
    const result = await runIn('sv', 'due', '--channels', channels, '--archive', path.join(dir, 'arkiv-due'), '--at', at);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`--at ”${at}” är ingen tidpunkt`);
  });

  it('rejects --only with an id that is not in the file', async () => {
    const channels = file('ok.json', JSON.stringify([{ id: 'a', name: 'A', url: 'https://a.se', unit: 'U', owners: ['1', '2'] }]));
    const result = await run('capture', '--channels', channels, '--archive', path.join(dir, 'arkiv'), '--only', 'a,b');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/--only names "b", not in the channel file/);
  });
});

describe('help', () => {
  it.each(COMMAND_NAMES)('kanalarkiv %s --help prints that command\'s usage and exits 0', async (command) => {
    for (const argv of [[command, '--help'], [command, '-h'], ['help', command], [command, '--archive', '/x', '--help']]) {
      const result = await run(...argv);
      expect(result.code, argv.join(' ')).toBe(0);
      expect(result.out).toContain(`kanalarkiv ${command} `);
      expect(result.out).not.toMatch(/Unknown option/);
      const others = COMMAND_NAMES.filter((c) => c !== command);
      expect(others.some((other) => result.out.includes(`kanalarkiv ${other} `))).toBe(false);
    }
  });

  it('kanalarkiv --help and kanalarkiv help list every command and exit 0', async () => {
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const result = await run(...argv);
      expect(result.code).toBe(0);
      for (const command of COMMAND_NAMES) expect(result.out).toContain(`kanalarkiv ${command} `);
    }
  });

  it('kanalarkiv help with an unknown command exits 1 and lists the commands', async () => {
    const result = await run('help', 'archive');
    expect(result.code).toBe(1);
    expect(result.err).toContain('there is no command "archive"');
  });
});

describe('in Swedish, the command line\'s default', () => {
  it('speaks English only when the locale asks for it (LC_ALL, then LC_MESSAGES, then LANG)', () => {
    expect(cliLanguage({})).toBe('sv');
    expect(cliLanguage({ LANG: 'C.UTF-8' })).toBe('sv');
    expect(cliLanguage({ LANG: 'sv_SE.UTF-8' })).toBe('sv');
    expect(cliLanguage({ LANG: 'en_GB.UTF-8' })).toBe('en');
    expect(cliLanguage({ LANG: 'en' })).toBe('en');
    expect(cliLanguage({ LC_ALL: 'en_US.UTF-8', LANG: 'sv_SE.UTF-8' })).toBe('en');
    expect(cliLanguage({ LC_MESSAGES: 'sv_SE.UTF-8', LANG: 'en_US.UTF-8' })).toBe('sv');
  });

  it('says usage errors, unknown options and the help in Swedish', async () => {
    const missing = await runIn('sv', 'capture', '--channels', 'x.json');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('kanalarkiv capture: --archive DIR behövs: mappen där ögonblicksbilderna finns.');
    const unknown = await runIn('sv', 'capture', '--channel', 'x');
    expect(unknown.err).toContain('okänt alternativ ”--channel”.');
    expect(unknown.err).toContain('Användning:');
    expect(unknown.err).toContain('Tar ögonblicksbilder av alla aktiva kanaler');
    const help = await runIn('sv', '--help');
    expect(help.out).toContain('kanalarkiv help COMMAND (eller kanalarkiv COMMAND --help) berättar mer om ett kommando.');
    expect((await runIn('sv', 'archive')).err).toContain('kanalarkiv: okänt kommando ”archive”.');
    expect((await runIn('sv', 'capture', '--channels', 'x', '--archive', dir, '--timeout', 'snart')).err).toContain('--timeout ska vara ett heltal från 10 till 3600 (inte ”snart”).');
  });

  it('names a bad channel file\'s rows and fields in Swedish', async () => {
    const channels = file('dålig.csv', 'id,name,platform,url,unit,owners\nok,OK,web,https://a.se,U,A;B\nlocal,Local,web,file:///etc/passwd,,A;B\n');
    const result = await runIn('sv', 'capture', '--channels', channels, '--archive', path.join(dir, 'arkiv'));
    expect(result.code).toBe(1);
    expect(result.err).toContain('har fel; rätta dem och kör igen:');
    expect(result.err).toContain('rad 3, fältet ”url”: Adressen måste börja med http:// eller https://.');
    expect(result.err).toContain('rad 3, fältet ”unit”: Saknas.');
    expect(result.err).not.toMatch(/only http|row 3/);
  });

  it('says a bad round in Swedish, with the core\'s words as the detail', async () => {
    const channels = file('ok.json', JSON.stringify([{ id: 'a', name: 'A', url: 'https://a.se', unit: 'U', owners: ['1', '2'] }]));
    const result = await runIn('sv', 'due', '--channels', channels, '--archive', dir, '--rounds', 'april:04-01..04-31');
    expect(result.code).toBe(1);
    expect(result.err).toContain('--rounds: Omgången ”april:04-01..04-31” har ett datum som inte finns: 04-31. Skriv månad och dag som MM-DD.');
    expect(result.err).toContain('detalj: "april:04-01..04-31" has no date 04-31');
  });
});
