import type { SubmitFunction } from '@sveltejs/kit';

/**
 * After a form action the list may re-render (a story moved, a row removed): put focus back on the button that was
 * pressed, or on a fallback, so keyboard users keep their place.
 */
export const keepFocus =
  (fallbackId?: string): SubmitFunction =>
  ({ submitter }) => {
    const id = submitter?.id;
    return async ({ update }) => {
      await update({ reset: false });
      const target = (id && document.getElementById(id)) || (fallbackId && document.getElementById(fallbackId));
      if (target instanceof HTMLElement) target.focus();
    };
  };
