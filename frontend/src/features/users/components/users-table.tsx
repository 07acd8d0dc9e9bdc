import { useI18n } from '../../../i18n/use-t';
import type { UserRow } from '../api/get-users';

type UsersTableProps = {
  users: UserRow[];
  currentUserId: number;
  /** Absent for viewers: the table is then read-only. */
  onRemove?: (user: UserRow) => void;
};

export function UsersTable({ users, currentUserId, onRemove }: UsersTableProps) {
  const { t, formatDate } = useI18n();
  if (users.length === 0) return <p>{t('users.empty')}</p>;
  return (
    <div className="table-scroll">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('users.username')}</th>
            <th scope="col">{t('users.role')}</th>
            <th scope="col" className="optional-col">
              {t('users.created')}
            </th>
            {onRemove ? <th scope="col">{t('users.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {users.map((user) => {
            const isSelf = user.id === currentUserId;
            return (
              <tr key={user.id}>
                <td>
                  {user.username} {isSelf ? <span className="muted">{t('users.you')}</span> : null}
                </td>
                <td>{t(user.role === 'admin' ? 'role.admin' : 'role.viewer')}</td>
                <td className="nowrap optional-col">
                  <time dateTime={user.createdAt}>{formatDate(user.createdAt)}</time>
                </td>
                {onRemove ? (
                  <td>
                    {isSelf ? null : (
                      <button
                        type="button"
                        className="button button-danger button-small"
                        aria-label={t('users.removeLabel', { username: user.username })}
                        onClick={() => onRemove(user)}
                      >
                        {t('users.remove')}
                      </button>
                    )}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
