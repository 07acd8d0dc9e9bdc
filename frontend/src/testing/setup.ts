import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Requests cross a real loopback socket; give them room on a busy 2-core machine.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  // The browser test runs in the node environment: there is no DOM to reset there.
  if (typeof document === 'undefined') return;
  cleanup();
  localStorage.clear();
  document.documentElement.removeAttribute('data-theme');
  document.documentElement.lang = 'en';
});
