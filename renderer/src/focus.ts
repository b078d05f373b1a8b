// Focus follows navigation (docs/ux.md, "Focus and the keyboard"): after moving to another screen, the keyboard
// starts on that screen's heading (one Tab from its first control), not in the side menu. A screen that puts the
// focus on its own first control (the register's first pupil) keeps it.
import { useEffect, useRef } from 'react';

/** Waits (a frame at a time, up to about two seconds) for a lazily loaded screen's heading. */
const FRAMES = 120;

export function useFocusOnNavigate(route: string[]): void {
  const key = route.join('/');
  const previous = useRef<string | null>(null);
  const screen = route[0] ?? '';
  useEffect(() => {
    const before = previous.current;
    previous.current = screen;
    if (before === null) {
      return; // the first screen after signing in: the page's own focus
    }
    const lost = () => document.activeElement === null || document.activeElement === document.body;
    if (before === screen && !lost()) {
      return; // the same screen changed its own address (a tab, a chosen group): focus stays where it is
    }
    let frame = 0;
    let handle = 0;
    const tick = () => {
      const main = document.getElementById('main');
      const active = document.activeElement;
      if (!main || (active && active !== main && main.contains(active))) {
        return;
      }
      const heading = main.querySelector<HTMLElement>('h1');
      if (heading) {
        heading.tabIndex = -1;
        heading.focus();
        return;
      }
      if (frame++ < FRAMES) {
        handle = requestAnimationFrame(tick);
      }
    };
    tick();
    return () => cancelAnimationFrame(handle);
  }, [key, screen]);
}
