import { readFile } from 'node:fs/promises';
import type { HandoverSettings, HandoverTarget } from '../../shared/handover';
import type { HandoverAdapter } from './deliver';
import { earkAdapter } from './eark/package';
import { emailAdapter } from './email';
import { HandoverError } from './errors';
import { fileArchiveAdapter } from './file-archive';
import { platinaAdapter } from './platina/adapter';
import { PlatinaClient } from './platina/client';
import { uploadFolderAdapter } from './upload-folder';

export interface TargetContext {
  organisation: string;
  /** The registrar handing over. */
  by: string;
  /** A valid Platina access token (signing in or refreshing as needed). */
  platinaToken: () => Promise<string>;
  smtpPassword: string | null;
}

/** The adapter for a target, configured from the handover settings (the app's, or the command line's flags). */
export async function adapterFor(target: HandoverTarget, settings: HandoverSettings, context: TargetContext): Promise<HandoverAdapter> {
  switch (target) {
    case 'platina':
      return platinaAdapter(settings.platina, new PlatinaClient(settings.platina.baseUrl, context.platinaToken, settings.platina.tokenHeader));
    case 'email': {
      let ca: string | undefined;
      if (settings.email.caFile) {
        ca = await readFile(settings.email.caFile, 'utf8').catch((error: Error) => {
          throw new HandoverError('settings', `Cannot read the CA certificate ${settings.email.caFile} (${error.message}).`, { what: 'ca_file', file: settings.email.caFile });
        });
      }
      return emailAdapter(settings.email, context.organisation, { password: context.smtpPassword ?? undefined, ca });
    }
    case 'folder':
      return uploadFolderAdapter(settings.folderDir);
    case 'eark':
      return earkAdapter({ dir: settings.earkDir, organisation: context.organisation, organisationId: settings.organisationId, contact: context.by, submissionAgreement: settings.submissionAgreement });
    case 'file-archive':
      return fileArchiveAdapter(settings.fileArchiveDir);
  }
}
