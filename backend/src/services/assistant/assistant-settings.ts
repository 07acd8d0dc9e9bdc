// Where the assistant's model is and what it may spend: Settings (audited; the API key sealed in
// the secret store, never returned), each of base URL, model and key overridden by its
// SPOTDESK_LLM_* variable, which then cannot be changed from the panel.
import { z } from 'zod';

import { ValidationError, type ValidationIssue } from '../../domain/errors.js';
import type { SettingsRepo } from '../../db/repos/settings-repo.js';
import type { Actor, AuditService } from '../audit-service.js';
import type { SecretStore } from '../secret-store.js';

const SETTINGS_KEY = 'assistant';
const SECRET_NAME = 'assistant:api-key';
const OPENAI_BASE_URL = 'https://api.openai.com/v1';

export const DEFAULT_DAILY_TOKENS = 200_000;

const storedSchema = z.object({
  baseUrl: z.string().nullable().default(null),
  model: z.string().nullable().default(null),
  dailyTokenBudget: z.number().int().min(0).default(DEFAULT_DAILY_TOKENS),
  pricePerMillionPrompt: z.number().min(0).default(0),
  pricePerMillionCompletion: z.number().min(0).default(0),
  enabled: z.boolean().default(true),
});
type Stored = z.infer<typeof storedSchema>;

export interface LlmEnvironment {
  baseUrl: string | undefined;
  model: string | undefined;
  apiKey: string | undefined;
}

export type EnvField = 'baseUrl' | 'model' | 'apiKey';

export interface ResolvedSettings extends Omit<Stored, 'baseUrl' | 'model'> {
  /** null until a base URL is set, or a key alone implies OpenAI's. */
  baseUrl: string | null;
  model: string | null;
  apiKey: string | null;
  fromEnvironment: EnvField[];
}

export interface SettingsUpdate {
  baseUrl?: string;
  model?: string;
  apiKey?: string | null;
  dailyTokenBudget?: number;
  pricePerMillionPrompt?: number;
  pricePerMillionCompletion?: number;
  enabled?: boolean;
}

export function createAssistantSettings(deps: {
  repo: SettingsRepo;
  secrets: SecretStore;
  audit: AuditService;
  env: LlmEnvironment;
  now: () => number;
  /** After any change (the cache forgets answers of another model or endpoint). */
  onChange?: () => void;
}) {
  const { repo, secrets, audit, env, now } = deps;
  const fromEnvironment: EnvField[] = (['baseUrl', 'model', 'apiKey'] as const).filter(
    (field) => env[field] !== undefined,
  );
  const stored = (): Stored => repo.get(SETTINGS_KEY, storedSchema, storedSchema.parse({}));

  function resolved(): ResolvedSettings {
    const s = stored();
    const apiKey = env.apiKey ?? secrets.get(SECRET_NAME);
    return {
      ...s,
      // A key with no URL means OpenAI itself; a local server needs a URL and no key.
      baseUrl: env.baseUrl ?? s.baseUrl ?? (apiKey ? OPENAI_BASE_URL : null),
      model: env.model ?? s.model,
      apiKey,
      fromEnvironment,
    };
  }

  /** What may be shown and audited: never the key, only whether there is one. */
  function visible(r: ResolvedSettings) {
    const { apiKey, ...rest } = r;
    return { ...rest, keySet: apiKey !== null };
  }

  return {
    resolved,
    visible: () => visible(resolved()),

    /**
     * Saves the given fields; `apiKey: null` forgets the key.
     * @throws ValidationError (`set-by-environment`) for a field its variable sets.
     */
    update(update: SettingsUpdate, actor: Actor, ip: string): void {
      const issues: ValidationIssue[] = fromEnvironment
        .filter((field) => update[field] !== undefined)
        .map((field) => ({
          path: field,
          rule: 'set-by-environment',
          params: {},
          message: `is set by SPOTDESK_LLM_${field === 'baseUrl' ? 'BASE_URL' : field === 'model' ? 'MODEL' : 'API_KEY'}; change it there`,
        }));
      if (issues.length > 0) throw new ValidationError(issues);
      const before = visible(resolved());
      const { apiKey, ...fields } = update;
      const next = {
        ...stored(),
        ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
      };
      repo.set(SETTINGS_KEY, storedSchema.parse(next), now());
      if (apiKey === null) secrets.remove(SECRET_NAME);
      else if (apiKey !== undefined) secrets.put(SECRET_NAME, apiKey);
      const after = visible(resolved());
      audit.record({
        actor,
        action: 'assistant-settings',
        target: 'settings:assistant',
        before,
        after: { ...after, keyChanged: apiKey !== undefined },
        ip,
      });
      deps.onChange?.();
    },
  };
}

export type AssistantSettings = ReturnType<typeof createAssistantSettings>;
