import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { AppProvider } from './app/provider';
import { AppRouter, createAppRouter } from './app/router';
import { browserStorage } from './lib/browser-storage';
import { createQueryClient } from './lib/query-client';
import { applyTheme, readStoredTheme } from './lib/theme';
import './styles/theme.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/controls.css';

// Before the first paint, so a remembered dark theme does not flash light (no inline script: CSP).
applyTheme(readStoredTheme(browserStorage()));

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <AppProvider queryClient={createQueryClient()}>
      <AppRouter router={createAppRouter()} />
    </AppProvider>
  </StrictMode>,
);
