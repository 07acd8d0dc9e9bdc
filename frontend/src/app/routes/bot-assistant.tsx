import { useQueryClient } from '@tanstack/react-query';

import { CardErrorBoundary } from '../../components/errors/card-error-boundary';
import { BotSummaryCard } from '../../features/assistant/components/bot-summary-card';
import { RecommendationCard } from '../../features/assistant/components/recommendation-card';
import {
  StaleRecommendationError,
  UnsendablePatchError,
} from '../../features/assistant/lib/apply-recommendation';
import type { ApplyRecommendationInput } from '../../features/assistant/lib/apply-recommendation';
import type { BotPageBot } from '../../features/bot-page/api/get-bot';
import { botPageKeys } from '../../features/bot-page/api/keys';
import { botSettingsInputSchema } from '../../features/bots/api/create-bot';
import { getBotsQueryOptions } from '../../features/bots/api/get-bots';
import { useUpdateBot } from '../../features/bots/api/update-bot';
import { useT } from '../../i18n/use-t';
import { ApiError } from '../../lib/api-client';
import { useApi } from '../../lib/api-context';

/**
 * The bot's saved settings with the recommendation's patch laid over them: the body the bot
 * edit form's PUT takes (the API has no partial update). Strict, so a patch naming anything but
 * a setting is refused here instead of being dropped without a word.
 */
const patchedSettingsSchema = botSettingsInputSchema.strict();

function patchedSettings(bot: unknown, patch: object) {
  const parsed = patchedSettingsSchema.safeParse({
    ...botSettingsInputSchema.parse(bot),
    ...patch,
  });
  if (!parsed.success) throw new UnsendablePatchError();
  return parsed.data;
}

/** The assistant's cards on a bot's page; applying goes through the Bots feature's update call. */
export function BotAssistantCards({ bot, isAdmin }: { bot: BotPageBot; isAdmin: boolean }) {
  const t = useT();
  const api = useApi();
  const queryClient = useQueryClient();
  const update = useUpdateBot();

  async function apply({ patch, configVersion, apply: mode }: ApplyRecommendationInput) {
    // The bot as saved right now: a settings change since the diff was made wins over it.
    const bots = await queryClient.fetchQuery({ ...getBotsQueryOptions(api), staleTime: 0 });
    const current = bots.find((b) => b.id === bot.id);
    if (!current) throw new ApiError(404, 'bot-not-found', `there is no bot ${bot.id}`);
    if (current.configVersion !== configVersion) {
      throw new StaleRecommendationError(current.configVersion);
    }
    const saved = await update.mutateAsync({
      id: bot.id,
      settings: patchedSettings(current, patch),
      apply: mode,
    });
    await queryClient.invalidateQueries({ queryKey: botPageKeys.bot(bot.id) });
    return saved;
  }

  return (
    <>
      <CardErrorBoundary title={t('assistant.bot.title')}>
        <BotSummaryCard botId={bot.id} isAdmin={isAdmin} />
      </CardErrorBoundary>
      <CardErrorBoundary title={t('assistant.rec.title')}>
        <RecommendationCard
          bot={{
            id: bot.id,
            name: bot.name,
            configVersion: bot.configVersion,
            isRunning: bot.desiredState === 'RUNNING' || bot.desiredState === 'PAUSED',
          }}
          isAdmin={isAdmin}
          onApply={apply}
        />
      </CardErrorBoundary>
    </>
  );
}
