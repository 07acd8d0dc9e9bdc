/** Thrown by an apply when the bot's settings changed since the recommendation was made. */
export class StaleRecommendationError extends Error {
  readonly currentVersion: number;

  constructor(currentVersion: number) {
    super(`the bot is at config version ${currentVersion} now`);
    this.name = 'StaleRecommendationError';
    this.currentVersion = currentVersion;
  }
}

/** How a running bot takes the applied settings: a restart now, or at its next start. */
export type ApplyMode = 'restart' | 'next-start';

export type ApplyRecommendationInput = {
  patch: Record<string, unknown>;
  /** The bot's configVersion the diff was made against. */
  configVersion: number;
  apply: ApplyMode;
};

/** Thrown by an apply when the patch names something that is not a bot setting. */
export class UnsendablePatchError extends Error {
  constructor() {
    super('the recommendation holds values that are not bot settings');
    this.name = 'UnsendablePatchError';
  }
}
