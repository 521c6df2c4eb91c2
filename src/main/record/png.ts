/** The parts of a PNG file a PDF can use as they are: its size and its compressed pixel data. */
export interface PngData {
  width: number;
  height: number;
  /** The IDAT chunks joined: a zlib stream of PNG-filtered rows, i.e. FlateDecode with predictor 15. */
  idat: Buffer;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Reads an 8-bit RGB, non-interlaced PNG (what the stitcher writes). Embedding its IDAT data directly
 * avoids decoding and recompressing every screenshot piece, which is most of pdf-lib's embedPng time.
 */
export function readPng(file: Buffer): PngData {
  if (!file.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG file');
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  for (let at = 8; at + 8 <= file.length; ) {
    const length = file.readUInt32BE(at);
    const type = file.toString('latin1', at + 4, at + 8);
    const data = file.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const [bitDepth, colourType, , , interlace] = [data[8], data[9], data[10], data[11], data[12]];
      if (bitDepth !== 8 || colourType !== 2 || interlace !== 0) {
        throw new Error(`PNG must be 8-bit RGB without interlacing (has depth ${bitDepth}, colour type ${colourType}, interlace ${interlace})`);
      }
    } else if (type === 'IDAT') {
      idat.push(data);
    } else if (type === 'IEND') {
      break;
    }
    at += 12 + length;
  }
  if (width === 0 || idat.length === 0) throw new Error('PNG has no image data');
  return { width, height, idat: Buffer.concat(idat) };
}
