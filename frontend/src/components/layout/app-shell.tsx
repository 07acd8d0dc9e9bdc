import { useEffect, useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { Link, NavLink, useLocation } from 'react-router-dom';

import { paths } from '../../config/paths';
import { useT } from '../../i18n/use-t';
import { LanguagePicker } from './language-picker';

type AppShellProps = {
  /** Who is signed in, already translated (e.g. "Signed in as ana (admin)"). */
  userLabel: string;
  onLogout: () => void;
  isLoggingOut: boolean;
  children: ReactNode;
};

/** Top bar and side navigation; below 48rem the navigation folds behind a Menu button. */
export function AppShell({ userLabel, onLogout, isLoggingOut, children }: AppShellProps) {
  const t = useT();
  const navId = useId();
  const [isMenuOpen, setMenuOpen] = useState(false);
  const menuButtonRef = useRef<HTMLButtonElement>(null);
  const location = useLocation();

  const mainRef = useRef<HTMLElement>(null);
  const previousPath = useRef(location.pathname);

  // A screen reader stays on the clicked link after a client-side navigation; moving focus to
  // <main> announces the new page the way a full page load would.
  useEffect(() => {
    setMenuOpen(false);
    if (previousPath.current !== location.pathname) mainRef.current?.focus();
    previousPath.current = location.pathname;
  }, [location.pathname]);

  const links = [
    { to: paths.dashboard.getHref(), label: t('nav.dashboard'), end: true },
    { to: paths.bots.getHref(), label: t('nav.bots'), end: false },
    { to: paths.market.getHref(), label: t('nav.market'), end: false },
    { to: paths.audit.getHref(), label: t('nav.audit'), end: false },
    { to: paths.settings.getHref(), label: t('nav.settings'), end: false },
  ];

  return (
    <div className="shell">
      <header className="topbar">
        <Link className="brand" to={paths.dashboard.getHref()}>
          {t('app.name')}
        </Link>
        <button
          ref={menuButtonRef}
          type="button"
          className="button button-secondary menu-button"
          aria-expanded={isMenuOpen}
          aria-controls={navId}
          onClick={() => setMenuOpen((open) => !open)}
        >
          {isMenuOpen ? t('nav.closeMenu') : t('nav.menu')}
        </button>
        <div className="topbar-end">
          <span className="user-label">{userLabel}</span>
          <LanguagePicker />
          <button
            type="button"
            className="button button-secondary"
            onClick={onLogout}
            disabled={isLoggingOut}
          >
            {t('topbar.logout')}
          </button>
        </div>
      </header>
      <nav
        id={navId}
        className={isMenuOpen ? 'sidenav open' : 'sidenav'}
        aria-label={t('nav.label')}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && isMenuOpen) {
            setMenuOpen(false);
            menuButtonRef.current?.focus();
          }
        }}
      >
        <ul>
          {links.map((link) => (
            <li key={link.to}>
              <NavLink to={link.to} end={link.end}>
                {link.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main ref={mainRef} id="main" className="page" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
