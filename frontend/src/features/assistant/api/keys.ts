/** Query keys of the assistant; everything sits under `['assistant']`. */
export const assistantKeys = {
  all: ['assistant'] as const,
  status: ['assistant', 'status'] as const,
  settings: ['assistant', 'settings'] as const,
};
