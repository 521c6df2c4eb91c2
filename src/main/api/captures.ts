import { randomUUID } from 'node:crypto';
import type { Channel } from '../../shared/channel';
import type { CaptureJobState, ChannelResult } from '../../shared/capture';
import { refOf } from '../archive/catalogue';
import { toCaptureError } from '../capture/errors';
import { runCapture, type CaptureRunOptions } from '../pipeline/run';

type RunSettings = Omit<CaptureRunOptions, 'channels' | 'reason' | 'signal' | 'onProgress'>;

/**
 * Capture runs started from the UI. Each sends its whole state to `publish` on every change (at most
 * every 200 ms, and always at the end), so the UI never has to ask and never misses the final state.
 */
export class CaptureJobs {
  private readonly jobs = new Map<string, { state: CaptureJobState; controller: AbortController }>();
  /** The capture screen's run: the latest capture (not comment) until the user dismisses its results. */
  private current: string | null = null;

  constructor(private readonly publish: (state: CaptureJobState) => void) {}

  start(channels: Channel[], reason: string, settings: RunSettings): CaptureJobState {
    const controller = new AbortController();
    const state: CaptureJobState = {
      jobId: randomUUID(),
      reason,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      cancelled: false,
      percent: 0,
      remainingMs: null,
      channels: channels.map((c) => ({ channelId: c.id, name: c.name, platform: c.platform, stage: 'queued', percent: 0, attempt: 1, result: null, ref: null })),
    };
    this.jobs.set(state.jobId, { state, controller });
    if (!settings.comment) this.current = state.jobId;
    let last = 0;
    const update = (force = false) => {
      const done = state.channels.reduce((sum, c) => sum + c.percent, 0) / state.channels.length;
      state.percent = Math.round(done);
      const elapsed = Date.now() - Date.parse(state.startedAt);
      state.remainingMs = done > 2 && !state.finishedAt ? Math.round((elapsed * (100 - done)) / done) : null;
      if (force || Date.now() - last >= 200) {
        last = Date.now();
        this.publish(structuredClone(state));
      }
    };

    const finish = (results: ChannelResult[]) => {
      for (const result of results) {
        const channel = state.channels.find((c) => c.channelId === result.channel)!;
        channel.result = result;
        channel.ref = result.bag ? refOf(settings.archiveDir, result.bag) : null;
        channel.stage = result.status === 'ok' ? 'done' : 'failed';
        // A cancelled channel was not done: the total must not reach 100 % on its account.
        if (result.error?.code !== 'cancelled') channel.percent = 100;
      }
      state.finishedAt = new Date().toISOString();
      update(true);
    };

    void runCapture({
      ...settings,
      channels,
      reason,
      signal: controller.signal,
      onProgress: (p) => {
        const channel = state.channels.find((c) => c.channelId === p.channelId);
        if (!channel) return;
        // A channel stopped by the cancel is not done: it keeps the share it had reached.
        const stopped = p.stage === 'failed' && controller.signal.aborted;
        Object.assign(channel, { stage: p.stage, percent: stopped ? channel.percent : p.percent, attempt: p.attempt });
        update(p.stage === 'done' || p.stage === 'failed');
      },
    }).then(
      (results) => finish(results),
      // The run itself could not go on (the archive folder vanished, say): every unfinished channel failed.
      (error: unknown) => {
        const { code, message } = toCaptureError(error);
        finish(state.channels.filter((c) => !c.result).map((c) => ({ channel: c.channelId, status: 'failed' as const, bag: null, error: { code, message }, warnings: [], timings: {} })));
      },
    );
    update(true);
    return structuredClone(state);
  }

  cancel(jobId: string): void {
    const job = this.jobs.get(jobId);
    if (!job || job.state.finishedAt) return;
    job.state.cancelled = true;
    job.controller.abort();
  }

  /** The capture screen's run, running or finished, until dismissed. */
  currentCapture(): CaptureJobState | null {
    return this.current ? this.get(this.current) : null;
  }

  /** A finished run's results are read: the capture screen starts afresh. A running run stays. */
  dismiss(jobId: string): void {
    if (this.current === jobId && this.jobs.get(jobId)?.state.finishedAt) this.current = null;
  }

  /** Whether any run (capture or comment) is still going: it may be using a login profile. */
  running(): boolean {
    return [...this.jobs.values()].some((job) => !job.state.finishedAt);
  }

  get(jobId: string): CaptureJobState | null {
    const job = this.jobs.get(jobId);
    return job ? structuredClone(job.state) : null;
  }
}
