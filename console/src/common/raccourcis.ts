import { useEffect, useRef } from 'react';

/** The agent is typing: a key goes to the field, never to a shortcut. */
export const saisieEnCours = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * A dialog, menu or popover is open: its keys are its own. Popovers kept mounted while closed
 * (« Colonnes ») are hidden and do not count; nor does the sidebar (role menu, always there).
 */
export const dialogueOuvert = () =>
  Array.from(document.querySelectorAll('.MuiModal-root, [role="dialog"]')).some((el) => !el.closest('[aria-hidden="true"], .MuiModal-hidden'));

/**
 * One-letter shortcuts of a screen, listened to at the document level (so they still work once
 * a button or the viewer's toolbar has the focus), ignored while typing, while a dialog is open
 * and with Ctrl / Meta / Alt held; « V » works as « v ». The handlers are read at key time: no stale closure.
 */
export function useRaccourcis(touches: Record<string, (e: KeyboardEvent) => void>, actif = true) {
  const courantes = useRef(touches);
  courantes.current = touches;
  useEffect(() => {
    if (!actif) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || saisieEnCours(e.target) || dialogueOuvert()) return;
      const action = courantes.current[e.key] ?? courantes.current[e.key.toLowerCase()];
      if (!action) return;
      e.preventDefault();
      action(e);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [actif]);
}
