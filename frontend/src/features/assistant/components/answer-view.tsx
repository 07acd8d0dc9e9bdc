import type { Answer } from '../../../../../backend/src/http/routes/assistant-schemas';
import { useI18n } from '../../../i18n/use-t';
import { useAssistantStatus } from '../api/get-assistant-status';
import { ClaimView } from './claim-view';

/** Who wrote the answer: the configured model, or Spotdesk's rules (and why the model did not). */
export function AnswerKind({ answer }: { answer: Answer }) {
  const { t } = useI18n();
  if (answer.kind === 'model') {
    return (
      <p className="answer-kind answer-kind-model">
        <span aria-hidden="true">✦ </span>
        {t('assistant.kind.model', { model: answer.model ?? t('common.none') })}
      </p>
    );
  }
  const code = answer.notice?.code ?? 'assistant-not-configured';
  return (
    <p className="answer-kind answer-kind-rules">
      <span aria-hidden="true">⚙ </span>
      {t(`assistant.notice.${code}`)}
    </p>
  );
}

/** When, how (cache, model), how long and how many tokens; the cost from today's prices. */
function AnswerMeta({ answer, latencyMs }: { answer: Answer; latencyMs: number | null }) {
  const i18n = useI18n();
  const { t, formatDateTime, formatNumber } = i18n;
  // The prices are only known once the status is read; without them no cost is guessed.
  const status = useAssistantStatus({ enabled: answer.usage !== null && !answer.cached });
  const parts = [
    t('assistant.meta.generated', { time: formatDateTime(new Date(answer.generatedAt)) }),
  ];
  if (answer.cached) parts.push(t('assistant.meta.cached'));
  if (latencyMs !== null && !answer.cached) {
    parts.push(
      t('assistant.meta.latency', {
        seconds: formatNumber(latencyMs / 1000, { maximumFractionDigits: 1 }),
      }),
    );
  }
  if (answer.usage) {
    const { promptTokens, completionTokens } = answer.usage;
    parts.push(
      t('assistant.meta.tokens', {
        prompt: formatNumber(promptTokens),
        completion: formatNumber(completionTokens),
      }),
    );
    const prices = status.data?.budget;
    if (prices && !answer.cached) {
      const cost =
        (promptTokens * prices.pricePerMillionPrompt +
          completionTokens * prices.pricePerMillionCompletion) /
        1_000_000;
      parts.push(
        t('assistant.meta.cost', {
          cost: formatNumber(cost, {
            style: 'currency',
            currency: 'USD',
            maximumFractionDigits: 4,
          }),
        }),
      );
    }
  }
  return <p className="answer-meta">{parts.join(' · ')}</p>;
}

/** An answer: its origin, its claims (text only) with their marks and sources, and its cost. */
export function AnswerView({ answer, latencyMs }: { answer: Answer; latencyMs: number | null }) {
  const { t } = useI18n();
  return (
    <div className="answer" lang={answer.language}>
      <AnswerKind answer={answer} />
      {answer.claims.length === 0 ? (
        <p className="muted">{t('assistant.noClaims')}</p>
      ) : (
        <ul className="claims">
          {answer.claims.map((claim, index) => (
            <li key={index}>
              <ClaimView claim={claim} facts={answer.facts} />
            </li>
          ))}
        </ul>
      )}
      <AnswerMeta answer={answer} latencyMs={latencyMs} />
    </div>
  );
}
