/**
 * `npm run bench`: measures Kanalarkiv's capture pipeline on the fixture site, against a naive
 * baseline on the same pages, and its throughput at concurrency 1, 2 and 4. Prints a markdown table
 * and writes the numbers to bench/results/<time>.json. Not part of `npm test`: timings are only
 * meaningful as ratios within one run.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { chromium } from 'playwright-core';
import sharp from 'sharp';
import { browserArgs, findBrowser } from '../src/main/capture/browser';
import { runCapture } from '../src/main/pipeline/run';
import { CONTEXT_OPTIONS } from '../src/main/capture/session';
import type { Channel } from '../src/shared/channel';
import { snapshotMetadataSchema } from '../src/shared/snapshot';
import { VIRTUAL_POSTS, VIRTUAL_POST_PX, blockColour } from '../test/fixtures/site/pages';
import { startFixtureSite } from '../test/fixtures/site/server';

/** A full-page image to judge: pixel(x, y) in CSS px over the whole page. */
interface PageImage {
  width: number;
  height: number;
  pixel(x: number, y: number): number[];
}
type Check = (image: PageImage) => string | null;

const near = (a: number[], b: number[]) => a.every((c, k) => Math.abs(c - b[k]!) <= 2);
const tallCheck = (px: number): Check => (image) => {
  if (image.height < px + 60) return `image is ${image.height} px, the page ${px + 60} px`;
  for (let i = 0; i < px / 100; i++) {
    if (!near(image.pixel(1200, 60 + i * 100 + 50), blockColour(i))) return `block ${i} (at ${60 + i * 100} px) is wrong or blank`;
  }
  return null;
};
const BENCH_PAGES: Array<{ name: string; path: string; check: Check }> = [
  { name: 'short page', path: '/plain', check: (i) => (i.height > 500 ? null : 'too short') },
  { name: '40,000 px page', path: '/tall?h=40000', check: tallCheck(40_000) },
  { name: '120,000 px page', path: '/tall?h=120000', check: tallCheck(120_000) },
  { name: 'infinite feed', path: '/infinite', check: (i) => (i.height >= 60 * 300 ? null : `only ${i.height} px of the 60-post feed`) },
  {
    name: 'virtualised feed',
    path: '/virtual',
    check: (image) => {
      // Each post ends with a grey border line; a post missing from the image leaves white instead.
      const missing = Array.from({ length: VIRTUAL_POSTS }, (_, i) => i).filter((i) => {
        const y = 56 + i * VIRTUAL_POST_PX + VIRTUAL_POST_PX - 1;
        return y >= image.height || near(image.pixel(640, y), [255, 255, 255]);
      });
      return missing.length === 0 ? null : `${missing.length} of ${VIRTUAL_POSTS} posts missing`;
    },
  },
  {
    name: 'image-heavy page',
    path: '/images',
    check: (image) => {
      let photo = 0;
      for (let y = 0; y < image.height; y += 10) if (!near(image.pixel(324, y), [255, 255, 255])) photo++;
      const share = photo / (image.height / 10);
      return share > 0.75 ? null : `photos cover only ${Math.round(share * 100)} % of their column (lazy images not loaded)`;
    },
  },
];

/** Samples peak RSS of this process and of every process below it (the browsers). */
class MemorySampler {
  node = 0;
  browsers = 0;
  private timer: NodeJS.Timeout;
  constructor() {
    // What the page before (and its check, which decodes the whole image) left is not this page's.
    (globalThis as { gc?: () => void }).gc?.();
    this.timer = setInterval(() => this.sample(), 100);
  }
  private sample(): void {
    this.node = Math.max(this.node, process.memoryUsage().rss);
    const parents = new Map<number, number>();
    const rss = new Map<number, number>();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        parents.set(Number(entry), Number(fields[1]));
        rss.set(Number(entry), Number(fields[21]) * 4096);
      } catch {
        // The process ended while we looked.
      }
    }
    let total = 0;
    for (const [pid, size] of rss) {
      let p = parents.get(pid);
      while (p && p !== process.pid && p > 1) p = parents.get(p);
      if (p === process.pid) total += size;
    }
    this.browsers = Math.max(this.browsers, total);
  }
  stop(): { node: number; browsers: number } {
    clearInterval(this.timer);
    this.sample();
    return { node: this.node, browsers: this.browsers };
  }
}

const browser = findBrowser(undefined);
const site = await startFixtureSite();
const work = mkdtempSync(path.join(os.tmpdir(), 'kanalarkiv-bench-'));
const channelFor = (id: string, url: string): Channel => ({ id, name: id, platform: 'web', url, unit: 'Bench', owners: ['A', 'B'], pageOwner: '', notes: '', active: true });
const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;
const s = (ms: number) => Math.round(ms / 100) / 10;

async function ours(name: string, url: string, check: Check) {
  const archive = path.join(work, `ours-${name.replace(/\W+/g, '-')}`);
  const memory = new MemorySampler();
  const start = performance.now();
  const [result] = await runCapture({ channels: [channelFor('bench', url)], archiveDir: archive, reason: 'Benchmark', organisation: 'Bench', timeoutMs: 300_000, concurrency: 1, profilesRoot: null });
  const total = performance.now() - start;
  const peak = memory.stop();
  if (result!.status !== 'ok') throw new Error(`${name}: ${result!.error?.message}`);
  const bag = result!.bag!;
  const meta = snapshotMetadataSchema.parse(JSON.parse(readFileSync(path.join(bag, 'data', 'metadata.json'), 'utf8')));
  const pieces = await Promise.all(meta.pages.map(async (p) => ({ ...p, ...(await sharp(path.join(bag, 'data', p.file)).raw().toBuffer({ resolveWithObject: true })) })));
  const image: PageImage = {
    width: pieces[0]!.info.width,
    height: meta.capture.pageHeight,
    pixel: (x, y) => {
      const piece = pieces.find((p) => y >= p.top && y < p.top + p.height)!;
      const at = ((y - piece.top) * piece.info.width + x) * 3;
      return [piece.data[at]!, piece.data[at + 1]!, piece.data[at + 2]!];
    },
  };
  const bagBytes = readdirSync(bag, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).reduce((sum, e) => sum + statSync(path.join(e.parentPath, e.name)).size, 0);
  const t = result!.timings;
  return {
    total,
    stages: {
      browserStart: t.open ?? 0,
      load: t.load ?? 0,
      settleAndScroll: (t.settle ?? 0) + (t.scroll ?? 0) - (t.screenshot ?? 0),
      screenshot: t.screenshot ?? 0,
      encode: (t.encode ?? 0) + (t.mhtml ?? 0),
      record: t.record ?? 0,
      bag: (t.bag ?? 0) + (t.hash ?? 0),
    },
    memory: peak,
    pixels: image.width * image.height,
    pngBytes: meta.files.filter((f) => f.role === 'screenshot').reduce((sum, f) => sum + f.bytes, 0),
    pdfBytes: meta.files.find((f) => f.role === 'record')!.bytes,
    bagBytes,
    problem: check(image),
  };
}

/** The naive way: one Playwright full-page screenshot, then pdf-lib embedPng, one slice per page. */
async function baseline(name: string, url: string, check: Check) {
  const stages = { browserStart: 0, load: 0, screenshot: 0, record: 0, bag: 0 };
  const memory = new MemorySampler();
  const start = performance.now();
  let problem: string | null;
  let pdfBytes = 0;
  let t = performance.now();
  const instance = await chromium.launch({ executablePath: browser.executablePath, args: browserArgs() });
  stages.browserStart = performance.now() - t;
  try {
    const page = await (await instance.newContext(CONTEXT_OPTIONS)).newPage();
    t = performance.now();
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    stages.load = performance.now() - t;
    t = performance.now();
    const png = await page.screenshot({ fullPage: true, timeout: 300_000 });
    stages.screenshot = performance.now() - t;
    const { data, info } = await sharp(png, { limitInputPixels: false }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    problem = check({ width: info.width, height: info.height, pixel: (x, y) => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)] });
    t = performance.now();
    const doc = await PDFDocument.create();
    for (let top = 0; top < info.height; top += 19_200) {
      const height = Math.min(19_200, info.height - top);
      const slice = await sharp(data, { raw: { width: info.width, height: info.height, channels: 3 }, limitInputPixels: false }).extract({ left: 0, top, width: info.width, height }).png().toBuffer();
      const image = await doc.embedPng(slice);
      doc.addPage([info.width * 0.75, height * 0.75]).drawImage(image, { x: 0, y: 0, width: info.width * 0.75, height: height * 0.75 });
    }
    const pdf = await doc.save();
    stages.record = performance.now() - t;
    t = performance.now();
    const file = path.join(work, `baseline-${name.replace(/\W+/g, '-')}.pdf`);
    writeFileSync(file, pdf);
    createHash('sha256').update(readFileSync(file)).digest('hex');
    stages.bag = performance.now() - t;
    pdfBytes = pdf.length;
  } catch (error) {
    problem = `failed: ${(error as Error).message.split('\n')[0]}`;
  } finally {
    await instance.close();
  }
  return { total: performance.now() - start, stages, memory: memory.stop(), pdfBytes, problem };
}

async function throughput(concurrency: number) {
  const channels = Array.from({ length: 20 }, (_, i) => channelFor(`kanal-${i + 1}`, site.url(`/ordinary?n=${i + 1}`)));
  const start = performance.now();
  const results = await runCapture({ channels, archiveDir: path.join(work, `throughput-${concurrency}`), reason: 'Benchmark', organisation: 'Bench', timeoutMs: 300_000, concurrency, profilesRoot: null });
  const failed = results.filter((r) => r.status !== 'ok');
  if (failed.length) throw new Error(`throughput: ${failed.length} channels failed: ${failed[0]!.error?.message}`);
  return performance.now() - start;
}

// Warm-up, not measured: module loading, JIT and the fixture site's first photos would otherwise
// land on whichever page is measured first.
await ours('warm-up', site.url('/ordinary?n=99'), () => null);
await baseline('warm-up', site.url('/ordinary?n=99'), () => null);

const rows = [];
for (const { name, path: p, check } of BENCH_PAGES) {
  process.stderr.write(`${name}: ours … `);
  const mine = await ours(name, site.url(p), check);
  process.stderr.write(`${s(mine.total)} s; baseline … `);
  const naive = await baseline(name, site.url(p), check);
  process.stderr.write(`${s(naive.total)} s\n`);
  rows.push({ name, ours: mine, baseline: naive });
}
// Memory when the CPU is starved: two busy loops take the machine's cores while the tallest pages are captured.
const underLoad: Array<{ name: string; quiet: number; loaded: number }> = [];
for (const { name, path: p, check } of BENCH_PAGES.filter((b) => b.path === '/infinite' || b.path.startsWith('/tall'))) {
  process.stderr.write(`${name} under CPU load … `);
  const hogs = Array.from({ length: 2 }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
  try {
    const loaded = await ours(`${name} (loaded)`, site.url(p), check);
    underLoad.push({ name, quiet: rows.find((r) => r.name === name)!.ours.memory.node, loaded: loaded.memory.node });
    process.stderr.write(`${s(loaded.total)} s\n`);
  } finally {
    for (const hog of hogs) hog.kill('SIGKILL');
  }
}
const conc: Record<number, number> = {};
for (const c of [1, 2, 4]) {
  process.stderr.write(`20 ordinary channels at concurrency ${c} … `);
  conc[c] = await throughput(c);
  process.stderr.write(`${s(conc[c]!)} s\n`);
}
await site.close();

const lines = [
  `Kanalarkiv benchmark, ${new Date().toISOString()}, ${os.cpus().length} cores, ${browser.kind}, Node ${process.version}`,
  '',
  '| page | total s | browser start | load | settle+scroll | screenshot | PNG encode+MHTML | record (PDF) | bag+hashes | record+bag ÷ screenshot | Node peak MB | browsers peak MB | px (M) | PNG MB | PDF MB | PDF ÷ PNG | bag MB | correct |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ...rows.map(({ name, ours: o }) => `| ${name} | ${s(o.total)} | ${s(o.stages.browserStart)} | ${s(o.stages.load)} | ${s(o.stages.settleAndScroll)} | ${s(o.stages.screenshot)} | ${s(o.stages.encode)} | ${s(o.stages.record)} | ${s(o.stages.bag)} | ${((o.stages.record + o.stages.bag) / o.stages.screenshot).toFixed(2)} | ${mb(o.memory.node)} | ${mb(o.memory.browsers)} | ${(o.pixels / 1e6).toFixed(1)} | ${mb(o.pngBytes)} | ${mb(o.pdfBytes)} | ${(o.pdfBytes / o.pngBytes).toFixed(3)} | ${mb(o.bagBytes)} | ${o.problem ?? 'yes'} |`),
  '',
  '| page | baseline total s | browser start | load | full-page screenshot | embedPng PDF | write+hash | Node peak MB | PDF MB | baseline correct | ours ÷ baseline time |',
  '|---|---|---|---|---|---|---|---|---|---|---|',
  ...rows.map(({ name, ours: o, baseline: b }) => `| ${name} | ${s(b.total)} | ${s(b.stages.browserStart)} | ${s(b.stages.load)} | ${s(b.stages.screenshot)} | ${s(b.stages.record)} | ${s(b.stages.bag)} | ${mb(b.memory.node)} | ${mb(b.pdfBytes)} | ${b.problem ?? 'yes'} | ${(o.total / b.total).toFixed(2)} |`),
  '',
  '| page | Node peak MB, quiet | Node peak MB, two busy loops on the cores |',
  '|---|---|---|',
  ...underLoad.map(({ name, quiet, loaded }) => `| ${name} | ${mb(quiet)} | ${mb(loaded)} |`),
  '',
  '| 20 ordinary channels | wall s | speed-up over concurrency 1 |',
  '|---|---|---|',
  ...[1, 2, 4].map((c) => `| concurrency ${c} | ${s(conc[c]!)} | ${(conc[1]! / conc[c]!).toFixed(2)}× |`),
];
console.log(lines.join('\n'));
mkdirSync(path.join(import.meta.dirname, 'results'), { recursive: true });
const out = path.join(import.meta.dirname, 'results', `${new Date().toISOString().replace(/[:.]/g, '')}.json`);
writeFileSync(out, JSON.stringify({ rows, underLoad, concurrency: conc, machine: { cores: os.cpus().length, browser: browser.kind, node: process.version } }, null, 2));
console.log(`\nJSON: ${out}`);
