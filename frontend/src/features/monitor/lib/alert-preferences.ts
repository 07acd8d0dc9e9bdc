import { browserStorage } from '../../../lib/browser-storage';

/** Per-browser choices about fills, off until the user turns them on (like language and theme). */
export const FILL_SOUND_STORAGE_KEY = 'spotdesk.fillSound';
export const FILL_NOTIFICATION_STORAGE_KEY = 'spotdesk.fillNotification';

export type FillPreference = 'sound' | 'notification';

const KEYS: Record<FillPreference, string> = {
  sound: FILL_SOUND_STORAGE_KEY,
  notification: FILL_NOTIFICATION_STORAGE_KEY,
};

export function readFillPreference(which: FillPreference): boolean {
  try {
    return browserStorage()?.getItem(KEYS[which]) === 'on';
  } catch {
    return false;
  }
}

export function writeFillPreference(which: FillPreference, isOn: boolean): void {
  try {
    browserStorage()?.setItem(KEYS[which], isOn ? 'on' : 'off');
  } catch {
    // Private mode or a full quota: the choice holds until the page reloads.
  }
}

/** The browser's Notification API, or undefined where it does not exist (or in an iframe without it). */
export function notificationApi(): typeof Notification | undefined {
  return typeof globalThis.Notification === 'function' ? globalThis.Notification : undefined;
}
