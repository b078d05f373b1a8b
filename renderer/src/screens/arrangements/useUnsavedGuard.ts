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
    const onHash = () => {
      if (released.current || window.location.hash === here) {
        return;
      }
      if (!window.confirm('Leave this page? What you typed is not saved.')) {
        // put the address back, then let the router read it again (the screen stays, with what was typed)
        window.history.replaceState(null, '', here);
        window.dispatchEvent(new HashChangeEvent('hashchange'));
      }
    };
    window.addEventListener('beforeunload', onUnload);
    window.addEventListener('hashchange', onHash);
    return () => {
      window.removeEventListener('beforeunload', onUnload);
      window.removeEventListener('hashchange', onHash);
    };
  }, [dirty]);
  return useCallback(() => {
    released.current = true;
  }, []);
}
