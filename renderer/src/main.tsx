// The renderer's entry: Fluent UI theme, TanStack Query (networkMode 'always': IPC is not a network) and the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from './App';
import { AuthGate } from './auth/AuthGate';
import { StoreHealthBar } from './screens/backups/StoreHealthBar';
import './app.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { networkMode: 'always', retry: false, refetchOnWindowFocus: false },
    mutations: { networkMode: 'always' },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <FluentProvider theme={webLightTheme}>
      <QueryClientProvider client={queryClient}>
        <StoreHealthBar />
        <AuthGate>
          <App />
        </AuthGate>
      </QueryClientProvider>
    </FluentProvider>
  </StrictMode>,
);
