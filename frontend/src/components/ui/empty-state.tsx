import type { ReactNode } from 'react';

/** What a reader sees where data will be: an honest sentence, never invented numbers. */
export function EmptyState({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty-state">
      <p>{children}</p>
      {action}
    </div>
  );
}
