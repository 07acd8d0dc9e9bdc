/**
 * Converts a Python literal (dict/list/number/str/bool/None) to a JS value. Only literals are
 * supported: Freqtrade's class attributes such as `minimal_roi` are plain dicts in practice.
 * Returns undefined when the text is not a plain literal.
 */
export function parsePythonLiteral(text) {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      let body = '';
      while (j < text.length && text[j] !== ch) {
        if (text[j] === '\\') {
          body += text[j] + text[j + 1];
          j += 2;
        } else {
          body += text[j] === '"' ? '\\"' : text[j];
          j += 1;
        }
      }
      out += `"${body}"`;
      i = j + 1;
    } else if (ch === '#') {
      while (i < text.length && text[i] !== '\n') i += 1;
    } else if (/[A-Za-z_]/.test(ch)) {
      let j = i;
      while (j < text.length && /\w/.test(text[j])) j += 1;
      const word = text.slice(i, j);
      const mapped = { True: 'true', False: 'false', None: 'null' }[word];
      if (mapped === undefined) return undefined;
      out += mapped;
      i = j;
    } else if (ch === '(' || ch === ')') {
      out += ch === '(' ? '[' : ']';
      i += 1;
    } else {
      out += ch;
      i += 1;
    }
  }
  const cleaned = out.replace(/,(\s*[}\]])/g, '$1').replace(/(^|[^\w.])\.(\d)/g, '$10.$2');
  try {
    return JSON.parse(cleaned);
  } catch {
    return undefined;
  }
}
