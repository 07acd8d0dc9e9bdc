import { useState } from 'react';

import { ErrorMessage } from '../../../components/errors/error-message';
import { Alert } from '../../../components/ui/alert';
import { Dialog } from '../../../components/ui/dialog';
import { Loading } from '../../../components/ui/loading';
import { useT } from '../../../i18n/use-t';
import { useDeleteUser } from '../api/delete-user';
import type { UserRow } from '../api/get-users';
import { useUsers } from '../api/get-users';
import { AddViewerForm } from './add-viewer-form';
import { UsersTable } from './users-table';

type UsersPanelProps = { currentUser: { id: number; role: 'admin' | 'viewer' } };

/** Everyone sees the list; only an admin adds viewers and removes users (after confirming). */
export function UsersPanel({ currentUser }: UsersPanelProps) {
  const t = useT();
  const users = useUsers();
  const remove = useDeleteUser();
  const [pending, setPending] = useState<UserRow | null>(null);
  const [removed, setRemoved] = useState<string | null>(null);
  const isAdmin = currentUser.role === 'admin';

  function confirmRemove() {
    if (!pending) return;
    const { id, username } = pending;
    setRemoved(null);
    remove.mutate(id, { onSuccess: () => setRemoved(username) });
    setPending(null);
  }

  return (
    <div className="stack">
      {isAdmin ? null : <p className="muted">{t('users.readOnly')}</p>}
      {removed ? <Alert tone="success">{t('users.removed', { username: removed })}</Alert> : null}
      {remove.error ? <ErrorMessage error={remove.error} /> : null}
      {users.isPending ? <Loading /> : null}
      {users.error ? <ErrorMessage error={users.error} /> : null}
      {users.data ? (
        <UsersTable
          users={users.data}
          currentUserId={currentUser.id}
          onRemove={isAdmin ? setPending : undefined}
        />
      ) : null}
      {isAdmin ? <AddViewerForm /> : null}
      {pending ? (
        <Dialog
          title={t('users.confirmTitle', { username: pending.username })}
          onClose={() => setPending(null)}
          actions={
            <>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => setPending(null)}
              >
                {t('common.cancel')}
              </button>
              <button type="button" className="button button-danger" onClick={confirmRemove}>
                {t('users.confirmRemove')}
              </button>
            </>
          }
        >
          <p>{t('users.confirmBody')}</p>
        </Dialog>
      ) : null}
    </div>
  );
}
