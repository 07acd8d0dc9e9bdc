// What the sim received, for tests to assert on. API keys are masked: they are credentials.
const MAX_ENTRIES = 5000;

// At most a third of the key (and never more than 4 characters) is shown.
export const maskKey = (key) =>
  key ? `${String(key).slice(0, Math.min(4, Math.floor(String(key).length / 3)))}…` : null;

export function createRequestLog({ echo }) {
  let entries = [];
  let nextId = 1;
  return {
    add(entry) {
      const record = { id: nextId, ...entry, apiKey: maskKey(entry.apiKey) };
      nextId += 1;
      entries.push(record);
      if (entries.length > MAX_ENTRIES) entries = entries.slice(-MAX_ENTRIES);
      if (echo) process.stderr.write(`${JSON.stringify(record)}\n`);
    },
    list({ path, limit } = {}) {
      const selected = path ? entries.filter((e) => e.path === path) : entries;
      return limit ? selected.slice(-limit) : selected.slice();
    },
    clear() {
      entries = [];
    },
  };
}
