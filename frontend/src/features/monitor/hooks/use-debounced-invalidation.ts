import { useQueryClient } from '@tanstack/react-query';
import type { QueryKey } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';

const covers = (prefix: QueryKey, key: QueryKey) =>
  prefix.length <= key.length && prefix.every((part, index) => part === key[index]);

/**
 * Collects query keys for `delayMs` and then invalidates each once: a burst of events (a fill
 * arrives as an order, an alert and a positions change) becomes one refetch per query.
 */
export function useDebouncedInvalidation(delayMs = 250): (keys: QueryKey[]) => void {
  const queryClient = useQueryClient();
  const pending = useRef<QueryKey[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  return useCallback(
    (keys: QueryKey[]) => {
      pending.current.push(...keys);
      if (timer.current !== undefined) return;
      timer.current = setTimeout(() => {
        timer.current = undefined;
        const all = pending.current;
        pending.current = [];
        // A key already covered by a pending prefix would only refetch twice.
        const unique: QueryKey[] = [];
        for (const key of all) {
          if (unique.some((kept) => covers(kept, key))) continue;
          for (let i = unique.length - 1; i >= 0; i -= 1) {
            if (covers(key, unique[i] ?? [])) unique.splice(i, 1);
          }
          unique.push(key);
        }
        for (const key of unique) void queryClient.invalidateQueries({ queryKey: key });
      }, delayMs);
    },
    [queryClient, delayMs],
  );
}
