import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';

type FallbackProps = { error: unknown; reset: () => void };

type ErrorBoundaryProps = {
  fallback: (props: FallbackProps) => ReactNode;
  onReset?: () => void;
  children: ReactNode;
};

type ErrorBoundaryState = { error: unknown; hasError: boolean };

/** Catches render errors below it and shows `fallback` instead of unmounting the whole tree. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null, hasError: false };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error, hasError: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    // The browser console is the only log a panel has; the stack helps a bug report.
    console.error('panel error', error, info.componentStack);
  }

  reset = () => {
    this.props.onReset?.();
    this.setState({ error: null, hasError: false });
  };

  override render() {
    if (this.state.hasError)
      return this.props.fallback({ error: this.state.error, reset: this.reset });
    return this.props.children;
  }
}
