/**
 * The worker's sleeps and the shutdown flag shared by main (SIGTERM/SIGINT), the worker loop and the
 * API (wake on state changes).
 */
export function createSignals() {
  let wakeUp = null;
  let pendingWake = false;
  const onShutdown = new Set();
  const signals = {
    shutdown: false,
    // A wake during an iteration makes the next sleep return at once, so API state changes are
    // seen on the very next loop instead of after a full throttle period.
    wake() {
      if (wakeUp) wakeUp();
      else pendingWake = true;
    },
    triggerShutdown() {
      signals.shutdown = true;
      for (const done of [...onShutdown]) done();
      signals.wake();
    },
    sleep: (ms) =>
      new Promise((resolve) => {
        if (pendingWake || signals.shutdown) {
          pendingWake = false;
          resolve();
          return;
        }
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          wakeUp = null;
          resolve();
        }
        wakeUp = done;
      }),
    /** time.sleep(RETRY_TIMEOUT) after a TemporaryError: API commands do not cut it short. */
    retrySleep: (ms) =>
      new Promise((resolve) => {
        if (signals.shutdown) {
          resolve();
          return;
        }
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          onShutdown.delete(done);
          resolve();
        }
        onShutdown.add(done);
      }),
  };
  return signals;
}
