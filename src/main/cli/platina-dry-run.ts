import type { SnapshotRef } from '../../shared/archive';
import type { HandoverSettings } from '../../shared/handover';
import { previewPlatina } from '../handover/platina/preview';
import { EXIT, type Io } from './options';

const shown = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** `handover --to platina --dry-run`: the case and deeds a delivery would create, field by field; nothing is sent. */
export async function dryRun(archiveDir: string, settings: HandoverSettings, refs: SnapshotRef[], json: boolean, io: Io): Promise<number> {
  const { t } = io;
  const preview = await previewPlatina(archiveDir, settings.platina, refs);
  if (json) {
    io.out(`${JSON.stringify({ dryRun: true, ...preview })}\n`);
    return EXIT.ok;
  }
  const fields = (body: Record<string, unknown>) => Object.entries(body).map(([key, value]) => `      ${key}: ${shown(value).replaceAll('\n', '\n        ')}\n`).join('');
  io.out(t('cli.dryRun.heading', { destination: preview.destination }));
  for (const c of preview.cases) {
    if (c.body) io.out(`${t('cli.dryRun.newCase', { round: c.round })}${fields(c.body)}`);
    else io.out(t('cli.dryRun.existingCase', { round: c.round, label: c.existing }));
  }
  for (const d of preview.deeds) {
    io.out(`${t('cli.dryRun.newDeed', { round: d.round, file: d.file.name, kb: Math.ceil(d.file.bytes / 1024).toLocaleString('sv-SE') })}${fields(d.body)}`);
  }
  for (const r of preview.refused) io.out(t('cli.dryRun.refused', { ref: r.ref }));
  if (preview.deeds.length === 0 && preview.refused.length === 0) io.out(t('cli.dryRun.nothing'));
  io.out(t('cli.dryRun.nothingSent'));
  return EXIT.ok;
}
