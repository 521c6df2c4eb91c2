/**
 * `npm run bench`: measures Kanalarkiv's capture pipeline on the fixture site, against a naive
 * baseline on the same pages, and its throughput at concurrency 1, 2 and 4. Prints a markdown table
 * and writes the numbers to bench/results/<time>.json. Not part of `npm test`: timings are only
 * meaningful as ratios within one run.
 */
import { execFileSync, spawn } from 'node:child_process';
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
import { imageOfBag, MemorySampler, rawImage, type Check } from './measure';
import { runTool, TOOLS, type ProcessRun, type Tool } from './process';

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
  const image = await imageOfBag(bag);
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
      // The web copy: writing each response while the page loads (beside the page's own work), and packing the WACZ at the end.
      webCopyRecord: t['webcopy-record'] ?? 0,
      webCopyPack: t.webcopy ?? 0,
    },
    responses: meta.capture.webCopy?.responses ?? 0,
    waczBytes: meta.files.find((f) => f.role === 'web_copy')?.bytes ?? 0,
    mhtmlBytes: meta.files.find((f) => f.role === 'mhtml')?.bytes ?? 0,
    memory: peak,
    pixels: image.width * image.height,
    pageHeight: image.height,
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
    problem = check(rawImage(data, info.width, info.height));
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

/** How many ordinary channels the round of the throughput table has; BENCH_CHANNELS sets it. */
const ROUND = Number(process.env.BENCH_CHANNELS ?? 100);

async function throughput(concurrency: number) {
  const channels = Array.from({ length: ROUND }, (_, i) => channelFor(`kanal-${i + 1}`, site.url(`/ordinary?n=${i + 1}`)));
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
// Each page as a whole process of each tool, as a user or a scheduled task runs it: Kanalarkiv's
// command line (built, as after npm install), ArchiveBox's `chromium --screenshot`, and a careful
// Playwright script. The tools take turns, in another order every round, three rounds.
execFileSync(process.execPath, [path.join(import.meta.dirname, '..', 'scripts', 'build-cli.mjs')]);
const processRuns: ProcessRun[] = [];
for (let round = 0; round < 3; round++) {
  for (const [i, { name, path: p, check }] of BENCH_PAGES.entries()) {
    const pageHeight = rows.find((r) => r.name === name)!.ours.pageHeight;
    for (let k = 0; k < TOOLS.length; k++) {
      const tool = TOOLS[(k + round + i) % TOOLS.length]!;
      process.stderr.write(`process, ${name}, ${tool} … `);
      const run = await runTool(tool, { name, url: site.url(p), check }, work, browser.executablePath, pageHeight, round);
      process.stderr.write(`${s(run.wallMs)} s\n`);
      processRuns.push(run);
    }
  }
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const processOf = (page: string, tool: Tool) => {
  const runs = processRuns.filter((r) => r.page === page && r.tool === tool);
  const problems = [...new Set(runs.map((r) => r.problem).filter((p) => p !== null))];
  return { wallMs: median(runs.map((r) => r.wallMs)), peakBytes: median(runs.map((r) => r.peakBytes)), problem: problems[0] ?? null };
};

const conc: Record<number, number> = {};
for (const c of [1, 2, 4]) {
  process.stderr.write(`${ROUND} ordinary channels at concurrency ${c} … `);
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
  '| page | web copy: responses | writing them, s (summed over responses, while the page loads) | packing the WACZ, s | packing ÷ total | WACZ MB | MHTML MB | WACZ ÷ bag |',
  '|---|---|---|---|---|---|---|---|',
  ...rows.map(({ name, ours: o }) => `| ${name} | ${o.responses} | ${s(o.stages.webCopyRecord)} | ${s(o.stages.webCopyPack)} | ${(o.stages.webCopyPack / o.total).toFixed(3)} | ${mb(o.waczBytes)} | ${mb(o.mhtmlBytes)} | ${(o.waczBytes / o.bagBytes).toFixed(3)} |`),
  '',
  '| page | baseline total s | browser start | load | full-page screenshot | embedPng PDF | write+hash | Node peak MB | PDF MB | baseline correct | ours ÷ baseline time |',
  '|---|---|---|---|---|---|---|---|---|---|---|',
  ...rows.map(({ name, ours: o, baseline: b }) => `| ${name} | ${s(b.total)} | ${s(b.stages.browserStart)} | ${s(b.stages.load)} | ${s(b.stages.screenshot)} | ${s(b.stages.record)} | ${s(b.stages.bag)} | ${mb(b.memory.node)} | ${mb(b.pdfBytes)} | ${b.problem ?? 'yes'} | ${(o.total / b.total).toFixed(2)} |`),
  '',
  '| page | Node peak MB, quiet | Node peak MB, two busy loops on the cores |',
  '|---|---|---|',
  ...underLoad.map(({ name, quiet, loaded }) => `| ${name} | ${mb(quiet)} | ${mb(loaded)} |`),
  '',
  '| page (a whole process, median of 3, interleaved) | kanalarkiv s | peak MB | correct | chromium --screenshot s | peak MB | correct | careful Playwright s | peak MB | correct | kanalarkiv ÷ chromium | kanalarkiv ÷ Playwright |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ...BENCH_PAGES.map(({ name }) => {
    const [k, c, p] = TOOLS.map((tool) => processOf(name, tool));
    const cell = (r: typeof k) => `${s(r!.wallMs)} | ${mb(r!.peakBytes)} | ${r!.problem ?? 'yes'}`;
    return `| ${name} | ${cell(k)} | ${cell(c)} | ${cell(p)} | ${(k!.wallMs / c!.wallMs).toFixed(2)} | ${(k!.wallMs / p!.wallMs).toFixed(2)} |`;
  }),
  '',
  `| ${ROUND} ordinary channels | wall s | speed-up over concurrency 1 |`,
  '|---|---|---|',
  ...[1, 2, 4].map((c) => `| concurrency ${c} | ${s(conc[c]!)} | ${(conc[1]! / conc[c]!).toFixed(2)}× |`),
];
console.log(lines.join('\n'));
mkdirSync(path.join(import.meta.dirname, 'results'), { recursive: true });
const out = path.join(import.meta.dirname, 'results', `${new Date().toISOString().replace(/[:.]/g, '')}.json`);
writeFileSync(out, JSON.stringify({ rows, underLoad, processRuns, concurrency: conc, round: ROUND, machine: { cores: os.cpus().length, browser: browser.kind, node: process.version } }, null, 2));
console.log(`\nJSON: ${out}`);
