import { describe, expect, it } from 'vitest';
import { ChannelListError, parseChannelList } from '../../../src/main/register/channels';

const issuesOf = (content: string, file: string) => {
  try {
    parseChannelList(content, file);
  } catch (error) {
    if (error instanceof ChannelListError) return error.issues;
    throw error;
  }
  throw new Error('expected the list to be rejected');
};

describe('parseChannelList (JSON)', () => {
  it('reads channels, fills defaults and infers the platform from the host', () => {
    const { channels, warnings } = parseChannelList(
      JSON.stringify([
        { id: 'kultur-fb', name: 'Kultur', url: 'https://www.facebook.com/kulturumea', unit: 'Kultur', owners: ['A', 'B'] },
        { id: 'kommun-web', name: 'Kommunen', url: 'https://www.umea.se/', unit: 'Kommunikation', owners: ['A', 'B'], active: false },
      ]),
      'kanaler.json',
    );
    expect(channels.map((c) => [c.id, c.platform, c.active])).toEqual([['kultur-fb', 'facebook', true], ['kommun-web', 'web', false]]);
    expect(channels[0]).toMatchObject({ pageOwner: '', notes: '', owners: ['A', 'B'] });
    expect(warnings).toEqual([]);
  });

  it('accepts {channels: [...]} as well as a bare array', () => {
    const { channels } = parseChannelList(JSON.stringify({ channels: [{ id: 'a', name: 'A', url: 'https://x.com/a', unit: 'U', owners: ['1', '2'] }] }), 'k.json');
    expect(channels[0]!.platform).toBe('x');
  });

  it('warns about fewer than two owners and about a platform that contradicts the host', () => {
    const { warnings } = parseChannelList(
      JSON.stringify([{ id: 'a', name: 'A', platform: 'instagram', url: 'https://www.youtube.com/@umea', unit: 'U', owners: ['Anna'] }]),
      'k.json',
    );
    expect(warnings).toEqual([
      expect.objectContaining({ entry: 'entry 1', field: 'platform', message: expect.stringContaining('belongs to youtube') }),
      expect.objectContaining({ entry: 'entry 1', field: 'owners', message: expect.stringContaining('at least two') }),
    ]);
  });

  it.each([
    ['file:///etc/passwd', 'not_http', /only http and https/],
    ['javascript:alert(1)', 'not_http', /only http and https/],
    ['kultur umeå', 'not_a_url', /not a web address/],
    ['https://user:secret@example.org/', 'credentials_in_url', /user name or password/],
  ])('rejects the URL %s (%s), naming the entry and the field', (url, code, message) => {
    const issues = issuesOf(JSON.stringify([{ id: 'a', name: 'A', url, unit: 'U' }]), 'k.json');
    expect(issues).toEqual([{ entry: 'entry 1', field: 'url', code, message: expect.stringMatching(message) }]);
  });

  it('takes an address without its https:// as the https address, as copied from an address bar', () => {
    const { channels } = parseChannelList(JSON.stringify([{ id: 'a', name: 'A', url: 'www.facebook.com/umea', unit: 'U', owners: ['A', 'B'] }, { id: 'b', name: 'B', url: 'umea.se/kultur?x=1', unit: 'U', owners: ['A', 'B'] }]), 'k.json');
    expect(channels.map((c) => [c.url, c.platform])).toEqual([['https://www.facebook.com/umea', 'facebook'], ['https://umea.se/kultur?x=1', 'web']]);
  });

  it.each(['../../etc', 'a/b', '.hidden', 'con', 'x'.repeat(65), ''])('rejects the id "%s", which could not be a folder in the archive', (id) => {
    const issues = issuesOf(JSON.stringify([{ id, name: 'A', url: 'https://a.se', unit: 'U' }]), 'k.json');
    expect(issues[0]).toMatchObject({ entry: 'entry 1', field: 'id' });
  });

  it('rejects duplicate ids and URLs written differently', () => {
    const issues = issuesOf(
      JSON.stringify([
        { id: 'a', name: 'A', url: 'https://www.facebook.com/umea', unit: 'U' },
        { id: 'A', name: 'B', url: 'https://b.se', unit: 'U' },
        { id: 'c', name: 'C', url: 'https://facebook.com/umea/#top', unit: 'U' },
      ]),
      'k.json',
    );
    expect(issues).toEqual([
      { entry: 'entry 2', field: 'id', code: 'duplicate_id', message: expect.stringContaining('already used by entry 1') },
      { entry: 'entry 3', field: 'url', code: 'duplicate_url', message: expect.stringContaining('already registered by entry 1') },
    ]);
  });

  it('names missing fields and an unknown platform', () => {
    const issues = issuesOf(JSON.stringify([{ id: 'a', url: 'https://a.se', platform: 'myspace' }]), 'k.json');
    expect(issues.map((i) => `${i.field} ${i.code}`).sort()).toEqual(['name missing', 'platform invalid_platform', 'unit missing']);
  });

  it('names every problem of an entry at once: a bad address beside missing fields, a taken id beside a taken address', () => {
    const issues = issuesOf(JSON.stringify([{ name: 'A', url: 'file:///etc/passwd' }]), 'k.json');
    expect(issues.map((i) => `${i.field} ${i.code}`).sort()).toEqual(['id missing', 'unit missing', 'url not_http']);
    const taken = issuesOf(JSON.stringify([{ id: 'a', name: 'A', url: 'https://a.se', unit: 'U' }, { id: 'a', name: 'B', url: 'https://a.se/', unit: 'U' }]), 'k.json');
    expect(taken.map((i) => `${i.entry} ${i.code}`)).toEqual(['entry 2 duplicate_id', 'entry 2 duplicate_url']);
  });

  it('explains a file that is not JSON or holds no channels', () => {
    expect(issuesOf('[{"id": ', 'k.json')[0]!.message).toMatch(/not valid JSON/);
    expect(issuesOf('[]', 'k.json')[0]!.message).toMatch(/no channels/);
    expect(issuesOf('{"a": 1}', 'k.json')[0]!.message).toMatch(/JSON array/);
  });
});

describe('parseChannelList (CSV)', () => {
  it('reads a comma-separated list with owners separated by semicolons', () => {
    const csv = 'id,name,platform,url,unit,owners\nkultur,Kultur Umeå,,https://www.instagram.com/kultur,Kultur,Anna Berg;Olof Lind\n';
    const { channels } = parseChannelList(csv, 'kanaler.csv');
    expect(channels[0]).toMatchObject({ id: 'kultur', name: 'Kultur Umeå', platform: 'instagram', owners: ['Anna Berg', 'Olof Lind'] });
  });

  it('reads what Excel with Swedish settings saves: BOM, semicolons, Swedish headers', () => {
    const csv = '\uFEFFid;namn;plattform;adress;enhet;ägare;sidansvarig;aktiv\r\nfb;Fritid;facebook;https://www.facebook.com/fritid;Fritid;Anna, Olof;Sara;nej\r\n';
    const { channels } = parseChannelList(csv, 'kanaler.csv');
    expect(channels[0]).toMatchObject({ id: 'fb', name: 'Fritid', platform: 'facebook', owners: ['Anna', 'Olof'], pageOwner: 'Sara', active: false });
  });

  it('reads a per-channel interval in months, and refuses one out of range', () => {
    const { channels } = parseChannelList('id;namn;adress;enhet;ägare;intervall\nbusy;Busy;https://x.com/busy;U;A, B;1\nnormal;Normal;https://x.com/n;U;A, B;\n', 'k.csv');
    expect(channels.map((c) => c.intervalMonths)).toEqual([1, undefined]);
    expect(issuesOf('id,name,url,unit,interval\na,A,https://a.se,U,0\nb,B,https://b.se,U,1.5\n', 'k.csv').map((i) => `${i.entry} ${i.field} ${i.code}`)).toEqual(['row 2 intervalMonths invalid_value', 'row 3 intervalMonths invalid_value']);
  });

  it('names the row (the header is row 1) and the field of each problem', () => {
    const csv = 'id,name,url,unit\nok,OK,https://a.se,U\nbad,Bad,ftp://files.se,U\n,Nameless,https://b.se,U\n';
    expect(issuesOf(csv, 'k.csv')).toEqual([
      { entry: 'row 3', field: 'url', code: 'not_http', message: expect.stringContaining('only http and https') },
      { entry: 'row 4', field: 'id', code: 'missing', message: 'is missing' },
    ]);
  });

  it('refuses a row with more cells than the header instead of dropping the extra ones', () => {
    const csv = 'id;namn;adress;enhet;ägare\nok;OK;https://a.se;U;A, B\nfel;Kultur; fritid;https://b.se;U;A, B\n';
    expect(issuesOf(csv, 'k.csv')).toEqual([{ entry: 'row 3', field: '-', code: 'extra_cells', message: expect.stringContaining('put that value in double quotes') }]);
  });

  it('never repeats the password of an address with credentials', () => {
    const [issue] = issuesOf(JSON.stringify([{ id: 'a', name: 'A', url: 'https://admin:Hemligt123@www.umea.se/', unit: 'U', owners: ['A', 'B'] }]), 'k.json');
    expect(issue).toMatchObject({ field: 'url', code: 'credentials_in_url' });
    expect(issue!.message).not.toContain('Hemligt123');
    expect(issue!.message).not.toContain('admin');
  });

  it('refuses names longer than a record can show', () => {
    expect(issuesOf(JSON.stringify([{ id: 'a', name: 'N'.repeat(201), url: 'https://a.se', unit: 'U' }]), 'k.json')).toEqual([{ entry: 'entry 1', field: 'name', code: 'too_long', message: expect.stringContaining('longer than 200') }]);
  });

  it('says which columns are missing from the header', () => {
    expect(issuesOf('namn,adress\nA,https://a.se\n', 'k.csv')[0]).toMatchObject({ entry: 'row 1 (header)', field: 'id, unit' });
  });
});
