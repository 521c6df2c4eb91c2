import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Channel } from '../src/shared/channel';
import { imageOfBag, imageOfPng, MemorySampler, type Check } from './measure';

const ROOT = path.resolve(import.meta.dirname, '..');

/**
 * ArchiveBox's screenshot extractor: `chrome --screenshot URL` with its default CHROME_DEFAULT_ARGS
 * and --window-size=RESOLUTION (1440,2000; here 1280 wide as ours), headless, without the sandbox as
 * in Docker (archivebox/plugins_extractor/chrome/apps.py, archivebox/extractors/screenshot.py), plus
 * the flags every browser here needs (--disable-gpu and the others of DEVELOPERS.md).
 */
const ARCHIVEBOX_FLAGS = [
  '--virtual-time-budget=15000', '--disable-features=DarkMode', '--run-all-compositor-stages-before-draw', '--hide-scrollbars',
  '--autoplay-policy=no-user-gesture-required', '--no-first-run', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
  '--headless=new', '--no-sandbox', '--no-zygote', '--disable-dev-shm-usage', '--disable-software-rasterizer', '--disable-sync',
  '--window-size=1280,2000', '--timeout=50000', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
];

export const TOOLS = ['kanalarkiv', 'chromium --screenshot', 'careful Playwright'] as const;
export type Tool = (typeof TOOLS)[number];

export interface ProcessRun {
  tool: Tool;
  page: string;
  /** From exec to exit. */
  wallMs: number;
  /** Peak RSS of the whole process tree (the process and its browsers), summed. */
  peakBytes: number;
  /** What is wrong with the picture, or null when it holds the page. */
  problem: string | null;
}

/** Runs a command as a whole process; its wall time from exec to exit and its tree's peak memory. */
async function timed(command: string, args: string[], cwd: string): Promise<{ wallMs: number; peakBytes: number; code: number | null; stderr: string }> {
  const start = performance.now();
  const child = spawn(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  const memory = new MemorySampler(child.pid);
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const wallMs = performance.now() - start;
  const peak = memory.stop();
  return { wallMs, peakBytes: peak.node + peak.browsers, code, stderr };
}

/**
 * One page taken by one tool as a process of its own, judged by the page's check and by whether
 * the picture reaches the bottom of the page (`pageHeight`, from Kanalarkiv's capture of it).
 */
export async function runTool(tool: Tool, page: { name: string; url: string; check: Check }, work: string, browserPath: string, pageHeight: number | null, n: number): Promise<ProcessRun & { pageHeight: number | null }> {
  const slug = `${page.name.replace(/\W+/g, '-')}-${n}`;
  const dir = path.join(work, 'process', tool.replace(/\W+/g, '-'), slug);
  mkdirSync(dir, { recursive: true });
  if (tool === 'kanalarkiv') {
    const channel: Channel = { id: 'bench', name: page.name, platform: 'web', url: page.url, unit: 'Bench', owners: ['A', 'B'], pageOwner: '', notes: '', active: true };
    writeFileSync(path.join(dir, 'kanaler.json'), JSON.stringify([channel]));
    const run = await timed(process.execPath, [path.join(ROOT, 'bin', 'kanalarkiv.js'), 'capture', '--channels', 'kanaler.json', '--archive', 'arkiv', '--browser', browserPath, '--json', '--concurrency', '1'], dir);
    if (run.code !== 0) return { tool, page: page.name, wallMs: run.wallMs, peakBytes: run.peakBytes, problem: `exit ${run.code}: ${run.stderr.slice(-200)}`, pageHeight: null };
    const bag = path.join(dir, 'arkiv', 'bench', readdirSync(path.join(dir, 'arkiv', 'bench'))[0]!);
    const image = await imageOfBag(bag);
    return { tool, page: page.name, wallMs: run.wallMs, peakBytes: run.peakBytes, problem: page.check(image), pageHeight: image.height };
  }
  const out = path.join(dir, 'screenshot.png');
  const run = tool === 'chromium --screenshot'
    ? await timed(browserPath, [...ARCHIVEBOX_FLAGS, `--screenshot=${out}`, page.url], dir)
    : await timed(process.execPath, [path.join(ROOT, 'bench', 'peers', 'careful-playwright.mjs'), browserPath, page.url, out], dir);
  let problem: string | null;
  try {
    const image = await imageOfPng(out);
    const short = pageHeight !== null && image.height < pageHeight * 0.95 ? `the picture is ${image.height} px of the page's ${pageHeight} px` : null;
    problem = short ?? page.check(image);
  } catch {
    problem = `no screenshot (exit ${run.code}: ${run.stderr.trim().split('\n').at(-1)?.slice(0, 160) ?? ''})`;
  }
  return { tool, page: page.name, wallMs: run.wallMs, peakBytes: run.peakBytes, problem, pageHeight };
}
