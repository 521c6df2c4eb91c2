import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * Checks a PDF against the PDF/A-2u rules listed in shared/reference/pdfa.md, from the outside:
 * qpdf --json (every object), pdfinfo -meta (XMP) and pdffonts. Returns the rules broken, [] if none.
 */
export function pdfaViolations(file: string): string[] {
  const problems: string[] = [];
  const bytes = readFileSync(file);
  if (!bytes.subarray(0, 8).toString('latin1').startsWith('%PDF-1.')) problems.push('header is not %PDF-1.x');
  const binaryComment = bytes.subarray(bytes.indexOf(0x0a) + 1, bytes.indexOf(0x0a) + 6);
  if (binaryComment[0] !== 0x25 || [...binaryComment.subarray(1, 5)].some((b) => b < 128)) problems.push('no binary comment after the header');

  try {
    execFileSync('qpdf', ['--check', file], { stdio: 'pipe' });
  } catch (error) {
    problems.push(`qpdf --check fails: ${(error as { stdout?: Buffer }).stdout?.toString().slice(0, 300)}`);
  }
  const json = JSON.parse(execFileSync('qpdf', ['--json=2', '--json-stream-data=none', file], { maxBuffer: 1 << 28 }).toString());
  const objects: Record<string, { value?: Record<string, unknown>; stream?: { dict: Record<string, unknown> } }> = json.qpdf[1];
  const get = (ref: unknown) => {
    const o = objects[`obj:${ref}`];
    return (o?.value ?? o?.stream?.dict ?? {}) as Record<string, unknown>;
  };
  const trailer = objects.trailer!.value!;
  if (trailer['/Encrypt']) problems.push('encrypted');
  const id = trailer['/ID'] as unknown[] | undefined;
  if (!Array.isArray(id) || id.length !== 2) problems.push('trailer has no /ID pair');

  const catalog = get(trailer['/Root']);
  const metadataRef = catalog['/Metadata'];
  const metadata = get(metadataRef);
  if (metadata['/Subtype'] !== '/XML' || metadata['/Type'] !== '/Metadata') problems.push('catalog has no XMP metadata stream');
  if (metadata['/Filter']) problems.push('XMP metadata stream is filtered');
  const intents = (catalog['/OutputIntents'] as unknown[] | undefined) ?? [];
  const intent = get(intents[0]);
  if (intent['/S'] !== '/GTS_PDFA1') problems.push('no GTS_PDFA1 OutputIntent');
  if (get(intent['/DestOutputProfile'])['/N'] !== 3) problems.push('OutputIntent profile is not an RGB (N 3) ICC profile');
  if (catalog['/Names'] && (get(catalog['/Names']) as Record<string, unknown>)['/JavaScript']) problems.push('has JavaScript');
  if (catalog['/OpenAction'] || catalog['/AA']) problems.push('has automatic actions');

  for (const [key, object] of Object.entries(objects)) {
    const dict = (object.value ?? object.stream?.dict ?? {}) as Record<string, unknown>;
    if (typeof dict !== 'object' || Array.isArray(dict)) continue;
    if (dict['/Type'] === '/Page') {
      const box = dict['/MediaBox'] as number[];
      if (box.some((v) => Math.abs(v) > 14_400) || box[2]! - box[0]! < 3 || box[3]! - box[1]! < 3) problems.push(`${key}: page size ${box.join(' ')} outside 3–14,400 pt`);
    }
    if (dict['/Subtype'] === '/Image') {
      if (dict['/SMask']) problems.push(`${key}: image has an SMask (alpha)`);
      if (dict['/Filter'] === '/LZWDecode') problems.push(`${key}: LZW`);
      if (dict['/BitsPerComponent'] !== 8 || dict['/ColorSpace'] !== '/DeviceRGB') problems.push(`${key}: image is not 8-bit RGB`);
    }
    if (dict['/Type'] === '/Font' && dict['/Subtype'] === '/Type0') {
      if (!dict['/ToUnicode']) problems.push(`${key}: font without ToUnicode (level U)`);
      const descendant = get((dict['/DescendantFonts'] as unknown[])[0]);
      if (!get(descendant['/FontDescriptor'])['/FontFile2']) problems.push(`${key}: font not embedded`);
    }
    if (dict['/S'] === '/JavaScript') problems.push(`${key}: JavaScript action`);
  }

  const fonts = execFileSync('pdffonts', [file]).toString().split('\n').slice(2).filter(Boolean);
  for (const line of fonts) {
    // Columns end with: emb sub uni object-number generation.
    const [emb, , uni] = line.trim().split(/\s+/).slice(-5);
    if (emb !== 'yes' || uni !== 'yes') problems.push(`pdffonts: not embedded or without Unicode map: ${line}`);
  }

  const xmp = execFileSync('pdfinfo', ['-meta', file]).toString();
  if (!/<pdfaid:part>2<\/pdfaid:part>/.test(xmp) || !/<pdfaid:conformance>U<\/pdfaid:conformance>/.test(xmp)) problems.push('XMP does not declare PDF/A-2u');
  const info = get(trailer['/Info']);
  const text = (v: unknown) => String(v ?? '').replace(/^u:/, '');
  const xmpValue = (pattern: RegExp) => xmp.match(pattern)?.[1]?.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"');
  if (xmpValue(/<dc:title><rdf:Alt><rdf:li[^>]*>([^<]*)</) !== text(info['/Title'])) problems.push('Info Title and dc:title differ');
  if (xmpValue(/<pdf:Producer>([^<]*)</) !== text(info['/Producer'])) problems.push('Info Producer and pdf:Producer differ');
  if (xmpValue(/<xmp:CreatorTool>([^<]*)</) !== text(info['/Creator'])) problems.push('Info Creator and xmp:CreatorTool differ');
  const created = text(info['/CreationDate']).match(/^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z/);
  const xmpCreated = xmpValue(/<xmp:CreateDate>([^<]*)</);
  if (!created || `${created[1]}-${created[2]}-${created[3]}T${created[4]}:${created[5]}:${created[6]}Z` !== xmpCreated) problems.push(`Info CreationDate and xmp:CreateDate differ (${text(info['/CreationDate'])} / ${xmpCreated})`);
  return problems;
}
