import { fetchQuestionnaires, scopeOf } from '$lib/beheer/beheer.server';
import { failLoad, requireArea } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  requireArea(locals, url, 'beheer');
  try {
    const questionnaires = await fetchQuestionnaires(scopeOf(locals));
    return {
      questionnaires: questionnaires.map((q) => ({
        id: q.id,
        name: q.name,
        audience: q.audience,
        currentVersion: q.current?.version ?? null,
        questionCount: q.current?.questions.length ?? 0,
        // Newest first: the one in use on top.
        versions: [...q.versions].sort((a, b) => b.version - a.version),
      })),
    };
  } catch (cause) {
    return failLoad(cause, locals, url);
  }
};
