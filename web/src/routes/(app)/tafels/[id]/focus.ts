import type { SubmitFunction } from '@sveltejs/kit';

/**
 * After a form action the list may re-render (a story moved, a row removed): put focus back on the button that was
 * pressed, or on a fallback, so keyboard users keep their place. `clearOnSuccess` empties a "new …" form once saved.
 */
export const keepFocus =
  (fallbackId?: string, clearOnSuccess = false): SubmitFunction =>
  ({ submitter }) => {
    const id = submitter?.id;
    return async ({ update, result }) => {
      await update({ reset: clearOnSuccess && result.type === 'success' });
      const target = (id && document.getElementById(id)) || (fallbackId && document.getElementById(fallbackId));
      if (target instanceof HTMLElement) target.focus();
    };
  };
