import type { ReactNode } from 'react';

/** A message for the user: errors interrupt screen readers (role=alert), successes wait (status). */
export function Alert({
  tone,
  children,
}: {
  tone: 'error' | 'success' | 'info';
  children: ReactNode;
}) {
  return (
    <div className={`alert alert-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
