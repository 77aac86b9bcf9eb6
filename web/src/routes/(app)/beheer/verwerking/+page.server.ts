import { fail, redirect } from '@sveltejs/kit';
import { scopeOf } from '$lib/beheer/beheer.server';
import { graphql, isApiError } from '$lib/server/api';
import { failLoad, requireArea } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

type Overview = {
  processingOverview: {
    queues: { name: string; waiting: number; active: number; delayed: number; failed: number; completed: number }[];
    failedStories: { id: string; title: string; failureReason: string | null; failedStep: string | null; updatedAt: string }[];
  };
};

const OVERVIEW = /* GraphQL */ `
  query ProcessingOverview {
    processingOverview {
      queues { name waiting active delayed failed completed }
      failedStories { id title failureReason failedStep updatedAt }
    }
  }
`;

export const load: PageServerLoad = async ({ locals, url }) => {
  requireArea(locals, url, 'beheer');
  try {
    const data = await graphql<Overview>(OVERVIEW, {}, scopeOf(locals));
    return { ...data.processingOverview, restarted: url.searchParams.get('opnieuw') };
  } catch (cause) {
    return failLoad(cause, locals, url);
  }
};

export const actions: Actions = {
  retry: async ({ locals, request, url }) => {
    requireArea(locals, url, 'beheer');
    const id = String((await request.formData()).get('id') ?? '');
    try {
      await graphql('mutation RetryStory($id: ID!) { retryStory(id: $id) { id } }', { id }, scopeOf(locals));
    } catch (cause) {
      if (isApiError(cause)) return fail(400, { id, message: cause.message });
      throw cause;
    }
    redirect(303, `/beheer/verwerking?opnieuw=${encodeURIComponent(id)}`);
  },
};
