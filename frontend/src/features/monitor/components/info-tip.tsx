import { useEffect, useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';

type Place = { left: number; top: number; width: number };

/**
 * A "?" button whose definition shows on hover, focus or tap, and is always its accessible
 * description. The bubble is fixed to the viewport and kept inside it, so it is never cut off by
 * a table that scrolls and never makes the page scroll sideways.
 */
export function InfoTip({ label, children }: { label: string; children: ReactNode }) {
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const [place, setPlace] = useState<Place | null>(null);

  function show() {
    const rect = button.current?.getBoundingClientRect();
    if (!rect) return;
    const width = Math.min(320, window.innerWidth - 16);
    const left = Math.max(8, Math.min(rect.left, window.innerWidth - width - 8));
    setPlace({ left, top: rect.bottom + 6, width });
  }
  const hide = () => setPlace(null);

  useEffect(() => {
    if (!place) return;
    window.addEventListener('scroll', hide, { capture: true, passive: true });
    window.addEventListener('resize', hide);
    return () => {
      window.removeEventListener('scroll', hide, { capture: true });
      window.removeEventListener('resize', hide);
    };
  }, [place]);

  return (
    <span className="info-tip">
      <button
        ref={button}
        type="button"
        className="info-tip-button"
        aria-label={label}
        aria-describedby={id}
        aria-expanded={place !== null}
        onClick={show}
        onMouseEnter={show}
        onMouseLeave={hide}
        onFocus={show}
        onBlur={hide}
        onKeyDown={(event) => {
          if (event.key === 'Escape') hide();
        }}
      >
        ?
      </button>
      <span
        id={id}
        role="tooltip"
        className={place ? 'info-tip-text info-tip-open' : 'info-tip-text'}
        style={place ? { left: place.left, top: place.top, width: place.width } : undefined}
      >
        {children}
      </span>
    </span>
  );
}
