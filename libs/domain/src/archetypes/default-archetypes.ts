import type { ArchetypeSetDefinition } from './archetype';

/** How the wijkcoach felt in the situation; tellers choose 1 or 2. */
export const DEFAULT_WIJKCOACH_ARCHETYPES: ArchetypeSetDefinition = {
  key: 'wijkcoach-standaard',
  name: 'Archetypen wijkcoach',
  description:
    'Hoe voelde de wijkcoach zich in de situatie? Dit is een startpunt. Maak samen met jullie wijkcoaches een eigen set die past bij jullie werk en jullie taal.',
  isStartingPoint: true,
  archetypes: [
    { key: 'wegwijzer', name: 'De Wegwijzer', description: 'Ik wist de weg en hielp de inwoner de goede kant op.', icon: '🧭' },
    { key: 'brandweerman', name: 'De Brandweerman', description: 'Er was brand: ik moest snel handelen om erger te voorkomen.', icon: '🚒' },
    { key: 'verbinder', name: 'De Verbinder', description: 'Ik bracht mensen en organisaties bij elkaar.', icon: '🤝' },
    { key: 'luisteraar', name: 'De Luisteraar', description: 'Ik was er vooral om te luisteren en er te zijn.', icon: '👂' },
    { key: 'pionier', name: 'De Pionier', description: 'Ik probeerde iets nieuws, buiten de gebaande paden.', icon: '🌱' },
    { key: 'klemzittende', name: 'De Klemzittende', description: 'Ik zat klem tussen regels, systemen en wat de inwoner nodig had.', icon: '🧱' },
    { key: 'vakman', name: 'De Vakman', description: 'Ik kon mijn vak goed doen en mijn kennis inzetten.', icon: '🧰' },
  ],
};

/** How the inwoner felt about the help; tellers choose 1 or 2. */
export const DEFAULT_INWONER_ARCHETYPES: ArchetypeSetDefinition = {
  key: 'inwoner-standaard',
  name: 'Archetypen inwoner',
  description:
    'Hoe voelde de inwoner zich? Dit is een startpunt. Maak samen met inwoners een eigen set met woorden die zij herkennen.',
  isStartingPoint: true,
  archetypes: [
    { key: 'gehoord', name: 'Gehoord', description: 'Ik werd gehoord en serieus genomen.', icon: '💬' },
    { key: 'gesteund', name: 'Gesteund', description: 'Er stond iemand naast me, ik stond er niet alleen voor.', icon: '🫶' },
    { key: 'eigen-kracht', name: 'Eigen kracht', description: 'Ik heb het vooral zelf gedaan, met een klein zetje.', icon: '💪' },
    { key: 'kastje-muur', name: 'Van het kastje naar de muur', description: 'Ik werd steeds doorgestuurd en niemand pakte het op.', icon: '🔁' },
    { key: 'verdwaald', name: 'Verdwaald', description: 'Ik wist niet waar ik moest beginnen of wie ik moest bellen.', icon: '🌫️' },
    { key: 'over-mijn-hoofd', name: 'Over mijn hoofd heen', description: 'Anderen besloten over mij, in plaats van met mij.', icon: '📋' },
  ],
};
