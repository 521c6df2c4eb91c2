import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { EmailSettings } from '../../shared/handover';
import { syncPath } from '../archive/files';
import { PLATFORM_NAMES } from '../platforms/names';
import { checkCancelled, type HandoverAdapter } from './deliver';
import { HandoverError } from './errors';
import type { HandoverItem } from './items';
import { placeUnder, recordFileNames, safeName } from './place';

export interface EmailSecrets {
  /** The SMTP password, when the server wants one. */
  password?: string;
  /** Extra trusted CA certificate (PEM), for relays with a certificate from the municipality's own CA. */
  ca?: string;
}

/**
 * Most municipal mail systems refuse messages over 25 MB, and base64 makes an attachment a third
 * larger; a record too big for that goes to Platina another way instead of bouncing later.
 */
const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;

const localTime = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'long', timeStyle: 'short' });

/**
 * Platina by e-mail, as most municipalities file today: one message per record to the registrar's
 * mailbox, the record attached and its metadata in subject and body. Sent over SMTP, always with
 * STARTTLS, or written as .eml files to drop into the mailbox.
 */
export function emailAdapter(settings: EmailSettings, organisation: string, secrets: EmailSecrets = {}): HandoverAdapter {
  if (!settings.to) throw new HandoverError('settings', "No registrar mailbox is set. Enter the registry's address in Settings → Handover, or give --to-address.", { what: 'email_to' });
  if (!settings.from) throw new HandoverError('settings', 'No sender address is set. Enter yours in Settings → Handover, or give --from.', { what: 'email_from' });
  if (settings.mode === 'smtp' && !settings.host) throw new HandoverError('settings', 'No mail server is set. Enter the SMTP server in Settings → Handover, or give --smtp HOST:PORT.', { what: 'smtp_host' });
  if (settings.mode === 'eml' && !settings.emlDir) throw new HandoverError('settings', 'No folder for .eml files is set. Choose one in Settings → Handover, or give --dest DIR.', { what: 'eml_folder' });
  const destination = settings.mode === 'smtp' ? `smtp://${settings.host}:${settings.port} → ${settings.to}` : `${path.resolve(settings.emlDir)} → ${settings.to}`;

  return {
    target: 'email',
    destination,
    async deliver(items, context) {
      const transport =
        settings.mode === 'smtp'
          ? nodemailer.createTransport({
              host: settings.host,
              port: settings.port,
              secure: settings.port === 465,
              // Never send a record in clear text: the server must offer STARTTLS.
              requireTLS: true,
              // A server that accepts and never greets, or stalls mid-message, must not hang the handover (nodemailer waits 2 and 10 minutes by default).
              connectionTimeout: 30_000,
              greetingTimeout: 30_000,
              socketTimeout: 60_000,
              ...(settings.user ? { auth: { user: settings.user, pass: secrets.password ?? '' } } : {}),
              ...(secrets.ca ? { tls: { ca: [secrets.ca] } } : {}),
            })
          : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
      try {
        if (settings.mode === 'smtp') await transport.verify().catch((error: Error) => {
          throw smtpError(error, settings);
        });
        for (const item of items) {
          checkCancelled(context.signal);
          if ((item.bytes * 4) / 3 > MAX_MESSAGE_BYTES - 64 * 1024) {
            await context.failed(item, new HandoverError('rejected', `${item.title} is ${(item.bytes / 1024 / 1024).toFixed(1)} MB, too large to send by e-mail (mail systems take about 25 MB with the attachment encoded). Hand it over through Platina's API or upload folder instead.`, { what: 'too_large', mb: (item.bytes / 1024 / 1024).toFixed(1) }));
            continue;
          }
          const message = await composeMessage(item, settings, organisation, destination);
          await context.started(item, message.messageId);
          try {
            const info = await transport.sendMail(message);
            if (settings.mode === 'eml') {
              const file = await writeEml(settings.emlDir, item, (info as unknown as { message: Buffer }).message);
              await context.delivered(item, file);
            } else {
              await context.delivered(item, message.messageId);
            }
          } catch (error) {
            await context.failed(item, settings.mode === 'smtp' ? smtpError(error as Error, settings) : error);
          }
        }
      } finally {
        transport.close();
      }
    },
  };
}

async function composeMessage(item: HandoverItem, settings: EmailSettings, organisation: string, destination: string) {
  const { channel, capture, reason, round } = item.metadata;
  const coverage = capture.coverage?.oldestPost && capture.coverage.newestPost ? `${capture.coverage.oldestPost.slice(0, 10)} – ${capture.coverage.newestPost.slice(0, 10)}${capture.coverage.complete === false ? ' (når inte tillbaka till förra ögonblicksbilden)' : ''}` : 'Inga daterade inlägg';
  const rows: Array<[string, string]> = [
    ['Titel', item.title],
    ['Kanal', channel.name],
    ['Plattform', PLATFORM_NAMES[channel.platform] ?? channel.platform],
    ['Adress', channel.url],
    ['Enhet', channel.unit],
    ['Kontoansvariga', channel.owners.join(', ')],
    ['Tidpunkt', localTime.format(new Date(capture.startedAt))],
    ['Omgång', round ?? 'Ingen (extra ögonblicksbild)'],
    ['Anledning', reason],
    ['Period som täcks', coverage],
    ['Organisation', organisation],
    ['Fil', `${safeName(item.title)}.pdf (PDF/A-2u, ${item.bytes} byte)`],
    ['SHA-256', item.sha256],
    ['Ögonblicksbild', item.ref],
  ];
  const text = ['Ögonblicksbild av en kanal i sociala medier, för registrering.', '', ...rows.map(([k, v]) => `${k}: ${v}`), '', 'Skickat med Kanalarkiv.'].join('\n');
  // The same record to the same mailbox always has the same Message-ID, so a resent copy can be recognised.
  const messageId = `<${createHash('sha256').update(`${item.snapshotId}\n${destination}`).digest('hex').slice(0, 32)}@kanalarkiv>`;
  return {
    from: settings.from,
    to: settings.to,
    subject: `${item.title} – ${channel.unit}`,
    text,
    messageId,
    headers: { 'X-Kanalarkiv-Snapshot': item.snapshotId, 'X-Kanalarkiv-SHA256': item.sha256 },
    attachments: [{ filename: `${safeName(item.title)}.pdf`, content: await readFile(item.recordFile), contentType: 'application/pdf' }],
  };
}

async function writeEml(dir: string, item: HandoverItem, message: Buffer): Promise<string> {
  const folder = path.resolve(dir);
  await mkdir(folder, { recursive: true });
  const sha256 = createHash('sha256').update(message).digest('hex');
  const temp = path.join(folder, `.${sha256}.partial`);
  try {
    await writeFile(temp, message);
    await syncPath(temp);
    return await placeUnder(temp, folder, recordFileNames(item.title, item.metadata.capture.startedAt), '.eml', sha256);
  } catch (error) {
    // A half-written message must not be left for the mail pickup to find.
    await rm(temp, { force: true });
    throw error;
  }
}

function smtpError(error: Error, settings: EmailSettings): HandoverError {
  const code = (error as { code?: string }).code;
  if (code === 'EAUTH') return new HandoverError('signed_out', `The mail server ${settings.host} did not accept the user name or password for ${settings.user}. Check them in Settings → Handover.`, { what: 'smtp_login' });
  if (/certificate/i.test(error.message)) return new HandoverError('rejected', `The mail server's certificate is not trusted (${error.message}). If it comes from the municipality's own CA, add that CA certificate in Settings → Handover.`, { what: 'untrusted_certificate' });
  if (code === 'ETLS' || /STARTTLS/i.test(error.message)) return new HandoverError('rejected', `The mail server ${settings.host}:${settings.port} does not offer STARTTLS (${error.message}). Records are never sent unencrypted; ask IT for the server's submission port (usually 587).`, { what: 'no_starttls' });
  if (code === 'ECONNECTION' || code === 'EDNS' || code === 'ETIMEDOUT' || code === 'ESOCKET') return new HandoverError('unreachable', `Cannot reach the mail server ${settings.host}:${settings.port} (${error.message}). Check the address, the port and the network.`);
  return new HandoverError('rejected', `The mail server refused the message: ${error.message}`);
}
