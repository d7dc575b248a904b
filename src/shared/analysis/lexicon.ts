// Word lists are lower-case; callers lower-case the token before looking it up.
const words = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter((w) => w !== ''))

/** Verbs whose subject (or inverted object) is the person speaking. */
export const SPEECH_VERBS = words(`
  say says said saying tell tells told telling add adds added adding continue continues continued continuing
  explain explains explained explaining write writes wrote writing written ask asks asked asking
  reveal reveals revealed revealing tease teases teased teasing note notes noted noting
  state states stated stating claim claims claimed claiming insist insists insisted insisting
  argue argues argued arguing warn warns warned warning announce announces announced announcing
  confirm confirms confirmed confirming admit admits admitted admitting acknowledge acknowledges acknowledged
  recall recalls recalled recalling reply replies replied replying respond responds responded responding
  answer answers answered answering remark remarks remarked remarking observe observes observed observing
  suggest suggests suggested suggesting urge urges urged urging vow vows vowed vowing pledge pledged pledges
  promise promised promises predict predicted predicts concede conceded concedes joke joked jokes joking
  quip quipped quips cry cries cried exclaim exclaims exclaimed whisper whispers whispered whispering
  mutter mutters muttered muttering murmur murmurs murmured murmuring shout shouts shouted shouting
  yell yells yelled scream screamed screams call calls called calling demand demands demanded
  inquire inquired inquires enquire enquired enquires laugh laughed laughs sigh sighed sighs
  retort retorted retorts rejoin rejoined rejoins return returned returns protest protested protests
  declare declared declares assert asserted asserts affirm affirmed maintain maintained maintains
  interrupt interrupted interposed interpose repeat repeated repeats begin began begins
  comment commented comments commenting post posted posts tweet tweeted tweets
  describe described describes describing brand branded dub dubbed label labelled labeled term termed
  hail hailed praise praised criticise criticised criticize criticized blast blasted slam slammed
  boast boasted boasts gush gushed gushes beg begged plead pleaded pled stammer stammered falter faltered
  venture ventured muse mused mused reflect reflected reflects conclude concluded concludes
  agree agreed agrees object objected objects persist persisted groan groaned growl growled snap snapped
  gasp gasped sob sobbed hiss hissed bark barked grumble grumbled chuckle chuckled smile smiled
  reason reasoned recount recounted testify testified testifies told insisted speculate speculated
  share shared shares sharing detail detailed details elaborate elaborated emphasise emphasised emphasize emphasized
  stress stressed stresses caution cautioned cautions
  report reports reported reporting complain complains complained complaining lament laments lamented
  counter counters countered charge charges charged allege alleges alleged contend contends contended
  scoff scoffs scoffed mock mocks mocked fume fumes fumed tout touts touted reiterate reiterates reiterated
  proclaim proclaims proclaimed opine opines opined gripe gripes griped
  drawl drawled drawls shriek shrieked shrieks resume resumed resumes propose proposed proposes
  instruct instructed instructs moan moaned moans
  yelling screaming crying declaring asserting boasting praising criticizing criticising blasting slamming
  proclaiming quipping exclaiming demanding pleading begging chant chants chanted chanting lamenting
`)

/**
 * Verbs that introduce a quotation but do not, on their own, make a short embedded quote reported
 * speech ("call" in "call the police"); kept separate so scare-quote filtering can be stricter.
 */
export const WEAK_SPEECH_VERBS = words(`
  call calls called calling return returned returns begin began begins laugh laughed laughs
  sigh sighed sighs smile smiled share shared shares sharing post posted posts reason reasoned
  object objects detail details
`)

/** Verbs a document uses to "speak": "the statement reads", "the ruling states". */
export const DOCUMENT_VERBS = words(`
  read reads say says said state states stated note notes noted add adds added continue continues continued
  begin begins began conclude concludes concluded declare declares declared warn warns warned
  explain explains explained describe describes described claim claims claimed allege alleges alleged
`)

/** Nouns naming a text that can be quoted as a document. */
export const DOCUMENT_NOUNS = words(`
  synopsis statement letter report ruling judgment judgement verdict filing email e-mail memo memorandum
  release announcement post tweet caption description blurb sign notice order indictment complaint
  lawsuit document text message manifesto policy guidance summary abstract logline tagline press
  plaque inscription label warning transcript minutes agenda decision opinion affidavit
  petition motion brief bill legislation law clause contract agreement citation advert advertisement
  leaflet flyer poster website page blog newsletter bulletin headline study paper research survey
  analysis findings investigation inquiry audit review
`)

/** Head nouns of a descriptor that can stand for a person ("the Loveless author"). */
export const PERSON_NOUNS = words(`
  author writer novelist creator director producer actor actress star singer rapper musician composer
  artist poet playwright screenwriter showrunner host presenter journalist reporter editor columnist
  critic spokesperson spokesman spokeswoman representative official officer minister secretary president
  chairman chairwoman chair ceo executive chief founder cofounder co-founder owner manager coach captain
  player striker midfielder defender goalkeeper keeper forward batsman bowler driver rider champion winner
  athlete senator congressman congresswoman lawmaker legislator mp councillor councilor mayor governor
  leader premier chancellor judge justice magistrate lawyer attorney barrister solicitor prosecutor
  defendant plaintiff witness juror detective inspector sergeant constable commissioner sheriff superintendent
  scientist researcher professor lecturer doctor surgeon nurse economist analyst expert historian
  teacher headteacher headmaster headmistress principal student pupil resident neighbour neighbor
  mother father son daughter wife husband brother sister uncle aunt grandmother grandfather
  man woman boy girl lady gentleman teenager pensioner farmer worker employee campaigner activist
  protester organiser organizer volunteer fan owner landlord tenant shopkeeper chef designer architect
  engineer founder boss candidate nominee incumbent challenger ambassador diplomat envoy general colonel
  pilot soldier veteran survivor victim parent mum mom dad child stranger visitor guest stranger
  filmmaker photographer comedian dancer model influencer youtuber broadcaster commentator pundit
  astronaut physician psychologist psychiatrist ecologist biologist chemist physicist mathematician
  entrepreneur investor trader banker accountant spokesperson regulator inspector auditor
  swimmer runner cyclist walker commuter passenger shopper customer patient widow widower wife victim
  headteacher magistrate whip secretary-general moderator chairperson warden governor-general
  meteorologist forecaster pianist guitarist drummer vocalist frontman frontwoman bandmate
  inventor developer programmer coder officer trustee councillor boxer golfer sprinter objector
  campaigner resident homeowner commuter
  ally strategist consultant adviser advisor aide pollster operative surrogate donor supporter delegate
  staffer lobbyist co-host anchor correspondent panelist contributor
  rival opponent mate successor predecessor colleague friend partner deputy counterpart agent
`)

/**
 * Head nouns of a descriptor that stands for an organisation, not a person: "the company said",
 * "the Trump campaign said". Such a speaker is never silently a person.
 */
export const ORG_NOUNS = words(`
  company firm business corporation campaign agency department administration government committee
  organization organisation party ministry council board newspaper paper network channel magazine
  outlet union office court police army military coalition team club airline bank university school
  hospital commission authority bureau institute foundation trust association federation league society
  publisher website site station studio embassy charity group lab laboratory regulator watchdog
  prosecutors regime senate house legislature parliament congress cabinet delegation caucus
  newsroom broadcaster
`)

/** Nouns that give a descriptor's gender away: "her late husband" is not "she". */
export const MALE_NOUNS = words(`man boy husband father son brother uncle grandfather king prince gentleman widower
  frontman spokesman chairman congressman lord sir monk priest nephew dad`)
export const FEMALE_NOUNS = words(`woman girl wife mother daughter sister aunt grandmother queen princess lady widow
  frontwoman spokeswoman chairwoman congresswoman nun niece mum mom actress headmistress`)

/** Verbs that name rather than quote: "what it calls a “lifestyle village”". */
export const NAMING_VERBS = words(`call calls called calling brand brands branded dub dubs dubbed label labels labelled
  labeled term terms termed name names named nickname nicknamed christen christened title titled entitled`)

/** Nouns before a short quote that make it a term being mentioned: the word “village”. */
export const TERM_NOUNS = words(`word words term terms phrase phrases label slogan motto hashtag nickname catchphrase
  expression so-called buzzword tagline byline`)

/** Letters after a name that are not part of it: "Fiona Barr KC". */
export const POST_NOMINALS = words(`kc qc mp msp mep mbe obe cbe kbe dbe phd md jr sr iii ii esq frs`)

/** Role nouns that tie a person to a work ("Heartstopper creator", "the Loveless author"). */
export const WORK_ROLE_NOUNS = words(`
  author writer novelist creator director producer actor actress star showrunner screenwriter playwright
  composer illustrator cartoonist narrator host presenter singer songwriter filmmaker
`)

/** Synonyms when a descriptor's role is matched against roles the article already gave someone. */
export const ROLE_FAMILY: ReadonlyMap<string, string> = new Map([
  ['author', 'author'],
  ['writer', 'author'],
  ['novelist', 'author'],
  ['creator', 'author'],
  ['cartoonist', 'author'],
  ['illustrator', 'author'],
  ['screenwriter', 'author'],
  ['playwright', 'author'],
  ['showrunner', 'author'],
  ['spokesperson', 'spokesperson'],
  ['spokesman', 'spokesperson'],
  ['spokeswoman', 'spokesperson'],
  ['representative', 'spokesperson'],
  ['actor', 'actor'],
  ['actress', 'actor'],
  ['star', 'actor'],
  ['chairman', 'chair'],
  ['chairwoman', 'chair'],
  ['chair', 'chair'],
  ['ceo', 'chief executive'],
  ['boss', 'chief executive'],
  ['councillor', 'councillor'],
  ['councilor', 'councillor'],
  ['neighbour', 'neighbour'],
  ['neighbor', 'neighbour'],
])

/** Nouns that make the capitalised word before them a work: "the Heartstopper film". */
export const WORK_NOUNS = words(`
  film films movie movies series show shows sitcom drama documentary docuseries novel novels book books memoir
  play musical album song single track podcast game franchise comic comics manga anime season seasons episode
  episodes story stories trilogy saga opera ballet painting poem collection adaptation sequel prequel remake
  universe soundtrack
`)

/** Titles before a name that make it a person, with the gender they imply when they imply one. */
export const TITLES: ReadonlyMap<string, 'm' | 'f' | ''> = new Map([
  ['mr', 'm'],
  ['mrs', 'f'],
  ['ms', 'f'],
  ['miss', 'f'],
  ['mx', ''],
  ['dr', ''],
  ['prof', ''],
  ['professor', ''],
  ['sir', 'm'],
  ['dame', 'f'],
  ['lady', 'f'],
  ['lord', 'm'],
  ['rev', ''],
  ['reverend', ''],
  ['father', 'm'],
  ['uncle', 'm'],
  ['aunt', 'f'],
  ['king', 'm'],
  ['queen', 'f'],
  ['prince', 'm'],
  ['princess', 'f'],
  ['duke', 'm'],
  ['duchess', 'f'],
  ['earl', 'm'],
  ['countess', 'f'],
  ['baron', 'm'],
  ['baroness', 'f'],
  ['captain', ''],
  ['capt', ''],
  ['colonel', ''],
  ['col', ''],
  ['general', ''],
  ['gen', ''],
  ['major', ''],
  ['lieutenant', ''],
  ['lt', ''],
  ['sergeant', ''],
  ['sgt', ''],
  ['detective', ''],
  ['inspector', ''],
  ['constable', ''],
  ['judge', ''],
  ['justice', ''],
  ['senator', ''],
  ['sen', ''],
  ['rep', ''],
  ['governor', ''],
  ['gov', ''],
  ['president', ''],
  ['mayor', ''],
  ['councillor', ''],
  ['cllr', ''],
  ['coach', ''],
  ['chancellor', ''],
  ['bishop', ''],
  ['archbishop', ''],
  ['pope', 'm'],
  ['madame', 'f'],
  ['monsieur', 'm'],
  ['mademoiselle', 'f'],
  ['herr', 'm'],
  ['di', ''],
  ['dci', ''],
  ['ds', ''],
  ['dc', ''],
  ['pc', ''],
  ['supt', ''],
  ['frau', 'f'],
  ['signor', 'm'],
  ['señor', 'm'],
  ['señora', 'f'],
  ['master', 'm'],
  ['mistress', 'f'],
  ['squire', 'm'],
])

/** Honorifics are part of how a person is named ("Mr Lyle"), not a role they hold. */
export const HONORIFICS = words(
  `mr mrs ms miss mx dr sir dame lady lord madame monsieur mademoiselle herr frau signor master mistress prof professor`,
)

/** Titles that need a following name to mean a person ("Coach Singh"), so "Justice" alone is not one. */
export const ABBREVIATIONS = words(`
  mr mrs ms dr prof st jr sr rev gen col capt lt sgt sen rep gov mt ft no vs etc inc ltd co corp jan feb
  mar apr jun jul aug sep sept oct nov dec cllr messrs mme mlle
`)

export const MALE_NAMES = words(`
  james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony
  mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan
  jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander
  frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle
  ethan walter noah jeremy christian keith roger terry gerald harold sean austin carl arthur lawrence
  dylan jesse jordan bryan billy joe bruce gabriel logan albert willie alan juan wayne elijah randy roy
  vincent ralph eugene russell bobby mason philip louis harry oliver jake charlie nick tom ben sam tim
  dan matt mike chris tony steve rob bob bill jim tommy ted fred hugh ian neil colin graham keir rishi
  boris emmanuel olaf vladimir xi narendra justin joe kit wash euros emile tobie cormac bradley isaac
  tao nathan omar ahmed mohammed muhammad ali hassan raj arjun luca marco giovanni pierre jean jacques
  hans karl klaus lars sven olav pedro carlos miguel diego javier luis kwame kofi oscar leo max felix
  theo hugo archie alfie freddie reggie stanley sidney percy cecil basil herbert horace ernest edgar
  edmund edwin alfred reginald gilbert rupert hector jasper silas tobias gideon ezra levi caleb
  owen rhys dafydd gareth huw evan aled callum angus hamish fraser finlay lewis declan liam connor
  conor niall ciaran eoin seamus ronan patrick darragh cian
`)

export const FEMALE_NAMES = words(`
  mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret
  sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca
  sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma samantha
  katherine christine debra rachel catherine carolyn janet ruth maria heather diane virginia julie
  joyce victoria olivia kelly christina lauren joan evelyn judith megan cheryl andrea hannah martha
  jacqueline frances gloria ann teresa kathryn sara janice jean alice madison doris abigail julia
  judy grace denise amber marilyn beverly danielle theresa sophia marie diana brittany natalie isabella
  charlotte rose alexis kayla jane lucy kate sophie chloe ella mia ava amelia harriet beatrice clara
  eleanor florence edith ethel mabel agnes annie bessie nellie lizzie kitty jemima becky tess jenny
  corinna kizzy rhea chetna bel tara tori imogen naomi darcy priya aisha fatima zara leila yasmin
  nadia olga natasha svetlana ingrid astrid freya greta heidi sofia lucia carmen elena isabel
  kamala hillary angela theresa nicola liz jacinda ursula christine giorgia marine sanna mette
  maggie meg peggy polly molly dolly sally susie winifred mildred gertrude maud ada ivy iris violet
  daisy lily poppy ruby pearl hazel esther miriam deborah leah rachel rebekah dinah tabitha
  siobhan aoife niamh saoirse sinead orla ciara roisin mairead bronwen cerys seren rhiannon
  fiona morag kirsty eilidh ailsa
`)

/** Capitalised words that open sentences but are not names on their own. */
export const NON_NAME_CAPS = words(`
  the a an this that these those it its he she they we i you his her their our my your him them us me
  when while as after before since if in on at for from with by to of and but or so yet nor not no yes
  earlier later lastly finally fortunately unfortunately meanwhile however also today yesterday tomorrow
  tonight now then there here where what who whom whose which why how all some any each every both
  either neither one two three four five six seven eight nine ten first second third last next many much
  more most few several such other another oh ah well please thank thanks hello goodbye dear sir madam
  chapter part book volume section page figure table note notes update updated editor
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july
  august september october november december spring summer autumn winter christmas easter
  according despite although though because unless until whether once just only even still perhaps
  under over behind beyond during without within against among amongst between beneath below above
  across along towards toward upon into onto through throughout unlike beside inside outside whilst
  maybe indeed instead otherwise therefore thus hence nevertheless nonetheless besides moreover
  furthermore likewise similarly again already always never often sometimes usually soon
  do does did is are was were be been being have has had can could will would shall should may might must
  let lets see look come go get got make made take took give gave know knew think thought
  mrs mr ms miss dr prof st sir lord lady
  god good great new old little big own very really quite rather almost nearly about around
  writing read click watch listen subscribe follow share advertisement related photo image
  i'm i've i'll i'd it's that's there's here's what's let's don't can't won't
`)

/** Never the first word of a name, wherever they stand: "the Guardian", "in May". */
export const ALWAYS_STRIP = words(`
  the a an i monday tuesday wednesday thursday friday saturday sunday january february march april june
  july august september october november december i'm i've i'll i'd
`)

/** Function words that may sit inside a multi-word name: "University of Oxford", "Vincent van Gogh". */
export const NAME_CONNECTORS = words(`of de da di del della van von der den du le la bin al y dos das the and`)

export const ORG_SUFFIXES = words(`
  inc ltd llc plc corp corporation company co group holdings council committee commission party ministry
  department agency authority office bureau service services university college school academy hospital
  trust bank court police force army navy association federation union league club fc society institute
  foundation board network studios studio records press times news post guardian telegraph journal
  herald tribune gazette magazine radio television channel airlines airways railways partners capital
  ventures labs systems technologies pharmaceuticals church parliament congress senate assembly cabinet
  government administration organisation organization charity fund unit team brigade
  museum gallery library theatre theater orchestra choir band water energy power gas homes rail
  motors foods media pictures securities insurance logistics telecom telecoms airline pictures
  productions entertainment games software solutions office agency festival now
`)

export const ORG_NAMES = words(`
  netflix bbc itv cnn nbc abc cbs fox hbo disney amazon google apple microsoft meta facebook instagram
  twitter tiktok youtube spotify reuters nasa nato unesco unicef fifa uefa nhs fbi cia nsa eu un who
  labour tories conservatives democrats republicans tesla uber airbnb samsung sony nintendo ibm intel
  nvidia openai paramount warner universal hulu peacock channel4 sky pixar marvel lucasfilm ofcom ofsted
  greenpeace oxfam interpol europol wto imf opec ukip snp plaid toyota ford volkswagen bmw boeing airbus
  walmart tesco sainsbury's asda aldi lidl barclays hsbc lloyds natwest unilever pfizer moderna
  astrazeneca novartis bayer shell bp exxon chevron guardian telegraph times independent observer
  economist bloomberg politico axios vox vice buzzfeed variety deadline billboard
  senate congress parliament pentagon kremlin vatican nra dnc rnc gop aclu epa irs fda cdc ap upi afp
`)

export const PLACE_SUFFIXES = words(`
  street road avenue lane square park river lake mountain mountains county city town village island
  islands bay valley beach bridge station airport harbour harbor coast sea ocean hill hills forest
  district borough province state region heights gardens estate crescent close drive way
`)

export const PLACE_NAMES = words(`
  england scotland wales ireland britain uk usa us america france germany italy spain portugal netherlands
  belgium switzerland austria sweden norway denmark finland iceland poland ukraine russia china japan
  india pakistan bangladesh australia canada mexico brazil argentina chile peru colombia venezuela
  egypt nigeria kenya ghana ethiopia morocco algeria tunisia israel palestine gaza iran iraq syria
  lebanon jordan turkey greece cyprus afghanistan indonesia malaysia singapore thailand vietnam
  philippines korea taiwan mongolia kazakhstan zealand africa europe asia antarctica arctic
  london paris berlin rome madrid lisbon amsterdam brussels vienna zurich geneva stockholm oslo
  copenhagen helsinki dublin edinburgh glasgow cardiff belfast manchester liverpool birmingham leeds
  sheffield bristol newcastle nottingham leicester oxford cambridge brighton york bath norwich
  plymouth southampton portsmouth aberdeen dundee swansea kent surrey sussex essex yorkshire
  lancashire devon cornwall cumbria norfolk suffolk washington york chicago boston seattle denver
  atlanta miami dallas houston austin phoenix detroit philadelphia baltimore pittsburgh cleveland
  california texas florida ohio michigan georgia virginia carolina arizona nevada oregon colorado
  alabama alaska arkansas connecticut delaware hawaii idaho illinois indiana iowa kansas kentucky
  louisiana maine maryland massachusetts minnesota mississippi missouri montana nebraska hampshire
  jersey mexico dakota oklahoma pennsylvania rhode tennessee utah vermont wisconsin wyoming
  tokyo beijing shanghai delhi mumbai sydney melbourne toronto vancouver montreal moscow kyiv kiev
  istanbul cairo lagos nairobi johannesburg dubai jerusalem tehran baghdad hollywood westminster
  whitehall brooklyn manhattan queens bronx hackney camden islington soho kensington chelsea
`)

/** Words that give a following pronoun or name away as female or male. */
export const MALE_PRONOUNS = words(`he him his himself`)
export const FEMALE_PRONOUNS = words(`she her hers herself`)
/**
 * The personal pronouns that stand as a sentence's subject. SPEAKER_PRONOUNS (phrase-words.ts) adds "it",
 * THINKER_PRONOUNS (context.ts) adds "you"; THIRD_PERSON_PRONOUNS (cues.ts) keeps "he", "she", "they".
 */
export const SUBJECT_PRONOUNS = words(`he she they i we`)

/**
 * Speech verbs whose object is the one spoken to or about, never the speaker: "called Trump
 * “unhinged”", "telling Reuters, “…”". Their object is not read as an inverted subject.
 */
export const OBJECT_VERBS = words(`
  tell tells told telling call calls called calling urge urges urged urging warn warns warned warning
  ask asks asked asking describe describes described describing brand branded dub dubbed label labelled
  labeled term termed hail hailed praise praised criticise criticised criticize criticized blast blasted
  slam slammed beg begged remind reminds reminded accuse accuses accused accusing thank thanks thanked
  assure assured assures promise promised promises answer answered answers interrupt interrupted
`)

/** Adverbs and auxiliaries allowed between a speaker and the speech verb ("Oseman later said"). */
export const CUE_FILLERS = words(`
  also later then again further quickly slowly softly quietly loudly finally simply just previously recently
  once has have had had would will was is were been has also still added then now firmly calmly angrily
  gently sharply coldly warmly dryly drily eagerly hastily briefly bluntly frankly candidly openly
  not only had told told has went on goes go to
  monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
`)

/** Elided words that start with an apostrophe and so must not open a quotation: 'tis, ’em, ’90s. */
export const ELISIONS = words(`tis twas twere twill em n cause cos til till bout round un ere im ow er self ave`)
