import { normaliseName } from './name-lists';

const keys = (s: string): Set<string> =>
  new Set(
    s
      .split(/\s+/)
      .filter((w) => w.length > 0)
      .map(normaliseName),
  );
const phrases = (s: string): string[] =>
  s
    .split(/[\n,]/)
    .map((w) => w.trim())
    .filter((w) => w.length > 0);

/**
 * Frequent Dutch words (function words, verb forms, adjectives, nouns of the social domain). A capitalised token
 * that is one of these is an ordinary word at the start of a sentence, not a name, unless a cue says otherwise.
 */
export const COMMON_WORDS: ReadonlySet<string> = keys(`
  de het een en of maar want dus dat die dit deze daar hier er waar wat wie welke welk hoe waarom wanneer omdat
  als toen terwijl nadat voordat sinds tot totdat zodat zoals dan doordat hoewel ofschoon tenzij mits indien
  ik je jij u hij zij ze we wij jullie men mij me mijn mijne jou jouw uw hem haar zijn hun hen ons onze zich zelf
  iemand niemand iedereen alles niets iets elk elke ieder iedere alle allebei beide sommige veel weinig meer minder
  meest minst genoeg zo'n zulke zulk ander andere anders
  in op aan bij met van voor naar uit over onder boven door tegen tussen zonder om na tijdens vanaf vanuit volgens
  dankzij rond rondom achter naast langs binnen buiten via per richting sinds vanwege wegens namens behalve
  niet geen wel ook nog al weer nu toen dan straks vandaag gisteren morgen vanochtend vanmiddag vanavond vannacht
  altijd nooit soms vaak meestal weleens ooit eens eerst eerder later laatst daarna daarvoor daarom daardoor
  daarbij daarmee daarover daarin daarop daaruit hierna hiervoor hierom hierdoor hierbij hiermee hiernaast
  overal nergens ergens thuis samen alleen even heel erg echt gewoon eigenlijk natuurlijk misschien zeker juist
  bijna helemaal best vooral ongeveer precies zeer te toch immers namelijk trouwens tenminste ineens opeens
  plotseling gelukkig helaas jammer ja nee nou hoor hè oké ok okay dag hoi hallo doei bedankt dank graag alsjeblieft
  uh eh ehm uhm euh hm mm
  ben bent is zijn was waren geweest wees heb hebt heeft hebben had hadden gehad kan kun kunt kunnen kon konden
  gekund wil wilt willen wilde wilden wou gewild mag mogen mocht mochten moet moeten moest moesten gemoeten zal zult
  zullen zou zouden ga gaat gaan ging gingen gegaan kom komt komen kwam kwamen gekomen doe doet doen deed deden
  gedaan zeg zegt zeggen zei zeiden gezegd zie ziet zien zag zagen gezien weet weten wist wisten geweten vind vindt
  vinden vond vonden gevonden denk denkt denken dacht dachten gedacht sta staat staan stond stonden gestaan zit
  zitten zat zaten gezeten lig ligt liggen lag lagen gelegen woon woont wonen woonde woonden gewoond werk werkt werken
  werkte werkten gewerkt bel belt bellen belde belden gebeld vertel vertelt vertellen vertelde vertelden verteld
  spreek spreekt spreken sprak spraken gesproken help helpt helpen hielp hielpen geholpen krijg krijgt krijgen kreeg
  kregen gekregen geef geeft geven gaf gaven gegeven neem neemt nemen nam namen genomen loop loopt lopen liep liepen
  gelopen blijf blijft blijven bleef bleven gebleven word wordt worden werd werden geworden maak maakt maken maakte
  maakten gemaakt heet heten heette noem noemt noemen noemde noemden genoemd hoor hoort horen hoorde hoorden gehoord
  kijk kijkt kijken keek keken gekeken vraag vraagt vragen vroeg vroegen gevraagd betaal betaalt betalen betaalde
  betaald wacht wachten wachtte gewacht breng brengt brengen bracht brachten gebracht open opent openen opende kook
  kookt koken kookte speel speelt spelen speelde gespeeld pas past passen paste zoek zoekt zoeken zocht gezocht mis
  mist missen miste gemist durf durft durven durfde tolkt tolken organiseert organiseren organiseerde hangen hangt
  hing vieren vieren vierde leef leeft leven leefde geleefd voel voelt voelen voelde gevoeld hoop hoopt hopen hoopte
  gehoopt schrijf schrijft schrijven schreef geschreven lees leest lezen las gelezen leer leert leren leerde geleerd
  ken kent kennen kende gekend snap snapt snappen begrijp begrijpt begrijpen begreep begrepen lukt lukken lukte gelukt
  houd houdt hou houden hield gehouden draag draagt dragen droeg gedragen eet eten at gegeten drink drinkt drinken
  dronk gedronken slaap slaapt slapen sliep geslapen rijd rijdt rijden reed gereden val valt vallen viel gevallen
  stop stopt stoppen stopte gestopt start starten begin begint beginnen begon begonnen ontmoet ontmoeten ontmoette
  regel regelt regelen regelde geregeld zorg zorgt zorgen zorgde gezorgd verhuis verhuist verhuizen verhuisde
  verhuisd opgezet gestart bijgewoond opgeknapt overgenomen doorverwezen gevoerd opgenomen overleden geboren
  overgemaakt aangepast verloor verloren kwijt nodig mogelijk
  belde appte geappt mailde gemaild sprak afgesproken bezocht bezoekt bezoeken zei vertelde merkte merkt merken
  goed beter best slecht slechter erger blij bang boos moe ziek gezond oud ouder oude jong jonger jonge nieuw nieuwe
  mooi mooie lief lieve fijn fijne leuk leuke zwaar zware druk drukke rustig rustige stil stille eenzaam eenzame arm
  arme rijk klein kleine groot grote lang lange kort korte hoog hoge laag lage hard zacht warm koud duur goedkoop
  moeilijk makkelijk snel langzaam vrij bezig klaar open dicht vol leeg blij trots dankbaar verdrietig gelukkig
  wantrouwig kwiek kapot ziek zelfstandig eerste tweede derde vierde vijfde laatste volgende vorige hele heel elk
  marokkaans turks nederlands
  een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien twintig dertig veertig
  vijftig zestig zeventig tachtig negentig honderd duizend half helft keer
  mevrouw meneer heer dame man vrouw mannen vrouwen moeder vader ouders zoon dochter zonen dochters kind kinderen
  baby broer zus zusje broertje opa oma kleinzoon kleindochter kleinkinderen neef nicht oom tante familie gezin
  buurman buurvrouw buren buurtbewoner bewoner bewoners inwoner inwoners vriend vriendin vrienden collega collega's
  wijkcoach wijkcoaches wijkagent huisarts dokter arts zuster verpleegkundige juf meester leraar docent vrijwilliger
  vrijwilligers mantelzorger mantelzorgers maatje maatjes coach begeleider hulpverlener consulent medewerker
  medewerkers baliemedewerker stagiair chauffeur schoonmaakster weduwe weduwnaar mensen persoon personen jongen
  meisje jongens meisjes jongeren ouderen
  gemeente wijkteam buurt wijk straat huis flat woning kamer portiek trappenhuis tuin school werk baan geld
  schuld schulden brief brieven post formulier formulieren afspraak gesprek verhaal verhalen hulp zorg leven tijd
  dag week maand jaar uur minuut keer moment ochtend middag avond nacht weekend vakantie feest feestje koffie eten
  boodschappen winkel markt bus auto fiets telefoon nummer adres internet mail computer uitkering toeslag
  huurtoeslag huur bijstand rekening rekeningen probleem problemen vraag vragen antwoord plan project groep team
  inloop bijeenkomst ervaringentafel koffieochtend taalcafé buurthuis buurtkamer bibliotheek kerk moskee
  politie ziekenhuis apotheek bank voedselbank verwarming overlast eenzaamheid
`);

/**
 * Names that are also ordinary Dutch words (or whose word sense is more frequent in our stories). They count as a
 * name only with a cue ("meneer Mees", "mijn dochter Roos") or as part of a longer name ("Bas van Leeuwen").
 */
export const AMBIGUOUS_NAMES: ReadonlySet<string> = keys(`
  roos bas mark hoop wil mees ben max storm wolf lot jet maan noor puck kick job rover merel fleur iris lieve flip
  mink rein toon ton rob frans juliana kroon stam boom hoek zwart prins koster smit vink vos bos boer groen klein kok
  koning post visser bakker mol maas schipper molenaar brouwer kramer dekker kuiper jonker huisman bijl berg beek
  dam dijk veen vliet wijk brink meer pol wal ven heuvel horst laan graaf haan jong jonge lange leeuw wit groot
  ruiter bosch blom linden meulen velde velden broek wijngaarden ploeg essen rijn mees storm sterre dies don lou
  bo can gul kurt tan yurt turk kara sultan mei milan rosa maria sara fenna hanna vera nova
  april augustus juni juli keet lies mare rose amber linde jade boet adel bak doorn loon os bruin tromp
`);

/** Weekdays, months, holidays: never names. */
export const CALENDAR_WORDS: ReadonlySet<string> = keys(`
  maandag dinsdag woensdag donderdag vrijdag zaterdag zondag januari februari maart april mei juni juli augustus
  september oktober november december kerst kerstmis pasen pinksteren hemelvaart koningsdag bevrijdingsdag
  oudjaar nieuwjaar sinterklaas ramadan suikerfeest offerfeest keti koti divali diwali holi chanoeka carnaval
`);

/** Organisations, institutions and brands that storytellers mention; single tokens. */
export const ORGANISATION_WORDS: ReadonlySet<string> = keys(`
  wijkteam gemeente ggd humanitas kredietbank uwv voedselbank buurtzorg vluchtelingenwerk jeugdzorg belastingdienst
  duo svb cak cjg coa ind ggz huurcommissie woonbond mitros portaal bo-ex ymere vestia woonstad havensteder
  stadgenoot rochdale alliantie lister altrecht careyn dock cordaan arkin parnassia kwadraad welzijn stichting
  politie brandweer diakonessenhuis antonius jumbo lidl aldi action hema kruidvat ing rabobank abn amro sns asn bunq
  knab triodos ziggo kpn eneco vattenfall essent menzis vgz achmea unicef nibud woningcorporatie woningbouw
  thuiszorg schuldhulp schuldhulpverlening wmo ziekenhuis huisartsenpost bibliotheek buurthuis moskee kerk
  ervaringentafel werkgeversservicepunt leger heils
`);

/** Places and wijken that look like proper names; single tokens. */
export const PLACE_WORDS: ReadonlySet<string> = keys(`
  nederland amsterdam rotterdam utrecht haag eindhoven groningen tilburg almere breda nijmegen apeldoorn arnhem
  haarlem enschede amersfoort zaanstad haarlemmermeer zoetermeer zwolle leiden maastricht dordrecht ede alphen
  leeuwarden alkmaar emmen delft venlo deventer helmond oss sittard heerlen hilversum amstelveen purmerend schiedam
  vlaardingen capelle spijkenisse gouda lelystad hoorn zeist nieuwegein houten vleuten maarssen veenendaal assen
  marokko turkije suriname curaçao curacao bonaire aruba polen syrië syrie eritrea somalië somalie afghanistan
  oekraïne oekraine ghana kaapverdië indonesië molukken belgië duitsland frankrijk spanje engeland europa afrika
  nador tanger casablanca rabat fez fes marrakech oujda tetouan istanbul ankara izmir konya kayseri paramaribo
  nickerie willemstad kralendijk warschau krakau gdansk damascus aleppo homs asmara mogadishu kabul accra lagos kiev
  kyiv charkiv odessa
  overvecht kanaleneiland lombok zuilen ondiep hoograven lunetten tuindorp transwijk bijlmer schilderswijk
  transvaal moerwijk mariahoeve bouwlust vrederust laak escamp duindorp osdorp slotervaart geuzenveld kolenkit
  baarsjes lommer feijenoord charlois delfshaven ijsselmonde bospolder tussendijken spangen crooswijk carnisse
  presikhaaf klarendal malburgen hatert willemskwartier woensel tongelre selwerd vinkhuizen beijum paddepoel
  lewenborg malberg mariaberg kerckebosch
`);

/** Nationalities, languages and faiths: capitalised in Dutch, never names. */
export const DEMONYM_WORDS: ReadonlySet<string> = keys(`
  marokkaan marokkaans marokkaanse marokkanen turk turks turkse turken surinaams surinaamse surinamer surinamers
  antilliaan antilliaans antilliaanse antillianen pools poolse polen nederlands nederlandse nederlander nederlanders
  hollands hollandse arabisch arabische berbers tamazight tarifit koerdisch koerdische syrisch syrische eritrees
  eritrese somalisch somalische afghaans afghaanse engels engelse duits duitse frans franse spaans spaanse
  italiaans portugees portugese kaapverdiaans ghanees ghanese nigeriaans indonesisch indisch hindoestaans
  hindoestaanse javaans javaanse creools creoolse chinees chinese oekraïens oekraïense oekraiens europees europese
  afrikaans afrikaanse moslim moslims christen christenen christelijk christelijke islamitisch islamitische joods
  joodse hindoe hindoes papiaments sranan
`);

/** Multi-word names of organisations and places that contain person-like tokens ("Albert Heijn", "Den Haag"). */
export const PROTECTED_PHRASES: readonly string[] = phrases(`
  Albert Heijn, Leger des Heils, Rode Kruis, Zilveren Kruis, Veilig Thuis, Sociale Dienst, Sociaal Wijkteam,
  Juridisch Loket, Centrum voor Jeugd en Gezin, Eigen Haard, Al Hoceima, El Jadida, Den Haag, Den Helder, Den Bosch,
  Den Dolder, Den Burg, De Bilt, De Meern, 's-Hertogenbosch, 's-Gravenhage, Anna Paulowna, Sint Maarten, Leidsche Rijn,
  Bos en Lommer, Zwarte Piet, Witte Piet, Sint Antonius, Sint Jansdal, Maria Middelares, Juliana Kinderziekenhuis,
  Prinses Máxima Centrum, Prinses Maxima Centrum, Emma Kinderziekenhuis, Wilhelmina Kinderziekenhuis, Jan van Goyen,
  Koning Willem-Alexander, Koningin Máxima, Prinses Amalia, Sint-Maarten, Van Gogh Museum
`);

/** Words ending an unknown capitalised token that make it an institution or a place, not a person. */
export const INSTITUTION_SUFFIXES: readonly string[] = [
  'dienst',
  'bank',
  'team',
  'centrum',
  'ziekenhuis',
  'buurthuis',
  'wijkhuis',
  'zorg',
  'werk',
  'loket',
  'school',
  'bureau',
  'stichting',
  'vereniging',
  'kerk',
  'moskee',
  'raad',
  'commissie',
  'corporatie',
  'instituut',
  'kliniek',
  'fonds',
  'buurt',
  'wijk',
  'kwartier',
  'park',
  'plein',
  'straat',
  'laan',
  'weg',
  'gracht',
  'kade',
  'dorp',
  'stad',
  'tafel',
  'café',
  'cafe',
  'markt',
  'haven',
  'eiland',
  'polder',
];

/** Cues directly before a name: "meneer X", "mw. X", "oma X", "mijn zoon X". */
export const TITLE_CUES: ReadonlySet<string> = keys(`
  meneer mevrouw mw mevr mvr dhr heer juffrouw juf meester dokter dr drs ir mr ing prof zuster broeder familie fam
  tante oom opa oma buurman buurvrouw collega zoon dochter zoontje dochtertje man vrouw moeder vader broer zus zusje
  broertje kleinzoon kleindochter neef nicht vriend vriendin partner echtgenoot echtgenote schoonzoon schoondochter
  schoonmoeder schoonvader stiefvader stiefmoeder wijkcoach wijkagent huisarts coach begeleider consulent maatje
  mantelzorger baby kind
`);

/** Titles strong enough that the next word is a name even when it is unknown and lowercase after a tussenvoegsel. */
export const STRONG_TITLE_CUES: ReadonlySet<string> = keys(`
  meneer mevrouw mw mevr mvr dhr heer juffrouw juf meester dokter dr familie fam tante oom opa oma
`);

/** Words before "van X" that make X a person: "de zoon van X", "de buurvrouw van X". */
export const RELATION_CUES: ReadonlySet<string> = keys(`
  zoon dochter zoontje dochtertje man vrouw moeder vader broer zus zusje broertje oma opa kleinzoon kleindochter
  schoonmoeder schoonvader schoonzoon schoondochter tante oom neef nicht vriend vriendin ex partner kinderen kind
  baby familie echtgenoot echtgenote buurman buurvrouw buren stiefvader stiefmoeder mantelzorger
`);

/** Verbs that make "met X ..." a contact with a person. */
export const CONTACT_VERBS: ReadonlySet<string> = keys(`
  gebeld gesproken geappt gemaild afgesproken contact gepraat overlegd gezeten geskyped gebeld gebeld bellen
  spreken praten appen getelefoneerd
`);

/** Abbreviations that end in a dot without ending a sentence. */
export const ABBREVIATIONS: ReadonlySet<string> = keys(`
  mw mevr mvr dhr dr drs ir mr ing prof geb fam nr ca bijv evt o.a zgn st jr sr max min tel
`);
