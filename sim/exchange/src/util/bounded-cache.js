// Generated candles are pure functions of their key; a bounded Map keeps memory flat over long backtests.
export function boundedCache(max) {
  const map = new Map();
  return {
    get(key, make) {
      let value = map.get(key);
      if (value === undefined) {
        value = make();
        if (map.size >= max) map.delete(map.keys().next().value);
        map.set(key, value);
      }
      return value;
    },
  };
}
