import { useEffect, useState } from 'react';
import type { CaptureJobState } from '../../../shared/capture';
import { api } from '../api';

/**
 * Follows one capture run: its latest state from the pushed updates, and one read of the current
 * state, since a short run may be over before the screen listened. `onFinished` runs once.
 */
export function useCaptureJob(start: CaptureJobState | null, onFinished?: (state: CaptureJobState) => void): CaptureJobState | null {
  const [job, setJob] = useState<CaptureJobState | null>(start);
  const jobId = start?.jobId;
  useEffect(() => {
    setJob(start);
    if (!jobId) return;
    let finished = false;
    const take = (state: CaptureJobState | null) => {
      if (!state || state.jobId !== jobId || finished) return;
      setJob(state);
      if (state.finishedAt) {
        finished = true;
        onFinished?.(state);
      }
    };
    const unsubscribe = api.onCaptureUpdate(take);
    void api.getCaptureJob(jobId).then(take, () => undefined);
    return unsubscribe;
    // Follows a run by its id; a new start object for the same run changes nothing.
  }, [jobId]);
  return job;
}
