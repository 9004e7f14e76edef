import { useEffect, useRef } from 'react';

/** True when a key press belongs to a control that takes text or choices (never a shortcut there). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target.closest('input, textarea, select, [role="combobox"], [role="listbox"], [role="textbox"]'))
    return true;
  return false;
}

/**
 * Single-key shortcuts on the page (`{ j: next, k: previous }`), lower-case keys. Ignored while typing in
 * an input, with a modifier held (Ctrl/⌘/Alt keep their browser meaning), or when a dialog is open.
 */
export function useShortcuts(map: Record<string, () => void>, enabled = true): void {
  const latest = useRef(map);
  useEffect(() => {
    latest.current = map;
  });
  useEffect(() => {
    if (!enabled) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTypingTarget(event.target)) return;
      if (document.querySelector('.ant-modal-wrap:not([style*="display: none"]) [role="dialog"]')) return;
      const action = latest.current[event.key.toLowerCase()];
      if (!action) return;
      event.preventDefault();
      action();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [enabled]);
}
