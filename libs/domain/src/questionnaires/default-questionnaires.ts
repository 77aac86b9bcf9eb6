import { DEFAULT_INWONER_ARCHETYPES, DEFAULT_WIJKCOACH_ARCHETYPES } from '../archetypes/default-archetypes';
import { LEEFGEBIEDEN } from '../taxonomies/leefgebieden';
import type { TaxonomyDefinition } from '../taxonomies/taxonomy';
import { WERKZAME_ELEMENTEN } from '../taxonomies/werkzame-elementen';
import type { ChoiceOption } from './question';
import type { QuestionnaireDefinition } from './questionnaire';

const optionsOf = (taxonomy: TaxonomyDefinition): ChoiceOption[] => taxonomy.tags.map((t) => ({ id: t.key, label: t.label }));

/** Who helped the inwoner; ids are stable because answers refer to them. */
export const WIE_HIELP_OPTIONS: ChoiceOption[] = [
  { id: 'familie', label: 'Familie' },
  { id: 'vrienden', label: 'Vrienden' },
  { id: 'buren', label: 'Buren' },
  { id: 'wijkcoach', label: 'Wijkcoach of wijkteam' },
  { id: 'huisarts', label: 'Huisarts of praktijkondersteuner' },
  { id: 'vrijwilliger', label: 'Een vrijwilliger' },
  { id: 'gemeente', label: 'De gemeente' },
  { id: 'school', label: 'School of kinderopvang' },
  { id: 'geloofsgemeenschap', label: 'Kerk, moskee of andere geloofsgemeenschap' },
  { id: 'andere-hulpverlener', label: 'Een andere hulpverlener' },
  { id: 'niemand', label: 'Niemand' },
];

export const DEFAULT_WIJKCOACH_QUESTIONNAIRE: QuestionnaireDefinition = {
  key: 'wijkcoach-standaard',
  name: 'Verhaal van de wijkcoach',
  audience: 'wijkcoach',
  intro:
    'Deel een ervaring uit je werk. Vertel het zoals je het aan een collega zou vertellen. Daarna volgen een paar korte vragen. Noem geen namen of adressen: die halen we er zo nodig uit.',
  storyPrompt: 'Vertel over een situatie uit je werk die je is bijgebleven. Wat gebeurde er, en wat deed jij?',
  titlePrompt: 'Geef je verhaal een korte titel.',
  questions: [
    {
      id: 'gevoel',
      type: 'archetype',
      prompt: 'Hoe voelde je je in deze situatie? Kies 1 of 2 archetypen.',
      required: true,
      allowNotApplicable: false,
      archetypeSetId: DEFAULT_WIJKCOACH_ARCHETYPES.key,
      min: 1,
      max: 2,
    },
    {
      id: 'werkzame-elementen',
      type: 'multi',
      prompt: 'Welke werkzame elementen speelden een rol? Kies er hoogstens 3.',
      help: 'Denk aan wat hielp, of juist ontbrak.',
      required: false,
      allowNotApplicable: true,
      options: optionsOf(WERKZAME_ELEMENTEN),
      maxChoices: 3,
    },
    {
      id: 'leefgebieden',
      type: 'leefgebied',
      prompt: 'Over welke leefgebieden gaat dit verhaal? Kies er hoogstens 3.',
      required: true,
      allowNotApplicable: true,
      options: optionsOf(LEEFGEBIEDEN),
      maxChoices: 3,
    },
    {
      id: 'wijk',
      type: 'wijk',
      prompt: 'In welke wijk speelde dit?',
      required: true,
      allowNotApplicable: true,
    },
    {
      id: 'regie',
      type: 'dyad',
      prompt: 'Wie had de regie?',
      help: 'Zet de schuif ergens tussen de twee kanten.',
      required: false,
      allowNotApplicable: true,
      leftLabel: 'De inwoner',
      rightLabel: 'Ik als professional',
    },
    {
      id: 'ruimte',
      type: 'dyad',
      prompt: 'Hoeveel ruimte gaven de regels en het systeem je?',
      required: false,
      allowNotApplicable: true,
      leftLabel: 'De regels zaten in de weg',
      rightLabel: 'Ik had alle ruimte om te doen wat nodig was',
    },
    {
      id: 'impact',
      type: 'canvas',
      prompt: 'Wat was het effect? Zet één punt in het vlak.',
      help: 'Van links naar rechts: voor wie was het effect. Van onder naar boven: hoeveel veranderde er.',
      required: false,
      allowNotApplicable: true,
      xLeftLabel: 'Alleen voor deze inwoner',
      xRightLabel: 'Ook voor anderen of de wijk',
      yBottomLabel: 'Er veranderde weinig',
      yTopLabel: 'Er veranderde veel',
    },
    {
      id: 'tevredenheid',
      type: 'scale',
      prompt: 'Welk rapportcijfer geef je aan hoe het is afgelopen?',
      required: false,
      allowNotApplicable: false,
      min: 1,
      max: 10,
      minLabel: 'Heel slecht',
      maxLabel: 'Heel goed',
    },
  ],
};

export const DEFAULT_INWONER_QUESTIONNAIRE: QuestionnaireDefinition = {
  key: 'inwoner-standaard',
  name: 'Verhaal van de inwoner',
  audience: 'inwoner',
  intro:
    'Wij willen leren van wat u meemaakt. Vertel over hulp die u kreeg of juist miste. U hoeft uw naam niet te geven. Namen en adressen in uw verhaal halen wij eruit.',
  storyPrompt: 'Vertel over iets wat u meemaakte met hulp of ondersteuning. Wat gebeurde er?',
  titlePrompt: 'Geef uw verhaal een korte titel.',
  questions: [
    {
      id: 'wat-ging-goed',
      type: 'text',
      prompt: 'Wat ging er goed?',
      required: false,
      allowNotApplicable: true,
      maxLength: 1000,
      multiline: true,
    },
    {
      id: 'wat-kan-beter',
      type: 'text',
      prompt: 'Wat kan er beter?',
      required: false,
      allowNotApplicable: true,
      maxLength: 1000,
      multiline: true,
    },
    {
      id: 'wie-hielp',
      type: 'multi',
      prompt: 'Wie hielp u? Kies alles wat past.',
      required: false,
      allowNotApplicable: true,
      options: WIE_HIELP_OPTIONS,
      maxChoices: null,
    },
    {
      id: 'leefgebieden',
      type: 'leefgebied',
      prompt: 'Waar gaat uw verhaal over? Kies er hoogstens 3.',
      required: false,
      allowNotApplicable: true,
      options: optionsOf(LEEFGEBIEDEN),
      maxChoices: 3,
    },
    {
      id: 'gevoel',
      type: 'archetype',
      prompt: 'Hoe voelde u zich? Kies 1 of 2 plaatjes.',
      required: true,
      allowNotApplicable: false,
      archetypeSetId: DEFAULT_INWONER_ARCHETYPES.key,
      min: 1,
      max: 2,
    },
    {
      id: 'gehoord',
      type: 'dyad',
      prompt: 'Voelde u zich gehoord?',
      required: false,
      allowNotApplicable: true,
      leftLabel: 'Helemaal niet gehoord',
      rightLabel: 'Helemaal gehoord',
    },
    {
      id: 'wijk',
      type: 'wijk',
      prompt: 'In welke wijk woont u?',
      required: false,
      allowNotApplicable: true,
    },
  ],
};
