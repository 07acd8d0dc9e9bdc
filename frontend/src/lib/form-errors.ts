import type { Formatters } from '../i18n/formatters';
import { translateIssue } from '../i18n/translate-issue';
import { ApiError } from './api-client';

/**
 * The per-field messages of a `validation-failed` answer in the chosen language, keyed by the
 * field's path (the first issue of a field wins).
 */
export function serverFieldErrors(error: unknown, f: Formatters): Record<string, string> {
  if (!(error instanceof ApiError) || error.code !== 'validation-failed') return {};
  const byField: Record<string, string> = {};
  for (const issue of error.fieldIssues) {
    byField[issue.path] ??= translateIssue(issue, f);
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
