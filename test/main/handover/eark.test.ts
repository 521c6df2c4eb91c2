import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { handOver } from '../../../src/main/handover/deliver';
import { earkAdapter, SCHEMA_FILES } from '../../../src/main/handover/eark/package';
import { HandoverLog } from '../../../src/main/handover/log';
import { makeArchive, type TestArchive } from '../../helpers/archive';
import { ROOT } from '../../helpers/cli';
import { startLocalTsa } from '../../helpers/tsa';
import { stampBag } from '../../../src/main/archive/stamp-bag';
import { PreservationLog } from '../../../src/main/archive/preservation-log';
import { checkArchive } from '../../../src/main/handover/check';

const OFFICIAL = path.join(ROOT, '..', 'shared', 'reference', 'eark');
const SCHEMAS = [OFFICIAL, path.join(ROOT, 'resources', 'eark')].find((dir) => {
  try {
    return readdirSync(dir).includes('mets.xsd');
  } catch {
    return false;
  }
})!;

let archive: TestArchive;
let unpacked: string;
let objid: string;
let tsaCa: string;
beforeAll(async () => {
  archive = await makeArchive('handover-eark');
  // One record has a trusted timestamp, and the archive has been checked once before the handover.
  const tsa = await startLocalTsa();
  try {
    await stampBag(path.join(archive.dir, ...archive.refs[0]!.split('/')), tsa.url);
  } finally {
    await tsa.close();
  }
  tsaCa = tsa.caFile;
  await new PreservationLog(archive.dir).recordCheck(await checkArchive(archive.dir), 'Arkivarie Anna', 'Kanalarkiv test');
  const dest = mkdtempSync(path.join(os.tmpdir(), 'eark-'));
  const result = await handOver({ archiveDir: archive.dir, adapter: earkAdapter({ dir: dest, organisation: 'Umeå kommun', organisationId: '212000-2726', contact: 'Registrator Rut', submissionAgreement: 'RA 13-2011/5329; 2012-04-12' }), refs: archive.refs, by: 'Registrator Rut' });
  expect(result.items.map((i) => i.status)).toEqual(['delivered', 'delivered', 'delivered']);
  const zip = result.items[0]!.remoteId;
  expect(readdirSync(dest)).toEqual([zip]);
  // The name says whose, which round and which day; the OBJID at its end names the root folder.
  const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short' }).format(new Date());
  expect(zip).toMatch(new RegExp(`^E-arkivpaket Umeå kommun Aprilomgången 2026 ${day} uuid-[0-9a-f-]{36}\\.zip$`));
  objid = zip.match(/(uuid-[0-9a-f-]{36})\.zip$/)![1]!;
  unpacked = mkdtempSync(path.join(os.tmpdir(), 'eark-unzip-'));
  execFileSync('python3', ['-m', 'zipfile', '-e', path.join(dest, zip), unpacked]);
}, 180_000);

/** xmllint against a wrapper schema that imports the METS, CSIP and SIP namespaces from the official files. */
function validate(xml: string): { status: number | null; output: string } {
  const wrapper = path.join(mkdtempSync(path.join(os.tmpdir(), 'wrapper-')), 'wrapper.xsd');
  writeFileSync(
    wrapper,
    `<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:import namespace="http://www.loc.gov/METS/" schemaLocation="${path.join(SCHEMAS, 'mets.xsd')}"/>
  <xs:import namespace="https://DILCIS.eu/XML/METS/CSIPExtensionMETS" schemaLocation="${path.join(SCHEMAS, 'DILCISExtensionMETS.xsd')}"/>
  <xs:import namespace="https://DILCIS.eu/XML/METS/SIPExtensionMETS" schemaLocation="${path.join(SCHEMAS, 'DILCISExtensionSIPMETS.xsd')}"/>
</xs:schema>
`,
  );
  const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', wrapper, xml], { encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('the e-archive package (FGS 2.0 = E-ARK CSIP 2.1 + SIP 2.1)', () => {
  it('has the CSIP folder structure under a root named after the OBJID', () => {
    expect(readdirSync(unpacked)).toEqual([objid]);
    const root = path.join(unpacked, objid);
    expect(readdirSync(root).sort()).toEqual(['METS.xml', 'documentation', 'metadata', 'representations', 'schemas']);
    expect(readdirSync(path.join(root, 'schemas')).sort()).toEqual([...SCHEMA_FILES].sort());
    expect(readdirSync(path.join(root, 'metadata', 'descriptive'))).toHaveLength(3);
    expect(readdirSync(path.join(root, 'metadata', 'preservation')).sort()).toEqual(['bags', 'premis.xml']);
    expect(readdirSync(path.join(root, 'representations')).sort()).toEqual(['rep1', 'rep2']);
    // The whole record, not only its PDF: every payload file of the bag, unchanged, the web copy its own representation.
    for (const id of archive.refs) {
      const files = readdirSync(path.join(archive.dir, id, 'data')).sort();
      expect(files).toEqual(expect.arrayContaining(['metadata.json', 'page.mhtml', 'page.txt', 'page.wacz', 'record.pdf', 'screenshot-001.png']));
      expect(readdirSync(path.join(root, 'representations', 'rep1', 'data', id)).sort()).toEqual(files.filter((f) => f !== 'page.wacz'));
      expect(readdirSync(path.join(root, 'representations', 'rep2', 'data', id))).toEqual(['page.wacz']);
      for (const file of files) {
        const rep = file === 'page.wacz' ? 'rep2' : 'rep1';
        expect(sha256(path.join(root, 'representations', rep, 'data', id, file))).toBe(sha256(path.join(archive.dir, id, 'data', file)));
      }
      // Each bag's manifests go along, so its fixity and its stamp can be checked in the e-archive.
      const bag = readdirSync(path.join(root, 'metadata', 'preservation', 'bags', id)).sort();
      expect(bag).toEqual(id === archive.refs[0] ? ['bag-info.txt', 'bagit.txt', 'manifest-sha256.txt', 'tagmanifest-sha256.txt', 'timestamp.tsr'] : ['bag-info.txt', 'bagit.txt', 'manifest-sha256.txt', 'tagmanifest-sha256.txt']);
    }
    const evidence = path.join(root, 'metadata', 'preservation', 'bags', archive.refs[0]!);
    expect(execFileSync('openssl', ['ts', '-verify', '-data', path.join(evidence, 'tagmanifest-sha256.txt'), '-in', path.join(evidence, 'timestamp.tsr'), '-CAfile', tsaCa], { stdio: 'pipe' }).toString()).toContain('Verification: OK');
  });

  it('validates against the official METS, CSIP and SIP schemas with xmllint, package and representation METS alike', () => {
    const root = path.join(unpacked, objid);
    for (const mets of [path.join(root, 'METS.xml'), path.join(root, 'representations', 'rep1', 'METS.xml'), path.join(root, 'representations', 'rep2', 'METS.xml')]) {
      const { status, output } = validate(mets);
      expect(output).toMatch(/validates/);
      expect(status).toBe(0);
    }
    for (const file of ['metadata/preservation/premis.xml', ...readdirSync(path.join(root, 'metadata', 'descriptive')).map((f) => `metadata/descriptive/${f}`)]) {
      expect(spawnSync('xmllint', ['--noout', path.join(root, file)]).status).toBe(0);
    }
  });

  it('the validation is real: a METS without its required parts fails', () => {
    const broken = path.join(mkdtempSync(path.join(os.tmpdir(), 'broken-')), 'METS.xml');
    writeFileSync(broken, readFileSync(path.join(unpacked, objid, 'METS.xml'), 'utf8').replace(/CHECKSUMTYPE="SHA-256"/, 'CHECKSUMTYPE="SHA-3"'));
    expect(validate(broken).status).not.toBe(0);
  });

  it('lists every file with ID, MIMETYPE, SIZE, CREATED and a SHA-256 that matches the file', () => {
    for (const metsFile of ['METS.xml', 'representations/rep1/METS.xml', 'representations/rep2/METS.xml']) {
      const dir = path.dirname(path.join(unpacked, objid, metsFile));
      const xml = readFileSync(path.join(unpacked, objid, metsFile), 'utf8');
      const refs = [...xml.matchAll(/<mets:(?:file|mdRef) ([^>]*)>(?:\s*<mets:FLocat [^>]*xlink:href="([^"]+)")?/g)];
      expect(refs.length).toBeGreaterThan(2);
      for (const [, attributes, flocat] of refs) {
        const href = flocat ?? attributes!.match(/xlink:href="([^"]+)"/)![1]!;
        const file = path.join(dir, href);
        expect(attributes).toMatch(/MIMETYPE="[^"]+"/);
        expect(attributes).toMatch(/CREATED="\d{4}-\d{2}-\d{2}T/);
        expect(attributes).toContain(`SIZE="${readFileSync(file).length}"`);
        expect(attributes).toContain(`CHECKSUM="${sha256(file)}"`);
        expect(attributes).toContain('CHECKSUMTYPE="SHA-256"');
      }
    }
  });

  it('states the SIP header: package type, profile, software and organisation agents, CSIP structure map', () => {
    const xml = readFileSync(path.join(unpacked, objid, 'METS.xml'), 'utf8');
    expect(xml).toMatch(new RegExp(`OBJID="${objid}"`));
    expect(xml).toContain('PROFILE="https://earksip.dilcis.eu/profile/E-ARK-SIP.xml"');
    expect(xml).toContain('csip:OAISPACKAGETYPE="SIP"');
    expect(xml).toMatch(/<mets:agent ROLE="CREATOR" TYPE="OTHER" OTHERTYPE="SOFTWARE">\s*<mets:name>Kanalarkiv<\/mets:name>\s*<mets:note csip:NOTETYPE="SOFTWARE VERSION">/);
    expect(xml).toMatch(/<mets:agent ROLE="ARCHIVIST" TYPE="ORGANIZATION">\s*<mets:name>Umeå kommun<\/mets:name>\s*<mets:note csip:NOTETYPE="IDENTIFICATIONCODE">212000-2726/);
    expect(xml).toMatch(/<mets:agent ROLE="CREATOR" TYPE="INDIVIDUAL">\s*<mets:name>Registrator Rut/);
    expect(xml).toMatch(/<mets:structMap ID="structmap-1" TYPE="PHYSICAL" LABEL="CSIP">/);
    expect(xml).toMatch(/<mets:mets [^>]*csip:CONTENTINFORMATIONTYPE="OTHER" csip:OTHERCONTENTINFORMATIONTYPE="Kanalarkiv snapshot records[^"]*"/);
    expect(xml).toMatch(/<mets:fileGrp ID="grp-rep-1" USE="Representations\/rep1" csip:CONTENTINFORMATIONTYPE="OTHER"/);
    expect(xml).toMatch(/<\/mets:agent>\s*<mets:altRecordID TYPE="SUBMISSIONAGREEMENT">RA 13-2011\/5329; 2012-04-12<\/mets:altRecordID>\s*<\/mets:metsHdr>/);
    expect(xml).toContain('LABEL="Ögonblicksbilder av sociala medier (3 st, Aprilomgången 2026) från Umeå kommun"');
    for (const label of ['Metadata', 'Documentation', 'Schemas', 'Representations/rep1', 'Representations/rep2']) expect(xml).toContain(`LABEL="${label}"`);
    expect(xml).toMatch(/<mets:mptr LOCTYPE="URL" xlink:type="simple" xlink:href="representations\/rep1\/METS.xml" xlink:title="grp-rep-1"\/>/);
    expect(xml).toMatch(/<mets:mptr LOCTYPE="URL" xlink:type="simple" xlink:href="representations\/rep2\/METS.xml" xlink:title="grp-rep-2"\/>/);
    expect(xml).toMatch(/<mets:mdRef LOCTYPE="URL" MDTYPE="OTHER" OTHERMDTYPE="RFC 3161 time-stamp token" [^>]*xlink:href="metadata\/preservation\/bags\/[^"]+\/timestamp.tsr"/);
    expect(readFileSync(path.join(unpacked, objid, 'representations', 'rep2', 'METS.xml'), 'utf8')).toMatch(/MIMETYPE="application\/wacz"/);
  });

  it('carries PREMIS fixity and every event of each record, typed from the Library of Congress vocabulary', () => {
    const premis = readFileSync(path.join(unpacked, objid, 'metadata', 'preservation', 'premis.xml'), 'utf8');
    for (const id of archive.refs) expect(premis).toContain(`<premis:messageDigest>${sha256(path.join(archive.dir, id, 'data', 'record.pdf'))}</premis:messageDigest>`);
    const typed = (type: string, code: string) => `<premis:eventType authority="eventType" authorityURI="http://id.loc.gov/vocabulary/preservation/eventType" valueURI="http://id.loc.gov/vocabulary/preservation/eventType/${code}">${type}</premis:eventType>`;
    const count = (type: string, code: string) => premis.split(typed(type, code)).length - 1;
    // Per record: its capture, PDF/A, checksums and bagging (from the bag), the archive's earlier check, and the check before this handover.
    expect(count('capture', 'cap')).toBe(3);
    expect(count('creation', 'cre')).toBe(3);
    expect(count('message digest calculation', 'mes')).toBe(3);
    expect(count('packing', 'pac')).toBe(3);
    expect(count('fixity check', 'fix')).toBe(6);
    expect(count('transfer', 'tra')).toBe(1);
    // The stamped record's trusted timestamp, with the authority as its agent.
    expect(count('digital signature generation', 'dig')).toBe(1);
    expect(premis).toMatch(/<premis:agentName>CN=Testkommunens tidsstämpeltjänst, O=Test<\/premis:agentName>\s*<premis:agentType>organization<\/premis:agentType>/);
    expect(premis).toMatch(/Hela arkivet kontrollerades \(av Arkivarie Anna\)/);
    expect(premis).toContain('<premis:formatName>WACZ 1.1.1 (Web Archive Collection Zipped, with WARC 1.1)</premis:formatName>');
    for (const key of ['fmt/478', 'fmt/13', 'x-fmt/429', 'x-fmt/111', 'fmt/817']) expect(premis).toContain(`<premis:formatRegistryKey>${key}</premis:formatRegistryKey>`);
    const dc = readFileSync(path.join(unpacked, objid, 'metadata', 'descriptive', `${archive.refs[2]!.replace('/', '_')}.xml`), 'utf8');
    expect(dc).toContain('<dc:title>Ögonblicksbild Facebook Skolan: "Vår" &lt;bästa&gt;');
  });

  it('is made once: a re-run delivers nothing again, and a package cut off by an interruption is replaced', async () => {
    const dest = mkdtempSync(path.join(os.tmpdir(), 'eark-again-'));
    const adapter = () => earkAdapter({ dir: dest, organisation: 'Umeå kommun', organisationId: '', contact: 'Rut' });
    // An interrupted run: its records were started, its package left half written.
    const log = new HandoverLog(archive.dir);
    await log.append({ at: new Date().toISOString(), by: 'Rut', deliveryId: 'cut', target: 'eark', destination: dest, event: 'started', snapshotId: archive.snapshotIds[0]!, ref: archive.refs[0]!, remoteId: 'uuid-cut.zip' });
    writeFileSync(path.join(dest, 'E-arkivpaket Umeå kommun Aprilomgången 2026 2026-12-01 uuid-cut.zip.partial'), 'PK');
    const first = await handOver({ archiveDir: archive.dir, adapter: adapter(), refs: archive.refs, by: 'Rut' });
    expect(first.items.map((i) => i.status)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(readdirSync(dest)).toEqual([first.items[0]!.remoteId]);
    const second = await handOver({ archiveDir: archive.dir, adapter: adapter(), refs: archive.refs, by: 'Rut' });
    expect(second.items.map((i) => i.status)).toEqual(['already-delivered', 'already-delivered', 'already-delivered']);
    expect(readdirSync(dest)).toHaveLength(1);
  });
});
