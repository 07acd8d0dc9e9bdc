import fs from 'node:fs';

const RING_SIZE = 1000;

const pad = (n, w = 2) => String(n).padStart(w, '0');

/** Local-time `YYYY-MM-DD HH:MM:SS`, as Python's logging and Freqtrade's /logs render it. */
export function localDateString(date) {
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  );
}

/**
 * Freqtrade-style logging: `2025-01-01 12:00:00,123 - freqtrade.worker - INFO - msg` to stderr and an
 * optional logfile, plus the in-memory ring buffer of the last 1000 records behind `/api/v1/logs`.
 */
export function createLogger({ logfile } = {}) {
  const ring = [];
  let fileFd = null;
  if (logfile) fileFd = fs.openSync(logfile, 'a');
  const secrets = new Set();

  const redact = (text) => {
    let out = text;
    for (const s of secrets) if (s.length >= 3) out = out.split(s).join('REDACTED');
    return out;
  };

  const write = (name, level, rawMessage) => {
    const now = new Date();
    const message = redact(String(rawMessage));
    const line = `${localDateString(now)},${pad(now.getMilliseconds(), 3)} - ${name} - ${level} - ${message}`;
    process.stderr.write(`${line}\n`);
    if (fileFd !== null) fs.writeSync(fileFd, `${line}\n`);
    ring.push([localDateString(now), now.getTime(), name, level, message]);
    if (ring.length > RING_SIZE) ring.shift();
  };

  const get = (name) => ({
    debug: () => {},
    info: (m) => write(name, 'INFO', m),
    warning: (m) => write(name, 'WARNING', m),
    error: (m) => write(name, 'ERROR', m),
    critical: (m) => write(name, 'CRITICAL', m),
  });

  return {
    get,
    setLogfile(file) {
      if (fileFd !== null) fs.closeSync(fileFd);
      fileFd = file ? fs.openSync(file, 'a') : null;
    },
    /** Values that must never reach a log line (passwords, keys, tokens). */
    addSecrets(values) {
      for (const v of values) if (typeof v === 'string' && v) secrets.add(v);
    },
    recent(limit) {
      return limit === undefined ? ring.slice() : ring.slice(Math.max(0, ring.length - limit));
    },
    close() {
      if (fileFd !== null) fs.closeSync(fileFd);
      fileFd = null;
    },
  };
}
