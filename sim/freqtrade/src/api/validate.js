import { HttpError } from '../errors.js';

// Pydantic v2 error items, as FastAPI returns them in a 422 `{"detail": [...]}`.

const missing = (loc) => ({ type: 'missing', loc, msg: 'Field required', input: null });

function coerce(spec, raw, loc, fromQuery) {
  const input = raw;
  switch (spec.type) {
    case 'int': {
      const ok = fromQuery ? /^[+-]?\d+$/.test(String(raw).trim()) : Number.isInteger(raw);
      if (ok) {
        const v = Number(raw);
        if (spec.ge !== undefined && v < spec.ge) {
          return {
            error: {
              type: 'greater_than_equal',
              loc,
              msg: `Input should be greater than or equal to ${spec.ge}`,
              input,
              ctx: { ge: spec.ge },
            },
          };
        }
        return { value: v };
      }
      return {
        error: {
          type: 'int_parsing',
          loc,
          msg: 'Input should be a valid integer, unable to parse string as an integer',
          input,
        },
      };
    }
    case 'float': {
      const v = typeof raw === 'string' && fromQuery ? Number(raw) : raw;
      if (typeof v === 'number' && !Number.isNaN(v)) return { value: v };
      return {
        error: {
          type: 'float_parsing',
          loc,
          msg: 'Input should be a valid number, unable to parse string as a number',
          input,
        },
      };
    }
    case 'str':
      if (typeof raw === 'string') return { value: raw };
      return { error: { type: 'string_type', loc, msg: 'Input should be a valid string', input } };
    case 'str|int':
      if (typeof raw === 'string' || Number.isInteger(raw)) return { value: raw };
      return { error: { type: 'string_type', loc, msg: 'Input should be a valid string', input } };
    case 'enum':
      if (spec.values.includes(raw)) return { value: raw };
      {
        const expected = spec.values
          .map((v) => `'${v}'`)
          .join(', ')
          .replace(/, ([^,]*)$/, ' or $1');
        return {
          error: {
            type: 'enum',
            loc,
            msg: `Input should be ${expected}`,
            input,
            ctx: { expected },
          },
        };
      }
    case 'list[str]':
      if (Array.isArray(raw) && raw.every((x) => typeof x === 'string')) return { value: raw };
      return { error: { type: 'list_type', loc, msg: 'Input should be a valid list', input } };
    case 'aware-datetime':
      return awareDatetime(raw, loc);
    default:
      return { value: raw };
  }
}

function awareDatetime(raw, loc) {
  if (typeof raw !== 'string')
    return {
      error: { type: 'datetime_type', loc, msg: 'Input should be a valid datetime', input: raw },
    };
  const m = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(raw);
  if (!m)
    return {
      error: {
        type: 'datetime_from_date_parsing',
        loc,
        msg: 'Input should be a valid datetime or date, invalid character in year',
        input: raw,
      },
    };
  if (!m[3])
    return {
      error: { type: 'timezone_aware', loc, msg: 'Input should have timezone info', input: raw },
    };
  return { value: Date.parse(raw.replace(' ', 'T')) };
}

/** Validates fields of `source` (query object or JSON body) against `specs`; throws a 422. */
export function validateFields(source, specs, where) {
  const out = {};
  const errors = [];
  for (const [name, spec] of Object.entries(specs)) {
    const raw = source?.[name];
    if (raw === undefined || (raw === null && spec.required)) {
      if (spec.required) errors.push(missing([where, name]));
      else if (spec.default !== undefined) out[name] = spec.default;
      continue;
    }
    if (raw === null && spec.nullable) {
      out[name] = null;
      continue;
    }
    const res = coerce(spec, raw, [where, name], where === 'query' || where === 'path');
    if (res.error) errors.push(res.error);
    else out[name] = res.value;
  }
  if (errors.length) throw new HttpError(422, errors);
  return out;
}

/** Parses a JSON request body like FastAPI: missing → 422 missing, bad JSON → 422 json_invalid. */
export function parseJsonBody(text) {
  if (text === '') throw new HttpError(422, [missing(['body'])]);
  try {
    return JSON.parse(text);
  } catch (err) {
    const pos = Number(/position (\d+)/.exec(err.message)?.[1] ?? 0);
    throw new HttpError(422, [
      {
        type: 'json_invalid',
        loc: ['body', pos],
        msg: 'JSON decode error',
        input: {},
        ctx: { error: 'Expecting value' },
      },
    ]);
  }
}

export function requireObject(body) {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new HttpError(422, [
      {
        type: 'model_attributes_type',
        loc: ['body'],
        msg: 'Input should be a valid dictionary or object to extract fields from',
        input: body,
      },
    ]);
  }
  return body;
}
