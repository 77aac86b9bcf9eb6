import { error, fail, redirect } from '@sveltejs/kit';
import {
  fetchQuestionnaires,
  publishQuestionnaireVersion,
  scopeOf,
  type AdminQuestionnaire,
} from '$lib/beheer/beheer.server';
import { addableTypes, applyOp, parseOp } from '$lib/beheer/editor-ops';
import {
  draftFromForm,
  draftFromFormData,
  versionInputFromDraft,
  type FieldProblem,
  type QuestionnaireDraft,
} from '$lib/beheer/questionnaire-editor';
import { createTranslate, translate } from '$lib/i18n';
import { isApiError } from '$lib/server/api';
import { failLoad, requireArea } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

const loadQuestionnaire = async (locals: App.Locals, url: URL, id: string): Promise<AdminQuestionnaire> => {
  requireArea(locals, url, 'beheer');
  let questionnaires;
  try {
    questionnaires = await fetchQuestionnaires(scopeOf(locals));
  } catch (cause) {
    return failLoad(cause, locals, url);
  }
  const questionnaire = questionnaires.find((q) => q.id === id);
  if (!questionnaire?.current) {
    error(404, { message: translate(locals.locale, 'fouten.nietGevonden'), code: 'NOT_FOUND' });
  }
  return questionnaire;
};

export const load: PageServerLoad = async ({ locals, url, params }) => {
  const questionnaire = await loadQuestionnaire(locals, url, params.id);
  const current = questionnaire.current!;
  const draft = draftFromForm(current);
  // Archetype questions show which archetypes they offer; the set itself is managed elsewhere.
  const archetypeNames: Record<string, string[]> = {};
  for (const question of current.questions) {
    if (question.type === 'archetype' && question.archetypeSetId) {
      archetypeNames[question.archetypeSetId] = question.options.map((o) => o.label);
    }
  }
  const published = Number(url.searchParams.get('gepubliceerd'));
  return {
    questionnaire: { id: questionnaire.id, name: questionnaire.name, audience: questionnaire.audience },
    version: current.version,
    storyCount: questionnaire.versions.find((v) => v.version === current.version)?.storyCount ?? 0,
    draft,
    addable: addableTypes(draft),
    archetypeNames,
    published: Number.isInteger(published) && published > 0 ? published : null,
  };
};

type EditorResult = {
  draft: QuestionnaireDraft;
  focus: string | null;
  problems: FieldProblem[];
  message: string | null;
};

export const actions: Actions = {
  /** Add, remove or move a question or an answer; nothing is saved until Publish. */
  edit: async ({ locals, url, params, request }) => {
    await loadQuestionnaire(locals, url, params.id);
    const form = await request.formData();
    const draft = draftFromFormData(form);
    const op = parseOp(form.get('op'), form.get('newType'));
    const result = op ? applyOp(draft, op) : { draft, focus: null };
    return { ...result, problems: [], message: null } satisfies EditorResult;
  },

  publish: async ({ locals, url, params, request }) => {
    const t = createTranslate(locals.locale);
    const questionnaire = await loadQuestionnaire(locals, url, params.id);
    const draft = draftFromFormData(await request.formData());
    const { input, problems } = versionInputFromDraft(draft, { notAWholeNumber: t('beheer.editor.geenHeelGetal') });
    const refuse = (problemsToShow: FieldProblem[], message: string, status = 400) =>
      fail(status, { draft, focus: null, problems: problemsToShow, message } satisfies EditorResult);
    if (problems.length > 0) return refuse(problems, t('beheer.editor.foutUitleg'));

    let result;
    try {
      result = await publishQuestionnaireVersion(scopeOf(locals), questionnaire.id, input);
    } catch (cause) {
      if (!isApiError(cause) || cause.code === 'UNAUTHENTICATED' || cause.code === 'INTERNAL') {
        return failLoad(cause, locals, url);
      }
      if (cause.code === 'UNAVAILABLE') return refuse([], t('fouten.onbereikbaar'), 503);
      return refuse(cause.fields, cause.message);
    }
    if ('problems' in result) return refuse(result.problems, t('beheer.editor.foutUitleg'));
    redirect(303, `${url.pathname}?gepubliceerd=${result.version}`);
  },
};
