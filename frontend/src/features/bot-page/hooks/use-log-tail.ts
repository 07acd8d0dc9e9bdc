import { useMemo, useState } from 'react';
import { z } from 'zod';

import { useWsChannel } from '../../../lib/ws-context';
import { useBotLogs } from '../api/get-logs';
import type { LogLine } from '../lib/log-lines';
import { LOG_TAIL_LIMIT, logLevel, mergeLogLines } from '../lib/log-lines';

// A `logs` event (backend services/monitor-events.ts): a status, warning, startup, exception or
// strategy message of the bot's message stream.
const logEventSchema = z.object({
  botId: z.number().int(),
  level: z.string(),
  kind: z.string(),
  text: z.string(),
  at: z.string(),
});

/** The log snapshot plus every line pushed since, capped to the newest LOG_TAIL_LIMIT. */
export function useLogTail(botId: number) {
  const logs = useBotLogs(botId);
  const [pushed, setPushed] = useState<LogLine[]>([]);
  useWsChannel('logs', {
    onEvent: (event) => {
      const parsed = logEventSchema.safeParse(event.payload);
      if (!parsed.success || parsed.data.botId !== botId) return;
      const { at, level, kind, text } = parsed.data;
      const line: LogLine = { at, level: logLevel(level), source: kind, message: text };
      setPushed((lines) => [...lines, line].slice(-LOG_TAIL_LIMIT));
    },
    onResync: () => void logs.refetch(),
  });
  const snapshot = logs.data?.lines;
  const lines = useMemo(
    () =>
      mergeLogLines(
        (snapshot ?? []).map((l) => ({
          at: l.at,
          level: logLevel(l.level),
          source: l.logger,
          message: l.message,
        })),
        pushed,
      ),
    [snapshot, pushed],
  );
  return { query: logs, lines };
}
