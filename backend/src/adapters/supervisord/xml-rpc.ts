// The slice of XML-RPC that supervisord speaks: scalars, arrays, structs, faults. Hand-written
// because it is small and every XML-RPC package on npm is unmaintained.

export type XmlRpcValue =
  string | number | boolean | null | XmlRpcValue[] | { [key: string]: XmlRpcValue };

export class XmlRpcFault extends Error {
  constructor(
    readonly faultCode: number,
    readonly faultString: string,
  ) {
    super(`XML-RPC fault ${faultCode}: ${faultString}`);
  }
}

export class XmlRpcParseError extends Error {}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return ENTITIES[entity] ?? whole;
  });
}

function serializeValue(value: XmlRpcValue): string {
  if (value === null) return '<value><nil/></value>';
  if (typeof value === 'string') return `<value><string>${escapeXml(value)}</string></value>`;
  if (typeof value === 'boolean') return `<value><boolean>${value ? 1 : 0}</boolean></value>`;
  if (typeof value === 'number') {
    return Number.isInteger(value)
      ? `<value><int>${value}</int></value>`
      : `<value><double>${value}</double></value>`;
  }
  if (Array.isArray(value)) {
    return `<value><array><data>${value.map(serializeValue).join('')}</data></array></value>`;
  }
  const members = Object.entries(value)
    .map(
      ([name, inner]) => `<member><name>${escapeXml(name)}</name>${serializeValue(inner)}</member>`,
    )
    .join('');
  return `<value><struct>${members}</struct></value>`;
}

export function serializeCall(method: string, params: XmlRpcValue[]): string {
  const body = params.map((p) => `<param>${serializeValue(p)}</param>`).join('');
  return `<?xml version="1.0"?><methodCall><methodName>${escapeXml(method)}</methodName><params>${body}</params></methodCall>`;
}

type Token = { kind: 'open' | 'close' | 'empty'; name: string } | { kind: 'text'; text: string };

function tokenize(xml: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /<\?[^>]*\?>|<!--[\s\S]*?-->|<(\/?)([A-Za-z_][\w.-]*)[^>]*?(\/?)>|([^<]+)/g;
  for (const match of xml.matchAll(pattern)) {
    const [, slash, name, selfClose, text] = match;
    if (text !== undefined) tokens.push({ kind: 'text', text });
    else if (name !== undefined) {
      tokens.push({ kind: slash ? 'close' : selfClose ? 'empty' : 'open', name });
    }
  }
  return tokens;
}

class Reader {
  private index = 0;
  constructor(private readonly tokens: Token[]) {}

  private skipBlank(): void {
    let token = this.tokens[this.index];
    while (token?.kind === 'text' && token.text.trim() === '') token = this.tokens[++this.index];
  }

  peekOpen(): string | null {
    this.skipBlank();
    const token = this.tokens[this.index];
    return token && (token.kind === 'open' || token.kind === 'empty') ? token.name : null;
  }

  /** Consumes `<name>`; returns false for `<name/>`. */
  open(name: string): boolean {
    this.skipBlank();
    const token = this.tokens[this.index++];
    if (!token || token.kind === 'text' || token.kind === 'close' || token.name !== name) {
      throw new XmlRpcParseError(`expected <${name}>`);
    }
    return token.kind === 'open';
  }

  close(name: string): void {
    this.skipBlank();
    const token = this.tokens[this.index++];
    if (!token || token.kind !== 'close' || token.name !== name)
      throw new XmlRpcParseError(`expected </${name}>`);
  }

  text(): string {
    const token = this.tokens[this.index];
    if (token?.kind === 'text') {
      this.index++;
      return unescapeXml(token.text);
    }
    return '';
  }
}

function readValue(reader: Reader): XmlRpcValue {
  if (!reader.open('value')) return '';
  const type = reader.peekOpen();
  // A <value> without a type tag is a string (XML-RPC spec).
  if (type === null) {
    const text = reader.text();
    reader.close('value');
    return text;
  }
  const hasBody = reader.open(type);
  let result: XmlRpcValue;
  switch (type) {
    case 'string':
      result = hasBody ? reader.text() : '';
      break;
    case 'int':
    case 'i4':
    case 'i8':
    case 'double':
      result = Number(reader.text().trim());
      if (Number.isNaN(result)) throw new XmlRpcParseError(`bad ${type}`);
      break;
    case 'boolean':
      result = reader.text().trim() === '1';
      break;
    case 'nil':
      result = null;
      break;
    case 'array':
      result = hasBody ? readArray(reader) : [];
      break;
    case 'struct':
      result = hasBody ? readStruct(reader) : {};
      break;
    default:
      result = hasBody ? reader.text() : '';
  }
  if (hasBody) reader.close(type);
  reader.close('value');
  return result;
}

function readArray(reader: Reader): XmlRpcValue[] {
  const items: XmlRpcValue[] = [];
  if (!reader.open('data')) return items;
  while (reader.peekOpen() === 'value') items.push(readValue(reader));
  reader.close('data');
  return items;
}

function readStruct(reader: Reader): Record<string, XmlRpcValue> {
  const out: Record<string, XmlRpcValue> = {};
  while (reader.peekOpen() === 'member') {
    reader.open('member');
    reader.open('name');
    const name = reader.text();
    reader.close('name');
    out[name] = readValue(reader);
    reader.close('member');
  }
  return out;
}

/**
 * Parses a methodResponse.
 * @throws XmlRpcFault for a <fault>, XmlRpcParseError for anything that is not XML-RPC.
 */
export function parseResponse(xml: string): XmlRpcValue {
  const reader = new Reader(tokenize(xml));
  reader.open('methodResponse');
  if (reader.peekOpen() === 'fault') {
    reader.open('fault');
    const fault = readValue(reader);
    const record =
      typeof fault === 'object' && fault !== null && !Array.isArray(fault) ? fault : {};
    throw new XmlRpcFault(
      Number(record.faultCode ?? 0),
      String(record.faultString ?? 'unknown fault'),
    );
  }
  reader.open('params');
  reader.open('param');
  const value = readValue(reader);
  reader.close('param');
  reader.close('params');
  reader.close('methodResponse');
  return value;
}
