/** Word lists the rules use. Lower-cased unless said otherwise. */

const words = (s: string) => new Set(s.trim().split(/\s+/));

/** Capitalised only because they open a sentence or a heading: never part of a name on their own. */
export const COMMON_CAPITALIZED = words(`
a an the this that these those there here it its it's he she they we i you his her their our my your who whom whose what which
when where why how while whilst if as at by for from in into of off on onto out over to up with within without about above
across after against along amid among around before behind below beneath beside besides between beyond despite during
except inside near outside since than through throughout toward towards under underneath unlike until upon via
and but or nor so yet also although though because unless whether however meanwhile moreover furthermore nevertheless
nonetheless otherwise instead still then thus hence therefore indeed perhaps maybe already again once later earlier
following speaking according asked asking despite amid after before more most many much some any all both each every
either neither no not none one two three four five six seven eight nine ten first second third last next other another
such only just even ever never always often sometimes now today yesterday tomorrow tonight
monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
mr mrs ms dr is are was were be been being has have had do does did will would shall should can could may might must
said says say told tells according reported reports added adds
new old big great good bad top senior former late early breaking update updated report reports source sources
police officials official authorities government state minister president ministry
`);

export const HONORIFICS = new Set(['Mr', 'Mr.', 'Mrs', 'Mrs.', 'Ms', 'Ms.', 'Miss', 'Dr', 'Dr.', 'Sir', 'Dame', 'Prof.', 'Rev.', 'Messrs.', 'Madam', 'Mlle', 'Mlle.', 'Mme', 'Mme.', 'Mademoiselle', 'Monsieur', 'Herr', 'Frau', 'Señor', 'Señora', 'Signor', 'Signora']);

/** Offices and ranks: a person holding one has a role worth recording. */
export const OFFICE_HEADS = words(`
president vice-president president-elect premier minister secretary secretary-general chancellor king queen prince princess
emperor empress pope ambassador envoy senator sen. rep. congressman congresswoman governor gov. mayor spokesman
spokeswoman spokesperson chairman chairwoman chairperson chair chief director head leader commander general gen. admiral
adm. colonel col. lieutenant lt. captain capt. sergeant sgt. major maj. judge justice prosecutor speaker ceo sheikh emir
sultan monarch archbishop bishop cardinal ayatollah mp mep lawmaker councillor councilor representative attorney-general
attorney deputy commissioner administrator ombudsman marshal field-marshal crown dean elder detective inspector constable
sheriff trooper superintendent executive assemblyman assemblywoman councilman councilwoman alderman provost chancellor rector
commandant registrar taoiseach tánaiste whip legislator mufti
`);

/** Occupations: a cue that a name follows, not a role. */
export const OCCUPATIONS = words(`
youtuber blogger vlogger
scientist biologist physicist chemist researcher professor economist analyst journalist reporter correspondent editor
writer author novelist poet artist actor actress singer musician composer director producer photographer photojournalist
photojournalist activist lawyer doctor surgeon nurse teacher student coach player striker goalkeeper driver pilot
astronaut engineer entrepreneur businessman businesswoman billionaire founder owner officer official diplomat candidate
nominee spokesperson priest rabbi imam pastor monk survivor victim witness suspect mother father son daughter wife husband
brother sister archaeologist astronomer historian geologist oceanographer planetary climatologist paleontologist
broadcaster presenter host anchor co-author author emeritus commentator columnist blogger comedian filmmaker fellow
violinist pianist guitarist drummer cellist bassist saxophonist trumpeter conductor dancer rapper sculptor painter
podcaster
`);

/** Words that may qualify an office inside a title: "Deputy Foreign Minister", "special envoy". */
export const TITLE_MODIFIERS = words(`
foreign defense defence interior finance health justice education emergencies emergency situations trade economy economic
energy agriculture transport transportation culture labor labour environment home deputy vice first acting top special
chief prime senior assistant under state federal interim executive general attorney national security intelligence press
communications digital development science sports information treasury commerce housing veterans immigration war navy army
regional presidential principal permanent supreme grand opposition party majority minority house senate parliamentary
defence-minister foreign-affairs affairs international internal public works human rights brexit women family social
labor-and minister-of high lord crown
`);

export const SPEECH_VERBS = words(`
said says say told tells tell added adds explained explains stated states wrote writes noted notes insisted insists
asked asks warned warns claimed claims argued argues announced announces declared declares urged urges replied replies
responded responds commented comments tweeted tweets confirmed confirms denied denies acknowledged acknowledges remarked
emphasized emphasised stressed stresses suggested suggests called calls described describes accused accuses
`);

/** Last words that make a capitalised sequence an organisation. */
export const ORG_HEADS = words(`
commission patrol partners trust magazine survey
ministry department agency committee commission council party union organization organisation institute institution
university college school academy hospital company corporation corp. inc. inc ltd ltd. llc plc group bank fund foundation
association society league federation confederation alliance coalition front movement army navy force forces guard
police service services bureau office authority board court tribunal parliament assembly congress senate cabinet
government administration news times post journal herald tribune gazette telegraph press agency network channel radio
television tv airlines airline airways railways motors industries holdings systems technologies church mosque club team fc
network brigade battalion regiment corps command center centre observatory laboratory lab museum media
samiti samithi sabha mahasabha parishad sangh morcha
mail courier examiner inquirer
`);

/** National bodies that a demonym or country can own: "Russian Foreign Ministry" → org:ru-foreign-ministry. */
export const NATIONAL_BODIES: Record<string, string> = {
  'foreign ministry': 'foreign-ministry',
  'ministry of foreign affairs': 'foreign-ministry',
  'foreign affairs ministry': 'foreign-ministry',
  'foreign office': 'foreign-ministry',
  'defense ministry': 'defense-ministry',
  'defence ministry': 'defense-ministry',
  'ministry of defense': 'defense-ministry',
  'ministry of defence': 'defense-ministry',
  'interior ministry': 'interior-ministry',
  'ministry of interior': 'interior-ministry',
  'ministry of the interior': 'interior-ministry',
  'health ministry': 'health-ministry',
  'ministry of health': 'health-ministry',
  'finance ministry': 'finance-ministry',
  'ministry of finance': 'finance-ministry',
  'justice ministry': 'justice-ministry',
  'ministry of justice': 'justice-ministry',
  'emergencies ministry': 'emergencies-ministry',
  'emergency situations ministry': 'emergencies-ministry',
  'embassy': 'embassy',
  'parliament': 'parliament',
  'government': 'government',
  'army': 'army',
  'navy': 'navy',
  'air force': 'air-force',
  'armed forces': 'armed-forces',
  'military': 'armed-forces',
  'coast guard': 'coast-guard',
  'central bank': 'central-bank',
  'supreme court': 'supreme-court',
  'constitutional court': 'constitutional-court',
  'police': 'police',
  'national police': 'police',
  'senate': 'senate',
  'cabinet': 'cabinet',
  'intelligence community': 'intelligence-community',
};

/** Lower-case words allowed inside a capitalised name ("Bank of England", "Ludwig van Beethoven"). */
export const NAME_CONNECTORS = new Set(['of', 'the', 'and', 'for', 'de', 'du', 'da', 'das', 'dos', 'del', 'della', 'di', 'van', 'von', 'der', 'den', 'la', 'le', 'bin', 'ibn', 'al', 'el', 'y', 'on', '&']);

/** Capitalised strings that are never people (nor, unless the gazetteers know them, any entity), whatever a tagger says: diseases, software. */
export const NEVER_PERSON = words(`
kremlin ria is us u.s. usa nato congress moscow god allah christmas easter ramadan internet covid-19 covid coronavirus
twitter facebook youtube instagram tiktok google wikinews wikipedia senate parliament
ah oh uh uhh um umm hmm wow hey hi hello bye goodbye ya yeah yep brexit utc gmt
democrat republican linux
ebola zika sars mers hiv aids lgbt lgbtq lgbti lgbtq+
python javascript typescript php perl lua kotlin haskell fortran cobol android kubernetes centos ubuntu debian minetest
latino latina latinos latinas latinx hispanic hispanics rohingya rohingyas uyghur uyghurs uighur uighurs yazidi yazidis
hutu hutus tutsi tutsis pashtun pashtuns
sharia shari'a sunnah hadith eid diwali hanukkah passover
`);

const PARTICLES = 'De|Del|Della|Di|Da|Dos|Du|La|Le|Van|Von';

/** A capitalised particle that opens a surname: "De La Fuente", "Van Poppel", "La Riva". */
export const SURNAME_PARTICLE = new RegExp(`^(?:${PARTICLES})$`);

/** A surname a particle opens, alone: "La Riva", "De La Fuente" (which the tagger often takes for a place or a body). */
export const PARTICLE_SURNAME = new RegExp(`^(?:${PARTICLES})(?:\\s+(?:La|Los|Las|Der|Den))?\\s+\\p{Lu}[\\p{L}'’-]+$`, 'u');

/** "Latin American", "South American": a continent's people, not the United States' nor a body. */
export const CONTINENT_PEOPLE = /^(?:Latin|South|Central|North|Meso|Ibero)\s+American$/;

/** Religions' adjectives ("Buddhist, Hindu, Muslim, and Christian leaders"): no one's name, no place, no body. */
export const RELIGION_ADJECTIVES = words(`
hindu muslim buddhist christian jewish sikh jain catholic protestant orthodox anglican lutheran methodist baptist
evangelical islamic shia sunni shiite zoroastrian taoist confucian pentecostal presbyterian episcopalian adventist mormon
quaker amish salafi salafist wahhabi shi'a shi'ite
`);

/** Words that do not occur in people's names (for the "Given Surname" shape rule). */
export const NOT_NAME_WORDS = words(`
catholic christian christianity muslim islamic jewish orthodox protestant buddhist hindu sunni shia shiite evangelical
african european asian arab american latino hispanic democratic republican liberal conservative socialist communist
national international general federal united royal imperial new old west east north south western eastern northern
southern central city county one two three first second third amendment act bill law constitution day week year
street road avenue square park river lake bay sea ocean island islands mountain mountains valley airport station
bridge district region province state states university college school hospital church cathedral mosque temple
linux windows hat expo festival awards award prize cup league championship games olympics tour series show
telescope satellite rover spacecraft ship vessel mission program programme project trust experience magazine village
hall base patrol survey partners hornets greens image republic kingdom empire
rs
`);

/** Last words that make a capitalised sequence a place. */
export const PLACE_HEADS = words(`
village hall base city county province district region island islands river lake bay sea ocean mountain mountains valley street road
avenue square park airport station bridge beach coast peninsula strait gulf desert forest canyon harbour harbor port
cbd mine
`);

/**
 * Last words of a building's or monument's name: "Al Noor Mosque", "Cannon Office Building", "Wat
 * Arun Temple" are places, though a mosque or a church can also speak as a body ("church" stays a
 * body's word: "the Russian Orthodox Church").
 */
/** Planets named alone: places whatever the tagger says. */
export const PLANETS = /^(?:Earth|Mars|Jupiter|Saturn|Neptune|Uranus|Pluto)$/;

export const BUILDING_HEADS = words(`
mosque cathedral synagogue basilica chapel shrine temple palace castle building stadium arena auditorium pyramid mall facility prison theatre theater
complex base
`);

/** Last words of an event's name ("Texas Revolution", "National Spelling Bee"), and first words before "of" ("Siege of Savannah"). */
export const EVENT_HEADS = new Set(['convention', 'siege', 'revolution', 'war', 'battle', 'draft', 'bee', 'games', 'olympics', 'summit', 'championship', 'championships', 'tournament', 'festival', 'massacre', 'uprising', 'rebellion', 'marathon', 'election', 'elections', 'fair', 'faire', 'expo', 'parade', 'awards', 'ceremony', 'carnival', 'concert', 'gala', 'prix', 'fest']);

/** First words of a storm's name ("Typhoon Phanfone", "Tropical Storm Erika"): a storm is an event, not a person, place or body. */
export const STORM_WORDS = new Set(['hurricane', 'typhoon', 'cyclone', 'tropical storm', 'tropical depression', 'super typhoon']);

/** A storm's name after one of STORM_WORDS, each word capitalised or not ("Tropical Storm Barry", "tropical storm Barry"). */
export const STORM_NAME = new RegExp(
  `\\b(?:${[...STORM_WORDS].map((w) => w.split(' ').map((p) => `[${p[0].toUpperCase()}${p[0]}]${p.slice(1)}`).join('\\s+')).join('|')})\\s+(\\p{Lu}\\p{Ll}+)\\b`,
  'gu',
);

/** Last words of the names of laws and documents ("United States Constitution", "Marshall Plan"): not people, places or organisations. */
export const DOCUMENT_HEADS = new Set(['constitution', 'act', 'treaty', 'accord', 'accords', 'amendment', 'charter', 'declaration', 'protocol', 'doctrine', 'plan', 'manifesto', 'resolution']);

/** Last words of an office held by a person ("National Security Advisor"): an office is not an organisation. */
export const PERSONAL_OFFICES = new Set(['advisor', 'adviser', 'minister', 'secretary', 'representative', 'spokesman', 'spokeswoman', 'spokesperson', 'ambassador', 'envoy', 'senator', 'governor', 'mayor', 'manager']);

/** Last words of a newspaper's title ("Manila Bulletin", "Des Moines Register", "Drudge Report"). */
export const PAPER_TITLE = /\b(?:Times|Post|Herald|Tribune|Gazette|Chronicle|Journal|Independent|Courier|Observer|Examiner|Inquirer|Telegraph|Bulletin|Register|Today|Report)$/;
