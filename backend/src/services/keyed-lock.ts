/**
 * One queue per key: tasks for the same key run one after another in arrival order, tasks for
 * different keys run side by side. A failed task does not block the next one.
 */
export function createKeyedLock<K>() {
  const tails = new Map<K, Promise<unknown>>();
  return {
    run<T>(key: K, task: () => Promise<T>): Promise<T> {
      const previous = tails.get(key) ?? Promise.resolve();
      const result = previous.then(task, task);
      const tail = result.catch(() => undefined);
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
    isBusy: (key: K) => tails.has(key),
  };
}
