import { ApiError } from './api-client';

/** The server's per-field messages of a `validation-failed` answer, keyed by the field's path. */
export function serverFieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || error.code !== 'validation-failed') return {};
  const byField: Record<string, string> = {};
  for (const issue of error.fieldIssues) {
    byField[issue.path] ??= issue.message;
  }
  return byField;
}

/** Reads text inputs of a submitted form by name; missing names read as ''. */
export function readForm<K extends string>(form: HTMLFormElement, names: readonly K[]) {
  const data = new FormData(form);
  const values = {} as Record<K, string>;
  for (const name of names) {
    const value = data.get(name);
    values[name] = typeof value === 'string' ? value : '';
  }
  return values;
}
