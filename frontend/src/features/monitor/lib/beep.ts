let context: AudioContext | undefined;

/**
 * A short tone made with Web Audio (no audio file to fetch). Browsers keep audio suspended until
 * the user has interacted with the page; then the tone is simply not heard.
 */
export function beep(): void {
  const Context = globalThis.AudioContext;
  if (typeof Context !== 'function') return;
  try {
    context ??= new Context();
    void context.resume().catch(() => undefined);
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    const start = context.currentTime;
    oscillator.type = 'sine';
    oscillator.frequency.value = 880;
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.2, start + 0.01);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.18);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start);
    oscillator.stop(start + 0.2);
  } catch {
    // No audio device or a blocked context: the toast still says it.
  }
}
