const pad = (n, w = 2) => String(n).padStart(w, '0');
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function strftime(date, spec) {
  const map = {
    Y: date.getUTCFullYear(),
    m: pad(date.getUTCMonth() + 1),
    d: pad(date.getUTCDate()),
    H: pad(date.getUTCHours()),
    M: pad(date.getUTCMinutes()),
    S: pad(date.getUTCSeconds()),
    f: pad(date.getUTCMilliseconds() * 1000, 6),
    A: DAYS[date.getUTCDay()],
    B: MONTHS[date.getUTCMonth()],
    '%': '%',
  };
  return spec.replace(/%([YmdHMSfAB%])/g, (_, k) => String(map[k]));
}

function formatValue(value, spec) {
  if (!spec) {
    if (value === null || value === undefined) return 'None';
    if (value === true) return 'True';
    if (value === false) return 'False';
    return String(value);
  }
  if (
    spec.includes('%') &&
    typeof value === 'string' &&
    !Number.isNaN(Date.parse(value)) &&
    /%[A-Za-z]/.test(spec)
  ) {
    return strftime(new Date(value), spec);
  }
  const m = /^([+-]?)(?:\.(\d+))?([f%d]?)$/.exec(spec);
  if (!m || typeof value !== 'number')
    throw new Error(`Invalid format specifier '${spec}' for ${value}`);
  const [, sign, precision, type] = m;
  let out;
  if (type === '%')
    out = `${(value * 100).toFixed(precision === undefined ? 6 : Number(precision))}%`;
  else if (type === 'd') out = String(Math.trunc(value));
  else out = value.toFixed(precision === undefined ? 6 : Number(precision));
  return sign === '+' && value >= 0 ? `+${out}` : out;
}

/**
 * The subset of Python's str.format used by webhook templates: `{key}`, `{key:.2f}`,
 * `{key:.2%}`, `{date:%Y-%m-%d}`, doubled braces. Throws on a missing key (Python: KeyError).
 */
export function pyFormat(template, values) {
  return template.replace(/\{\{|\}\}|\{([^{}:]+)(?::([^{}]*))?\}/g, (all, key, spec) => {
    if (all === '{{') return '{';
    if (all === '}}') return '}';
    if (!(key in values)) throw new Error(`KeyError: '${key}'`);
    return formatValue(values[key], spec);
  });
}
