// The idle timer behind the screen lock: keyboard and mouse activity anywhere in the window keeps it from firing.
import { useEffect } from 'react';

const ACTIVITY = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart', 'focusin'] as const;

/** Calls onIdle after `minutes` without keyboard or mouse; while in use, tells the core every minute (it locks
 * sessions it has not heard from for the idle time). */
export function useIdle(minutes: number, active: boolean, onIdle: () => void, onBeat: () => void) {
  useEffect(() => {
    if (!active) {
      return;
    }
    const limit = minutes * 60_000;
    let last = Date.now();
    let beat = Date.now();
    let timer = 0;
    const check = () => {
      const idle = Date.now() - last;
      if (idle >= limit) {
        onIdle();
      } else {
        timer = window.setTimeout(check, limit - idle);
      }
    };
    timer = window.setTimeout(check, limit);
    const onActivity = () => {
      last = Date.now();
      if (last - beat >= 60_000) {
        beat = last;
        onBeat();
      }
    };
    for (const e of ACTIVITY) {
      window.addEventListener(e, onActivity, { capture: true, passive: true });
    }
    return () => {
      window.clearTimeout(timer);
      for (const e of ACTIVITY) {
        window.removeEventListener(e, onActivity, { capture: true });
      }
    };
  }, [minutes, active, onIdle, onBeat]);
}
