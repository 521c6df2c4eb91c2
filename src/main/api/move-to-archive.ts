import type { RegisterInfo } from '../../shared/register';
import { readSharedSettings, updateSharedSettings, withHandoverDefaults } from '../archive/shared-settings';
import type { ChannelRegister } from '../register/register';
import type { Storage } from '../storage';

/**
 * Moves what an app before 0.3 kept per user into the archive, once: the channels of its own
 * register (those whose id and address the archive's register lacks are added, as "moved" in the
 * history), and the organisation, rounds and handover targets when the archive has no shared
 * settings yet. What was moved is taken out of the user's store, so it is never moved twice.
 */
export async function moveIntoArchive(storage: Storage, archiveDir: string, register: ChannelRegister): Promise<RegisterInfo['moved']> {
  let moved: RegisterInfo['moved'] = null;
  const own = storage.get('channels') ?? [];
  if (own.length > 0) {
    const added = await register.move(own);
    moved = { added, alreadyThere: own.map((c) => c.id).filter((id) => !added.includes(id)) };
    storage.set('channels', []);
  }
  const personal = storage.get('settings') ?? {};
  const handover = storage.get('handover') ?? {};
  const { registrar = '', ...sharedHandover } = handover;
  const anythingShared = Boolean(personal.organisation || personal.rounds) || Object.keys(sharedHandover).length > 0;
  if (anythingShared && (await readSharedSettings(archiveDir)) === null) {
    await updateSharedSettings(archiveDir, () => ({
      organisation: personal.organisation ?? '',
      rounds: personal.rounds ?? '',
      handover: withHandoverDefaults(sharedHandover),
      tsaUrl: '',
      tsaRoots: '',
    }));
  }
  if (anythingShared) {
    const { organisation: _organisation, rounds: _rounds, ...own } = personal;
    storage.set('settings', own);
    storage.set('handover', { registrar });
  }
  return moved;
}
