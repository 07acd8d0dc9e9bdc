// Error classes named after freqtrade/exceptions.py; main maps them to Freqtrade's exit codes.

/** Exit 2: OperationalException (missing strategy, missing user dir, bad file path, ...). */
export class OperationalError extends Error {}

/** Exit 1: ConfigurationError (JSON syntax, deprecated keys, inconsistent settings). */
export class ConfigurationError extends Error {}

/** Exit 1 after `Fatal exception!`: jsonschema ValidationError. */
export class SchemaValidationError extends Error {}

/** RPCException: answered as HTTP 502 `{"error": "Error querying /api/v1/<path>: <msg>"}`. */
export class RpcError extends Error {}

/** HTTPException: answered with its status and `{"detail": ...}`. */
export class HttpError extends Error {
  constructor(status, detail, headers = {}) {
    super(typeof detail === 'string' ? detail : 'validation error');
    this.status = status;
    this.detail = detail;
    this.headers = headers;
  }
}

/** TemporaryError: an exchange hiccup; the worker logs it and retries after RETRY_TIMEOUT. */
export class TemporaryError extends Error {}

/** DependencyException: e.g. a stake the wallet cannot fund; not answered as an RPC error. */
export class DependencyError extends Error {}
