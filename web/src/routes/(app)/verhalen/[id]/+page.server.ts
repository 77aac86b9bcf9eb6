import { error, fail, redirect } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { knownQuestions } from '$lib/mijn-verhalen/vertel-form';
import { isApiError } from '$lib/server/api';
import { failLoad, requireArea } from '$lib/server/guards';
import { fetchUpcomingTafels } from '$lib/tafels/tafels.server';
import { decideTag, fetchStoryPage, fetchUnredacted, type Scope, type StoryPage } from '$lib/verhaal/story-page.server';
import { tagDecisionFrom, type TagDecision } from '$lib/verhaal/tags';
import type { Actions, PageServerLoad } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type Notice = 'bevestigd' | 'afgewezen' | 'toegevoegd';
const NOTICE: Record<TagDecision, Notice> = { CONFIRM: 'bevestigd', REJECT: 'afgewezen', ADD: 'toegevoegd' };
const isNotice = (value: string | null): value is Notice =>
  value !== null && (Object.values(NOTICE) as string[]).includes(value);

const scopeOf = (locals: App.Locals): Scope => ({
  token: locals.token,
  organisationId: locals.organisation?.id ?? null,
});

/** Unknown, withdrawn or another organisation's: one answer, so nobody learns which. */
const notFound = (locals: App.Locals): never =>
  error(404, { message: translate(locals.locale, 'verhaal.nietGevonden'), code: 'NOT_FOUND' });

const loadStory = async (locals: App.Locals, url: URL, id: string): Promise<StoryPage> => {
  requireArea(locals, url, 'verhalen');
  if (!UUID.test(id)) return notFound(locals);
  let story: StoryPage;
  try {
    story = await fetchStoryPage(scopeOf(locals), id);
  } catch (cause) {
    if (isApiError(cause) && cause.code === 'NOT_FOUND') return notFound(locals);
    return failLoad(cause, locals, url);
  }
  if (story.status === 'WITHDRAWN') return notFound(locals);
  return story;
};

export const load: PageServerLoad = async ({ locals, url, params }) => {
  const story = await loadStory(locals, url, params.id);
  const notice = url.searchParams.get('melding');
  // Redacted by default; the teller and admins ask for the rest on purpose (a link, so it works without JS).
  let unredacted = null;
  if (url.searchParams.has('onbewerkt') && story.permissions.seeUnredacted) {
    try {
      unredacted = await fetchUnredacted(scopeOf(locals), story.id);
    } catch (cause) {
      return failLoad(cause, locals, url);
    }
  }
  // Facilitators and admins put READY stories in the basket of an upcoming ErvaringenTafel from here.
  const mayAddToTafel = story.status === 'READY' && locals.roles.some((r) => r === 'facilitator' || r === 'admin');
  let tafels: { id: string; title: string; date: string }[] = [];
  if (mayAddToTafel) {
    try {
      tafels = await fetchUpcomingTafels(scopeOf(locals));
    } catch (cause) {
      return failLoad(cause, locals, url);
    }
  }
  return {
    mayAddToTafel,
    tafels,
    // A score of 0 shares no words at all: not "like this", whatever the ranking says.
    story: { ...story, similarStories: story.similarStories.filter((s) => s.score > 0) },
    unredacted,
    questions: knownQuestions(story.form),
    notice: isNotice(notice) ? notice : null,
  };
};

export const actions: Actions = {
  tag: async ({ locals, url, params, request }) => {
    requireArea(locals, url, 'verhalen');
    if (!UUID.test(params.id)) return notFound(locals);
    const t = (key: Parameters<typeof translate>[1]) => translate(locals.locale, key);
    const choice = tagDecisionFrom(await request.formData());
    if (!choice) return fail(400, { tagMessage: t('verhaal.labels.kiesLabel') });
    try {
      // The API checks role, organisation and that story and tag exist.
      await decideTag(scopeOf(locals), params.id, choice.tagId, choice.decision);
    } catch (cause) {
      if (!isApiError(cause)) throw cause;
      if (cause.code === 'FORBIDDEN') error(403, { message: t('verhaal.labels.geenRecht'), code: 'FORBIDDEN' });
      if (cause.code === 'BAD_USER_INPUT') return fail(400, { tagMessage: cause.message });
      if (cause.code === 'UNAVAILABLE') return fail(503, { tagMessage: t('fouten.onbereikbaar') });
      if (cause.code === 'NOT_FOUND') {
        // An unknown tag is a form problem; an unknown story is the page's own 404.
        await loadStory(locals, url, params.id);
        return fail(400, { tagMessage: cause.message });
      }
      return failLoad(cause, locals, url);
    }
    // Back as a GET, so a reload does not decide again; the notice says what happened.
    redirect(303, `${url.pathname}?melding=${NOTICE[choice.decision]}#labels`);
  },
};
