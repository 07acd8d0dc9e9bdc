import { useCallback, useRef, useState } from 'react';

/** How long the last question took, measured here (network and model included). */
export function useLatency() {
  const started = useRef<number | null>(null);
  const [latencyMs, setLatencyMs] = useState<number | null>(null);
  const start = useCallback(() => {
    started.current = performance.now();
    setLatencyMs(null);
  }, []);
  const stop = useCallback(() => {
    if (started.current !== null) setLatencyMs(performance.now() - started.current);
    started.current = null;
  }, []);
  return { latencyMs, start, stop };
}
