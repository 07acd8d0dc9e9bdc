import { screen, waitFor } from '@testing-library/react';
import { expect } from 'vitest';

import type { FakeApi } from '../../../testing/fake-api';

export function signIn(api: FakeApi, role: 'admin' | 'viewer' = 'admin') {
  api.signIn(api.addUser({ username: 'ana', password: 'correct horse battery', role }));
}

/** The region a card's heading names. */
export function card(name: string) {
  return screen.findByRole('region', { name });
}

/** The `market` channel is subscribed and the re-read that follows has been answered. */
export async function marketSubscribed(api: FakeApi, path: string) {
  await waitFor(() =>
    expect(api.ws.received).toContainEqual(
      expect.objectContaining({
        type: 'subscribe',
        channels: expect.arrayContaining(['market']) as unknown,
      }),
    ),
  );
  await waitFor(() => expect(api.requestsTo('GET', path).length).toBeGreaterThan(1));
}

export const lastBody = (api: FakeApi, method: string, path: string) =>
  api.requestsTo(method, path).at(-1)?.body;
