// A dialog's opener gets the focus back when the dialog closes.
import { useEffect, useRef } from 'react';

/** The button that opened a dialog gets the focus back when it closes (the dialog is mounted only while open:
 * a closed Fluent Dialog still puts hidden focus guards around the page, docs/ux.md). */
export function useReturnFocus(open: boolean) {
  const opener = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(open);
  useEffect(() => {
    if (wasOpen.current && !open) {
      opener.current?.focus();
    }
    wasOpen.current = open;
  }, [open]);
  return opener;
}
