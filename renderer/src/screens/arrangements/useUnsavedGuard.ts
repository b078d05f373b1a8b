// Unsaved work is not lost by a click elsewhere: while a form is dirty, leaving the page asks first (the browser's
// own prompt on closing the window; a confirm on moving to another screen of the app). After a save, call the
// returned release() before moving on.
import { useCallback, useEffect, useRef } from 'react';

export function useUnsavedGuard(dirty: boolean): () => void {
  const released = useRef(false);
  useEffect(() => {
    released.current = false;
    if (!dirty) {
      return;
    }
    const here = window.location.hash;
    const onUnload = (e: BeforeUnloadEvent) => {
      if (!released.current) {
        e.preventDefault();
      }
    };
    // On popstate, which the browser fires before hashchange: the router's hashchange listener (registered
    // first, so called first) would otherwise re-render the app and unmount this screen before it could ask.
    const onMove = () => {
      if (released.current || window.location.hash === here) {
        return;
      }
      if (!window.confirm('Leave this page? What you typed is not saved.')) {
        // put the address back before the router reads it (the screen stays, with what was typed)
        window.history.replaceState(null, '', here);
        window.dispatchEvent(new HashChangeEvent('hashchange'));
      }
    };
    window.addEventListener('beforeunload', onUnload);
    window.addEventListener('popstate', onMove);
    return () => {
      window.removeEventListener('beforeunload', onUnload);
      window.removeEventListener('popstate', onMove);
    };
  }, [dirty]);
  return useCallback(() => {
    released.current = true;
  }, []);
}
