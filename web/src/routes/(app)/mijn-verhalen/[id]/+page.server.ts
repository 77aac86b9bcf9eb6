import { error, fail, redirect } from '@sveltejs/kit';
import { createTranslate, translate } from '$lib/i18n';
import {
  answersFromDrafts,
  draftsFromAnswers,
  draftsFromForm,
  type AnswerDraft,
  type FieldProblem,
} from '$lib/mijn-verhalen/answers-form';
import {
  fetchMyStory,
  scopeOf,
  updateStoryAnswers,
  withdrawStory,
  type MyStory,
} from '$lib/mijn-verhalen/my-stories.server';
import { canChange } from '$lib/mijn-verhalen/story-progress';
import { knownQuestions } from '$lib/mijn-verhalen/vertel-form';
import { isApiError } from '$lib/server/api';
import { failLoad, requireArea } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const loadStory = async (locals: App.Locals, url: URL, id: string): Promise<MyStory> => {
  requireArea(locals, url, 'mijn-verhalen');
  // Not an id the API could know: no need to ask.
  if (!UUID.test(id)) error(404, { message: translate(locals.locale, 'fouten.nietGevonden'), code: 'NOT_FOUND' });
  try {
    return await fetchMyStory(scopeOf(locals), id);
  } catch (cause) {
    return failLoad(cause, locals, url);
  }
};

export const load: PageServerLoad = async ({ locals, url, params }) => {
  const story = await loadStory(locals, url, params.id);
  const questions = knownQuestions(story.form);
  return {
    story: {
      id: story.id,
      title: story.title,
      status: story.status,
      mode: story.mode,
      text: story.text,
      hasAudio: story.hasAudio,
      failureReason: story.failureReason,
      createdAt: story.createdAt,
    },
    form: { ...story.form, questions },
    drafts: draftsFromAnswers(questions, story.answers),
    confirmWithdraw: url.searchParams.has('intrekken') && canChange(story),
    saved: url.searchParams.has('opgeslagen'),
  };
};

type SaveFailure = { drafts: Record<string, AnswerDraft>; problems: FieldProblem[]; message: string };

export const actions: Actions = {
  save: async ({ locals, url, params, request }) => {
    const t = createTranslate(locals.locale);
    const story = await loadStory(locals, url, params.id);
    const questions = knownQuestions(story.form);
    const drafts = draftsFromForm(questions, await request.formData());
    const { answers, problems } = answersFromDrafts(questions, drafts, {
      bothChosen: t('mijnVerhalen.beideGekozen'),
      notANumber: t('mijnVerhalen.geenGetal'),
    });
    if (problems.length > 0) {
      return fail(400, { drafts, problems, message: t('mijnVerhalen.foutUitleg') } satisfies SaveFailure);
    }
    try {
      const rejected = await updateStoryAnswers(scopeOf(locals), story.id, answers);
      if (rejected.length > 0) {
        return fail(400, { drafts, problems: rejected, message: t('mijnVerhalen.foutUitleg') } satisfies SaveFailure);
      }
    } catch (cause) {
      if (!isApiError(cause) || cause.code === 'UNAUTHENTICATED' || cause.code === 'INTERNAL') {
        return failLoad(cause, locals, url);
      }
      const message = cause.code === 'UNAVAILABLE' ? t('fouten.onbereikbaar') : cause.message;
      return fail(cause.code === 'UNAVAILABLE' ? 503 : 400, {
        drafts,
        problems: cause.fields,
        message,
      } satisfies SaveFailure);
    }
    // Back to the page as a GET, so a reload does not send the answers again.
    redirect(303, `${url.pathname}?opgeslagen`);
  },

  withdraw: async ({ locals, url, params }) => {
    const story = await loadStory(locals, url, params.id);
    if (canChange(story)) {
      try {
        await withdrawStory(scopeOf(locals), story.id);
      } catch (cause) {
        return failLoad(cause, locals, url);
      }
    }
    redirect(303, '/mijn-verhalen?ingetrokken');
  },
};
