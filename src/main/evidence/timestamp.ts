import { createHash, randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { API_LIMITS, fetchLimited, type HttpLimits } from '../http';

/**
 * Trusted timestamps (RFC 3161, with RFC 5816's SHA-256 certificate ids): a time-stamping authority
 * signs the SHA-256 of a bag's tag manifest, which covers bag-info, the manifests and so every file.
 * Anyone can then prove, without trusting Kanalarkiv or the computer's clock, that the bag existed
 * unchanged at that time. The ASN.1, CMS and TSP are pkijs and asn1js; nothing here parses DER by hand.
 */

const SHA256 = '2.16.840.1.101.3.4.2.1';

export class TimestampError extends Error {}

/** Asks the authority at `tsaUrl` to stamp `digest` (a SHA-256); returns its whole answer (DER, a .tsr), checked to be a stamp of that digest. */
export async function requestTimestamp(tsaUrl: string, digest: Buffer, limits: HttpLimits = API_LIMITS): Promise<Buffer> {
  const nonce = randomBytes(8);
  nonce[0]! &= 0x7f;
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({ hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: SHA256 }), hashedMessage: new asn1js.OctetString({ valueHex: digest }) }),
    nonce: new asn1js.Integer({ valueHex: nonce }),
    // The authority's certificate goes into the token, so that the stamp can be checked offline.
    certReq: true,
  });
  let response;
  try {
    response = await fetchLimited(tsaUrl, { method: 'POST', headers: { 'Content-Type': 'application/timestamp-query' }, body: Buffer.from(request.toSchema().toBER()) }, limits);
  } catch (error) {
    throw new TimestampError(`the time-stamping authority ${tsaUrl} cannot be reached (${(error as Error).message})`);
  }
  if (!response.ok) throw new TimestampError(`the time-stamping authority ${tsaUrl} answered ${response.status} ${response.statusText}`);
  const stamp = readStamp(response.body);
  if (stamp.imprint !== digest.toString('hex')) throw new TimestampError(`the time-stamping authority ${tsaUrl} stamped another hash than the one asked for`);
  if (stamp.nonce !== null && stamp.nonce !== BigInt(`0x${nonce.toString('hex')}`)) throw new TimestampError(`the time-stamping authority ${tsaUrl} answered another request (its nonce differs)`);
  return response.body;
}

/** What a stamp says: the time, the hash stamped, and who signed it. */
export interface StampContent {
  time: Date;
  /** The stamped SHA-256, in hex. */
  imprint: string;
  nonce: bigint | null;
  /** The signer's subject, as "CN=…, O=…": the authority's name. */
  authority: string;
}

/** Reads a stamp (a TimeStampResp, as the authority answered); throws when it is not a granted stamp. */
export function readStamp(tsr: Buffer): StampContent {
  const { response, info } = parse(tsr);
  const signer = signerCertificate(response);
  return {
    time: info.genTime,
    imprint: Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView).toString('hex'),
    nonce: info.nonce ? BigInt(`0x${Buffer.from(info.nonce.valueBlock.valueHexView).toString('hex') || '0'}`) : null,
    authority: signer ? subjectOf(signer) : 'unknown',
  };
}

/** How a stamp holds against the data it is said to stamp, and the authorities trusted. */
export interface StampCheck extends StampContent {
  /** The stamped hash is the SHA-256 of the data. */
  imprintMatches: boolean;
  /** The authority's signature over the stamp holds (with the certificate in the token); null when the hash already differs (pkijs checks the signature only with the data stamped). */
  signatureValid: boolean | null;
  /** The signer's certificate chains to one of the trusted roots (false when none is set). */
  trusted: boolean;
  /** Why the signature or the chain did not hold, for IT. */
  detail: string;
}

/** Checks a stamp against `data`'s SHA-256 and the roots in `trustedPem` (PEM certificates; empty when none is set). */
export async function checkStamp(tsr: Buffer, data: Buffer, trustedPem = ''): Promise<StampCheck> {
  const content = readStamp(tsr);
  const { response } = parse(tsr);
  const imprintMatches = content.imprint === createHash('sha256').update(data).digest('hex');
  if (!imprintMatches) return { ...content, imprintMatches, signatureValid: null, trusted: false, detail: 'the stamped hash is not the SHA-256 of the data' };
  const signed = new pkijs.SignedData({ schema: response.timeStampToken!.content });
  // The token signs its TSTInfo (which holds the data's hash, checked above): first the signature alone,
  // with the certificate the token carries, then the chain to a trusted root at the stamp's time.
  // pkijs checks a TSTInfo's imprint against the data given, so it is given the data stamped.
  const signedContent = new Uint8Array(data).buffer;
  const own = await signed.verify({ signer: 0, data: signedContent, checkChain: false, extendedMode: true }).catch((error: unknown) => error as pkijs.SignedDataVerifyResult);
  const roots = certificates(trustedPem);
  const chained = roots.length === 0 ? null : await signed.verify({ signer: 0, data: signedContent, checkChain: true, trustedCerts: roots, checkDate: content.time, extendedMode: true }).catch((error: unknown) => error as pkijs.SignedDataVerifyResult);
  const signatureValid = own.signatureVerified === true;
  const trusted = chained?.signatureVerified === true && chained.signerCertificateVerified === true;
  const detail = !signatureValid ? own.message || 'the signature does not hold' : roots.length === 0 ? 'no trusted root is set for the time-stamping authority' : trusted ? '' : chained?.message || 'the signer does not chain to a trusted root';
  return { ...content, imprintMatches, signatureValid, trusted, detail };
}

function parse(tsr: Buffer): { response: pkijs.TimeStampResp; info: pkijs.TSTInfo } {
  let response: pkijs.TimeStampResp;
  try {
    response = pkijs.TimeStampResp.fromBER(new Uint8Array(tsr));
  } catch (error) {
    throw new TimestampError(`not a time-stamp answer (${(error as Error).message})`);
  }
  const status = response.status.status;
  // 0 granted, 1 granted with modifications; anything else is a refusal.
  if (status !== 0 && status !== 1) throw new TimestampError(`the time-stamping authority refused (status ${status}: ${response.status.statusStrings?.map((s) => s.valueBlock.value).join('; ') ?? ''})`);
  if (!response.timeStampToken) throw new TimestampError('the answer holds no time-stamp token');
  const signed = new pkijs.SignedData({ schema: response.timeStampToken.content });
  const content = signed.encapContentInfo.eContent;
  if (!content) throw new TimestampError('the time-stamp token holds no TSTInfo');
  return { response, info: pkijs.TSTInfo.fromBER(content.getValue()) };
}

function signerCertificate(response: pkijs.TimeStampResp): pkijs.Certificate | null {
  const signed = new pkijs.SignedData({ schema: response.timeStampToken!.content });
  const sid = signed.signerInfos[0]?.sid;
  const all = (signed.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  if (sid instanceof pkijs.IssuerAndSerialNumber) return all.find((c) => c.serialNumber.isEqual(sid.serialNumber) && c.issuer.isEqual(sid.issuer)) ?? all[0] ?? null;
  return all[0] ?? null;
}

const NAMES: Record<string, string> = { '2.5.4.3': 'CN', '2.5.4.10': 'O', '2.5.4.6': 'C', '2.5.4.11': 'OU' };
function subjectOf(certificate: pkijs.Certificate): string {
  return certificate.subject.typesAndValues.map((tv) => `${NAMES[tv.type] ?? tv.type}=${String(tv.value.valueBlock.value)}`).join(', ');
}

/** The certificates of a PEM text. */
function certificates(pem: string): pkijs.Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((block) => pkijs.Certificate.fromBER(Buffer.from(block.replace(/-----[^-]+-----|\s/g, ''), 'base64')));
}
