import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { filterCompactRules } from '@duckduckgo/autoconsent';
import type { Frame, Page } from 'playwright-core';

/**
 * Cookie and consent banners are dismissed by opting out, using DuckDuckGo's autoconsent rules
 * (hundreds of consent managers, and Swedish wording through its heuristics). The integration
 * follows autoconsent's own Playwright runner: a binding, the content script in every frame,
 * answers to its `init` and `eval` messages.
 */

const require = createRequire(import.meta.url);
const packageDir = path.dirname(path.dirname(require.resolve('@duckduckgo/autoconsent/rules/compact-rules.json')));
let contentScript: string | undefined;
let compactRules: Parameters<typeof filterCompactRules>[0] | undefined;

interface AutoconsentMessage {
  type: string;
  id?: string;
  code?: string;
  cmp?: string;
  result?: boolean;
  state?: { lifecycle?: string; findCmpAttempts?: number; detectedCmps?: string[] };
}

/**
 * Autoconsent's rules for a platform's own dialog (Facebook's, Instagram's) apply only on the host
 * its pattern names, such as www.facebook.com; the same dialog on sv-se., web. or a channel's other
 * host is declined only if those rules are given for that host too.
 */
export interface PlatformConsent {
  /** An address on which autoconsent's rules for the platform apply (a www. page), or null when it has none. */
  rulesUrl: string | null;
  /** Hosts of the channel and its platform, where those rules are given as well. */
  hosts: string[];
}

type CompactRuleset = ReturnType<typeof filterCompactRules>;

/** The platform's rules, for a page on one of its hosts: autoconsent's own, with the pattern set to the page's origin. */
function platformRules(platform: PlatformConsent, url: string): CompactRuleset | null {
  if (!platform.rulesUrl) return null;
  let origin: URL;
  try {
    origin = new URL(url);
  } catch {
    return null;
  }
  if (!platform.hosts.some((h) => origin.hostname === h || origin.hostname.endsWith(`.${h}`))) return null;
  const ruleset = filterCompactRules(compactRules!, { url: platform.rulesUrl, mainFrame: true });
  // A compact rule is a tuple; index 3 is its URL pattern (autoconsent lib/encoding.ts).
  const own = ruleset.r.filter((rule) => typeof rule[3] === 'string' && rule[3] !== '' && new RegExp(rule[3]).test(platform.rulesUrl!));
  const pattern = `^${origin.origin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/`;
  return { ...ruleset, r: own.map((rule) => Object.assign([...rule], { 3: pattern }) as typeof rule) };
}

/** Both rulesets in one: the rule lists joined, and every string either one holds (they share one index). */
function joinRules(a: CompactRuleset, b: CompactRuleset | null): CompactRuleset {
  if (!b || b.r.length === 0) return a;
  const names = new Set(a.r.map((rule) => rule[1]));
  const length = Math.max(a.s.length, b.s.length);
  const s = Array.from({ length }, (_, i) => a.s[i] || b.s[i] || '');
  return { v: a.v, s, r: [...a.r, ...b.r.filter((rule) => !names.has(rule[1]))] };
}

export interface ConsentOutcome {
  /** The consent manager handled, or null when no banner was found. */
  cmp: string | null;
  /** true when we opted out, false when a banner was found but opting out failed. */
  optedOut: boolean | null;
}

/** Lifecycle states after which autoconsent will do nothing more in a frame. */
const FINAL_STATES = new Set(['nothingDetected', 'optOutSucceeded', 'optOutFailed', 'done']);

/**
 * Autoconsent looks for banners again every 500 ms, and from its third look on only after the page
 * changes, so on a quiet page it never declares "nothing found". We take its second look (rules plus
 * the heuristics for Swedish "Avvisa alla" buttons, which run only on even looks) finding nothing as
 * the answer; a banner that appears later is still declined in the background while the page is
 * scrolled. Autoconsent reports a look when it starts, not when it ends (docs/performance.md).
 */
const ATTEMPTS_BEFORE_NONE = 2;
/** How long a frame may take to accept the content script before the capture goes on without waiting. */
const INJECT_WAIT_MS = 1_000;

export class ConsentHandler {
  private outcome: ConsentOutcome = { cmp: null, optedOut: null };
  private mainSettled = false;
  private detected = false;
  private judging = false;
  private waiters: Array<() => void> = [];
  /** Autoconsent's eval requests not yet answered: a look is not over while one is. */
  private evals = 0;
  private evalsDone: Array<() => void> = [];

  private constructor(
    private readonly page: Page,
    private readonly platform: PlatformConsent,
  ) {}

  /** Must be called before the page navigates, so the binding exists when the script runs. */
  static async attach(page: Page, platform: PlatformConsent): Promise<ConsentHandler> {
    contentScript ??= readFileSync(path.join(packageDir, 'dist', 'autoconsent.playwright.js'), 'utf8');
    compactRules ??= require('@duckduckgo/autoconsent/rules/compact-rules.json');
    const handler = new ConsentHandler(page, platform);
    await page.exposeBinding('autoconsentSendMessage', ({ frame }, message: AutoconsentMessage) => handler.onMessage(frame, message));
    page.on('framenavigated', (frame) => void handler.inject(frame));
    return handler;
  }

  /** Starts autoconsent in the frames already loaded (later frames get it as they navigate). */
  async start(): Promise<void> {
    await Promise.all(this.page.frames().map((frame) => this.inject(frame)));
  }

  /** Waits until the main frame's banner is handled or known absent, at most `ms`. */
  async settle(ms: number): Promise<ConsentOutcome> {
    if (!this.mainSettled) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.outcome;
  }

  /**
   * Runs autoconsent in a frame. A frame whose document has not arrived (a lazy embed, or one whose
   * server never answers) cannot run it until it does; it must not hold the capture meanwhile.
   */
  private async inject(frame: Frame): Promise<void> {
    // The frame may go away while we inject; nothing to handle there.
    const injected = frame.evaluate(contentScript!).catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([injected, new Promise((resolve) => (timer = setTimeout(resolve, INJECT_WAIT_MS)))]);
    clearTimeout(timer);
  }

  private async onMessage(frame: Frame, message: AutoconsentMessage): Promise<void> {
    const isMain = frame === this.page.mainFrame();
    try {
      switch (message.type) {
        case 'init': {
          const own = filterCompactRules(compactRules!, { url: frame.url(), mainFrame: isMain });
          const rules = { compact: isMain ? joinRules(own, platformRules(this.platform, frame.url())) : own };
          const config = {
            enabled: true,
            autoAction: 'optOut',
            disabledCmps: [],
            enablePrehide: false,
            enableCosmeticRules: true,
            enableGeneratedRules: true,
            enableHeuristicDetection: true,
            heuristicMode: 'reject',
            detectRetries: 8,
          };
          await frame.evaluate(`autoconsentReceiveMessage({ type: "initResp", config: ${JSON.stringify(config)}, rules: ${JSON.stringify(rules)} })`);
          break;
        }
        case 'eval': {
          this.evals++;
          try {
            const result = await frame.evaluate(message.code!);
            await frame.evaluate(`autoconsentReceiveMessage({ id: ${JSON.stringify(message.id)}, type: "evalResp", result: ${JSON.stringify(result)} })`);
          } finally {
            if (--this.evals === 0) for (const done of this.evalsDone.splice(0)) done();
          }
          break;
        }
        case 'cmpDetected':
          this.detected = true;
          break;
        case 'popupFound':
          this.detected = true;
          this.outcome.cmp = message.cmp ?? 'unknown';
          break;
        case 'optOutResult':
          this.outcome.cmp ??= message.cmp ?? 'unknown';
          this.outcome.optedOut = message.result === true;
          break;
        case 'autoconsentDone':
          this.outcome.cmp = message.cmp ?? this.outcome.cmp;
          this.outcome.optedOut ??= true;
          this.markSettled();
          break;
        case 'report': {
          if (!isMain) break;
          const state = message.state ?? {};
          if (FINAL_STATES.has(state.lifecycle ?? '')) this.markSettled();
          else if ((state.detectedCmps?.length ?? 0) > 0) this.detected = true;
          else if ((state.findCmpAttempts ?? 0) >= ATTEMPTS_BEFORE_NONE && !this.detected && !this.judging) {
            this.judging = true;
            void this.afterLook(frame);
          }
          break;
        }
      }
    } catch {
      // A frame that navigates mid-conversation cannot answer; autoconsent restarts in the new document.
    }
  }

  /**
   * Settles once the look that has just started is over and found nothing. Its detectors were queued
   * in the page before this report reached us: after two more turns of the page's task queue they
   * have run, and what they found (cmpDetected) has arrived, since the page's messages come in
   * order. Detectors that ask us to evaluate something are over when we have answered them all.
   */
  private async afterLook(frame: Frame): Promise<void> {
    await frame.evaluate('new Promise((resolve) => setTimeout(() => setTimeout(resolve, 0), 0))').catch(() => undefined);
    if (this.evals > 0) await new Promise<void>((resolve) => this.evalsDone.push(resolve));
    if (!this.detected) this.markSettled();
  }

  private markSettled(): void {
    this.mainSettled = true;
    for (const wake of this.waiters.splice(0)) wake();
  }
}
