// What the sim received, for tests to assert on. API keys are masked: they are credentials.
const MAX_ENTRIES = 5000;

// The first 4 characters (half of a key shorter than 8) identify the key without revealing it.
export const maskKey = (key) => {
  if (!key) return null;
  const text = String(key);
  return `${text.slice(0, text.length >= 8 ? 4 : Math.floor(text.length / 2))}…`;
};

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
