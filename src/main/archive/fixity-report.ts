import type { ArchiveReport } from '../../shared/archive';
import { formatDateTime } from '../../shared/dates';
import { damagedRecordName, problemText, restoreText } from '../../shared/fixity';
import { messagesIn } from '../messages';
import { createPdfA, finishPdfA } from '../record/pdfa';
import { PageWriter } from '../record/writer';
import { tool } from '../resources';

const swedish = messagesIn('sv');
const when = (iso: string) => formatDateTime(iso, 'sv', true);

/**
 * A fixity check as a PDF/A-2u report in Swedish, to file beside the archive: when, what was
 * checked, each damaged record by channel and date with what is wrong and what to do, the handover
 * log's state, and every record checked.
 */
export async function fixityReportPdf(report: ArchiveReport, context: { at: Date; archiveDir: string; organisation: string; by: string }): Promise<Uint8Array> {
  const { doc, regular, bold } = await createPdfA();
  const writer = new PageWriter(doc, { regular, bold });
  const damaged = report.bags.filter((b) => b.problems.length > 0);
  const intact = report.bags.length - damaged.length;

  writer.heading('Kontroll av arkivet');
  writer.note('Kanalarkiv har räknat om kontrollsumman (SHA-256) för varje fil i varje ögonblicksbild och jämfört den med den som sparades när ögonblicksbilden arkiverades, och kontrollerat överlämningsloggen.');
  writer.gap(10);
  writer.row('Organisation', context.organisation || 'Inte angiven');
  writer.row('Arkivmapp', context.archiveDir);
  writer.row('Kontrollerad', when(context.at.toISOString()));
  writer.row('Kontrollerad av', context.by || 'Inte angivet');
  writer.row('Resultat', `${intact} av ${report.bags.length} ögonblicksbilder är oförändrade${damaged.length ? `; ${damaged.length} är skadade` : ''}.`);
  writer.row('Förteckningen', swedish('archive.inventory', { count: report.inventory.expected, present: report.inventory.present }));
  writer.row('Överlämningsloggen', report.log.length === 0 ? 'Hel: varje rad hänger ihop med raden före.' : `${report.log.length} rader är skadade. Återställ loggen från en säkerhetskopia; inget lämnas över förrän den är hel.`);
  if (report.logStamps.latest) writer.row('Loggens tidsstämplar', swedish('archive.logStamps', { count: report.logStamps.count, seq: report.logStamps.latest.seq, at: when(report.logStamps.latest.at) }));
  if (report.incomplete.length > 0) writer.row('Ofärdiga', `${report.incomplete.length} ögonblicksbilder togs aldrig färdigt (de ligger i .incomplete och räknas inte som handlingar).`);

  if (damaged.length > 0) {
    writer.gap(8);
    writer.subheading('Skadade ögonblicksbilder');
    for (const bag of damaged) {
      writer.gap(6);
      writer.row('Ögonblicksbild', damagedRecordName(bag, when));
      writer.row('Mapp', bag.bag);
      for (const problem of bag.problems) {
        writer.row('Fel', problemText(swedish, problem));
        // The checksums for IT, in the words verify.ts gives them, as the receipt keeps its detail.
        writer.row('Teknisk detalj', `${problem.file}: ${problem.detail}`);
      }
      writer.row('Gör så här', restoreText(swedish, bag));
    }
  }
  if (report.log.length > 0) {
    writer.gap(8);
    writer.subheading('Överlämningsloggens skadade rader');
    for (const problem of report.log) writer.row(`Rad ${problem.line}`, swedish(`archive.logProblem.${problem.kind}`, { line: problem.line }));
  }

  writer.gap(8);
  writer.subheading('Kontrollerade ögonblicksbilder');
  for (const bag of report.bags) writer.row(bag.problems.length ? 'SKADAD' : 'Oförändrad', `${damagedRecordName(bag, when)}${bag.channelName ? ` (${bag.bag})` : ''}`);

  const created = new Date(Math.floor(context.at.getTime() / 1000) * 1000);
  const software = tool();
  return finishPdfA(
    doc,
    {
      title: `Kontroll av arkivet ${created.toISOString().slice(0, 10)}`,
      author: context.by || software.name,
      subject: `${intact} av ${report.bags.length} ögonblicksbilder oförändrade`,
      keywords: ['kontroll', 'fixitet', 'arkiv'],
      creator: `${software.name} ${software.version}`,
      producer: `${software.name} ${software.version} (pdf-lib)`,
      created,
      source: context.archiveDir,
      language: 'sv-SE',
    },
    `fixity:${context.archiveDir}:${created.toISOString()}`,
  );
}
