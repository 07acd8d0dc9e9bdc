import { useId } from 'react';

import { PageHeader } from '../../components/layout/page-header';
import { LanguagePicker } from '../../components/layout/language-picker';
import { Card } from '../../components/ui/card';
import { AssistantSettingsCard } from '../../features/assistant/components/assistant-settings-card';
import { useSession } from '../../features/auth/api/get-session';
import { ChangePasswordForm } from '../../features/auth/components/change-password-form';
import { FillAlertsCard } from '../../features/monitor/components/fill-alerts-card';
import { BlockedPairsCard } from '../../features/settings/components/blocked-pairs-card';
import { ExchangeKeyCard } from '../../features/settings/components/exchange-key-card';
import { LiveSwitchCard } from '../../features/settings/components/live-switch-card';
import { TradingDayCard } from '../../features/settings/components/trading-day-card';
import { UsersPanel } from '../../features/users/components/users-panel';
import type { MessageKey } from '../../i18n/en';
import { useT } from '../../i18n/use-t';
import { THEME_CHOICES, useTheme } from '../../lib/theme';
import type { ThemeChoice } from '../../lib/theme';

const THEME_LABELS: Record<ThemeChoice, MessageKey> = {
  system: 'theme.system',
  light: 'theme.light',
  dark: 'theme.dark',
};

function ThemePicker() {
  const t = useT();
  const { theme, setTheme } = useTheme();
  const name = useId();
  return (
    <fieldset className="radio-group">
      <legend className="sr-only">{t('settings.theme')}</legend>
      {THEME_CHOICES.map((choice) => (
        <label key={choice} className="radio">
          <input
            type="radio"
            name={name}
            value={choice}
            checked={theme === choice}
            onChange={() => setTheme(choice)}
          />
          {t(THEME_LABELS[choice])}
        </label>
      ))}
    </fieldset>
  );
}

export function SettingsRoute() {
  const t = useT();
  const { data: session } = useSession();
  const user = session?.user;
  if (!user) return null;
  const isAdmin = user.role === 'admin';
  return (
    <>
      <PageHeader title={t('settings.title')} />
      <div className="settings-grid">
        <Card title={t('settings.account')}>
          <ChangePasswordForm username={user.username} />
        </Card>
        <Card title={t('users.title')}>
          <UsersPanel currentUser={user} />
        </Card>
        <Card title={t('exchange.title')}>
          <ExchangeKeyCard isAdmin={isAdmin} />
        </Card>
        <Card title={t('live.title')}>
          <LiveSwitchCard isAdmin={isAdmin} />
        </Card>
        <Card title={t('risk.title')}>
          <BlockedPairsCard isAdmin={isAdmin} />
        </Card>
        <Card title={t('tradingDay.title')}>
          <TradingDayCard isAdmin={isAdmin} />
        </Card>
        <Card title={t('assistant.settings.title')}>
          <AssistantSettingsCard isAdmin={isAdmin} />
        </Card>
        <Card title={t('settings.language')}>
          <LanguagePicker showLabel />
        </Card>
        <Card title={t('settings.theme')}>
          <ThemePicker />
        </Card>
        <Card title={t('monitor.prefs.title')}>
          <FillAlertsCard />
        </Card>
      </div>
    </>
  );
}
