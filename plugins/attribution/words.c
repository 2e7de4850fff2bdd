/*
 * words.c - the built-in word lists of the attribution plugin.
 *
 * Contract: const data only (see words.h).  General English function words,
 * source nouns, titles, institutions, places, nationalities and a list of
 * well-known news outlets and agencies around the world.  Proper-noun
 * classes (places, outlets, organisations) only match capitalised text; the
 * lexicon builder enforces that.
 */
#include "words.h"

#include "lexicon.h"

const at_wordset at_wordsets[] = {
    /* ---- determiners, quantifiers, pronouns ---- */
    {AT_L_DET | AT_L_STOP, AT_W_THE, "the"},
    {AT_L_DET | AT_L_STOP, AT_W_A, "a an"},
    {AT_L_DET | AT_L_STOP, AT_W_THIS, "this"},
    {AT_L_DET | AT_L_STOP, 0, "these those another other such any no every either neither"},
    {AT_L_QUANT | AT_L_STOP, AT_W_ONE, "one"},
    {AT_L_QUANT | AT_L_STOP, 0,
     "two three four five six seven eight nine ten several some many most few multiple "
     "numerous various both all each none dozens hundreds thousands"},
    {AT_L_QUANT | AT_L_STOP, AT_W_MORE, "more"},
    {AT_L_POSSDET | AT_L_STOP, 0, "his her its their our my your"},
    {AT_L_PRON | AT_L_STOP, AT_W_HE, "he"},
    {AT_L_PRON | AT_L_STOP, AT_W_SHE, "she"},
    {AT_L_PRON | AT_L_STOP, AT_W_IT, "it"},
    {AT_L_PRON | AT_L_STOP, AT_W_THEY, "they"},
    {AT_L_PRON | AT_L_STOP, AT_W_I, "i"},
    {AT_L_PRON | AT_L_STOP, AT_W_WE, "we"},
    {AT_L_PRON | AT_L_STOP, AT_W_YOU, "you"},
    {AT_L_STOP, 0,
     "me him them us myself ourselves yourself everyone everybody someone somebody nobody "
     "anyone anybody something nothing anything everything"},
    {AT_L_ADV | AT_L_STOP, 0, "himself herself itself themselves"},
    {AT_L_REL | AT_L_STOP, AT_W_WHO, "who whom whose"},
    {AT_L_REL | AT_L_STOP, AT_W_WHICH, "which"},
    {AT_L_REL | AT_L_STOP, AT_W_THAT, "that"},
    {AT_L_REL | AT_L_STOP, 0, "where when"},

    /* ---- auxiliaries and the verb group ---- */
    {AT_L_AUX | AT_L_STOP, 0,
     "has have had will would could can may might must should shall did does do"},
    {AT_L_AUX | AT_L_STOP | AT_L_NEG, 0,
     "hasn't haven't hadn't won't wouldn't couldn't can't cannot shouldn't didn't "
     "doesn't don't mustn't"},
    {AT_L_AUX | AT_L_STOP, AT_W_HAVING, "having"},
    {AT_L_AUX | AT_L_BE | AT_L_STOP, 0, "is was were are am be been being get got gets getting"},
    {AT_L_AUX | AT_L_BE | AT_L_STOP | AT_L_NEG, 0, "isn't wasn't weren't aren't"},
    {AT_L_ADV | AT_L_STOP | AT_L_NEG, AT_W_NOT, "not never"},
    {AT_L_ADV | AT_L_STOP, 0,
     "also later earlier long still further then again often once already even just now "
     "recently first publicly privately separately repeatedly previously reportedly allegedly "
     "apparently similarly likewise too only always initially subsequently finally ultimately "
     "openly explicitly flatly firmly bluntly angrily vehemently emotionally categorically "
     "immediately formally officially personally directly strongly sharply clearly simply "
     "specifically particularly reluctantly cautiously calmly frankly candidly quietly "
     "loudly proudly tersely curtly widely yet since"},

    /* ---- prepositions and conjunctions ---- */
    {AT_L_PREP | AT_L_STOP, AT_W_OF, "of"},
    {AT_L_PREP | AT_L_STOP, AT_W_FOR, "for"},
    {AT_L_PREP | AT_L_STOP, AT_W_FROM, "from"},
    {AT_L_PREP | AT_L_STOP, AT_W_AT, "at"},
    {AT_L_PREP | AT_L_STOP, AT_W_BY, "by"},
    {AT_L_PREP | AT_L_STOP, AT_W_WITH, "with"},
    {AT_L_PREP | AT_L_STOP, AT_W_IN, "in"},
    {AT_L_PREP | AT_L_STOP, AT_W_ON, "on"},
    {AT_L_PREP | AT_L_STOP, AT_W_TO, "to"},
    {AT_L_PREP | AT_L_STOP, AT_W_ABOUT, "about"},
    {AT_L_PREP | AT_L_STOP, AT_W_AS, "as"},
    {AT_L_PREP | AT_L_STOP, AT_W_PER, "per"},
    {AT_L_PREP | AT_L_STOP, AT_W_UPON, "upon"},
    {AT_L_PREP | AT_L_STOP, 0,
     "into onto over under after before during near inside across among against between "
     "through via like than without amid amidst within outside toward towards despite "
     "beyond behind below above around along alongside throughout until till unlike "
     "regarding concerning including excluding following ahead"},
    {AT_L_COGADJ, 0,
     "wary convinced confident concerned worried adamant certain skeptical sceptical "
     "optimistic pessimistic hopeful insistent"},
    {AT_L_PPREP, 0,
     "of for from at by with in on to about per upon into onto over under near inside across "
     "among against between through via within amid amidst toward towards despite beyond "
     "behind below above around along alongside throughout unlike regarding concerning "
     "including excluding during without"},
    {AT_L_STOP, AT_W_AND, "and"},
    {AT_L_STOP, AT_W_WHILE, "while"},
    {AT_L_STOP, AT_W_ACCORDING, "according"},
    {AT_L_STOP, AT_W_OUT, "out"},
    {AT_L_STOP, 0,
     "or nor but so if unless because although though however meanwhile moreover "
     "furthermore nevertheless nonetheless otherwise instead indeed perhaps maybe thus "
     "therefore hence whether why how what whatever whenever wherever here there "
     "today yesterday tomorrow tonight last next second third finally overall elsewhere "
     "yes please thanks thank welcome hello up down off away back very much less least "
     "own same just well how's let's what's that's there's here's it's"},
    {AT_L_STOP, 0,
     "monday tuesday wednesday thursday friday saturday sunday january february march "
     "april june july august september october november december"},
    {AT_L_TIME, 0,
     "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight "
     "morning afternoon evening night week weekend month year january february "
     "april june july august september october november december"},
    {AT_L_CONTENT, 0,
     "video videos footage image images photo photos photograph photographs picture "
     "pictures story stories article articles interview interviews clip clips recording "
     "recordings documentary programme program segment"},
    /* month abbreviations take a period but may be names ("Jan Novak") */
    {AT_L_ABBR, 0, "jan feb mar apr jun jul aug sep sept oct nov dec"},
    {AT_L_STOP, 0,
     "photo photos photograph image images video videos file credit copyright getty "
     "advertisement updated update breaking live exclusive opinion editorial read more "
     "watch follow subscribe newsletter newsletters comments share click sign signup log "
     "am pm ii iii iv vi vii viii ix xi xii gmt utc est cet"},
    {AT_L_STOP, AT_W_FOLLOWING, "following"},
    {0, AT_W_WORDS, "words"}, /* "in the words of" */

    /* ---- person titles (with or instead of a name) ---- */
    {AT_L_TITLE, 0,
     "president vice-president president-elect prime premier minister secretary "
     "secretary-general spokesman spokeswoman spokesperson chancellor vice-chancellor "
     "governor mayor ambassador envoy general admiral commander commander-in-chief colonel "
     "lieutenant captain sergeant corporal marshal chief director director-general chairman "
     "chairwoman chairperson ceo cfo coo cto founder co-founder senator congressman "
     "congresswoman lawmaker legislator deputy head leader king queen prince princess pope "
     "cardinal archbishop bishop patriarch rabbi imam sheikh emir sultan judge justice "
     "prosecutor prosecutor-general attorney attorney-general counsel mp mep councillor "
     "councilor commissioner superintendent inspector detective sheriff coach manager "
     "negotiator mediator professor rector dean ombudsman rapporteur speaker undersecretary "
     "under-secretary deputy-minister vice-premier chief-of-staff mufti ayatollah monarch "
     "secretary_of_state secretary_of_defense secretary_of_defence home_secretary "
     "foreign_secretary attorney_general prime_minister vice_president"},
    {AT_L_TITLE | AT_L_ABBR, 0,
     "gen lt col maj capt sgt adm cmdr sen rep gov pres mr mrs ms dr prof rev fr hon amb "
     "supt insp det"},

    /* ---- weak person nouns: a title-only speaker when definite ---- */
    {AT_L_PERSON, 0,
     "man woman boy girl mother father wife husband son daughter brother sister victim "
     "survivor witness resident doctor nurse lawyer teacher student journalist reporter "
     "author writer researcher scientist farmer driver pilot soldier owner activist artist "
     "veteran engineer businessman businesswoman entrepreneur cardiologist surgeon "
     "physician priest worker suspect defendant plaintiff candidate player politician "
     "volunteer organiser organizer campaigner protester teenager pensioner refugee "
     "migrant economist historian filmmaker actor actress singer "
     "musician photographer editor columnist blogger novelist poet"},

    /* ---- source nouns ---- */
    {AT_L_ANON, AT_W_OFFICIAL, "official officials"},
    {AT_L_ANON, AT_W_SOURCE, "source sources"},
    {AT_L_ANON, AT_W_INSIDER, "insider insiders"},
    {AT_L_ANON, 0,
     "diplomat diplomats aide aides adviser advisers advisor advisors staffer staffers "
     "officer officers executive executives negotiators investigator investigators "
     "interlocutor interlocutors confidant confidants intermediary intermediaries "
     "spokespeople spokesmen spokeswomen spokespersons"},
    {AT_L_PEOPLE, 0, "person people individual individuals someone figure figures"},
    {AT_L_ANONMOD, 0, "anonymous unnamed unidentified un-named unknown"},
    /* first person with a contraction: "I'm told" (an unnamed informant) */
    {AT_L_PRON | AT_L_STOP, AT_W_I, "i'm"},
    {AT_L_PRON | AT_L_STOP, AT_W_WE, "we're"},
    {AT_L_ANONMOD | AT_L_CONNECT, 0, "knowledgeable well-placed well-informed"},

    /* ---- crowds of opinion holders: "experts say" is vague (more from WordNet,
     * see gen/lexgen.c) ---- */
    {AT_L_VAGUE | AT_L_CROWD, 0,
     "experts analysts critics observers commentators pundits scientists researchers "
     "economists historians scholars academics supporters opponents detractors skeptics "
     "sceptics proponents advocates lawmakers legislators politicians others"},
    /* ---- other groups of people: a described group ("school leaders", "lawyers
     * for the tenants") is an unnamed source, a bare one says nothing ---- */
    {AT_L_VAGUE, 0,
     "experts expert analysts analyst critics critic observers observer commentators "
     "pundits scientists researchers economists historians scholars academics residents "
     "witnesses locals protesters protestors demonstrators activists campaigners "
     "villagers citizens voters users viewers readers fans parents families relatives "
     "neighbours neighbors survivors victims soldiers troops doctors nurses teachers "
     "students workers employees members lawmakers legislators politicians leaders "
     "investors traders bankers customers passengers pilots drivers farmers refugees "
     "migrants journalists reporters bloggers supporters opponents detractors skeptics "
     "sceptics proponents advocates others observers rumours rumors speculation"},

    /* ---- institutions ---- */
    {AT_L_INST, AT_W_INTEL, "intelligence"},
    {AT_L_INST, AT_W_AUTH, "authorities"},
    {AT_L_INST, AT_W_AGENCY, "agency agencies"},
    {AT_L_INST, 0,
     "ministry ministries embassy embassies consulate consulates government governments "
     "administration office department council committee commission court tribunal army "
     "military navy force forces staff service services parliament legislature assembly "
     "senate congress cabinet presidency police authority regulator regulators bureau "
     "board command headquarters secretariat watchdog union bank company firm group "
     "organization organisation organizations organisations foundation institute center "
     "centre association federation league party coalition alliance campaign team club "
     "university hospital municipality prosecutors prosecution defence defense operator "
     "airline airport manufacturer retailer exchange fund charity ngo observatory mission "
     "coastguard brigade registry archive library museum school town county village "
     "utility insurer lab laboratory clinic prison council's "
     "delegation regime junta guard directorate inspectorate corporation corp inc ltd llc "
     "plc network country countries nation nations program programme"},
    {AT_L_INST | AT_L_NEEDCAPS, 0, "watch international"},
    {AT_L_INST, 0, "city district state"}, /* also modifiers (above): "the city said" */
    {AT_L_ABBR, 0, "inc corp ltd bros"}, /* "Orlen Freight Inc. said" */
    {AT_L_INST, 0, "township borough parish"},
    /* seats of power speaking for their occupants: "the presidential palace said" */
    {AT_L_INST, 0, "palace"},

    /* ---- documents and data ---- */
    {AT_L_DOC, AT_W_REPORTS, "report reports"},
    {AT_L_DOC, 0,
     "statement statements document documents data figures statistics census study "
     "studies survey surveys poll polls analysis assessment assessments review audit "
     "investigation inquiry filing filings communique communiqué decree resolution "
     "release notice bulletin memo memorandum indictment ruling verdict judgment judgement "
     "directive guidance guidelines estimate estimates forecast index records transcript "
     "briefing readout findings dossier white_paper press_release "
     "lawsuit lawsuits complaint affidavit petition warrant subpoena"},
    {AT_L_PDOC, 0, "letter message post tweet email e-mail text note diary blog caption sign posts"},

    /* ---- media ---- */
    {AT_L_MEDIA, AT_W_MEDIA, "media"},
    {AT_L_MEDIA, AT_W_TV, "tv"},
    {AT_L_MEDIA, AT_W_NEWS, "news"},
    {AT_L_MEDIA, 0,
     "press newspaper newspapers daily weekly tabloid magazine broadcaster broadcasters "
     "broadcasting "
     "channel television radio outlet outlets wire website portal publication paper "
     "news_agency news_site news_website news_outlet news_portal news_service tv_channel "
     "tv_station television_station radio_station news_station "
     "state_television state_tv state_media state_broadcaster wire_service"},

    /* ---- modifiers inside a source description ---- */
    {AT_L_MOD, 0,
     "senior former top acting interim local regional national federal state state-run "
     "state-owned state-controlled state-backed state-affiliated government-controlled "
     "pro-government pro-kremlin governmental military security foreign domestic "
     "diplomatic high-ranking high-level mid-level low-level junior current new ex then "
     "independent administration presidential ministerial municipal city provincial "
     "district western eastern northern southern central international global public "
     "private emergency health energy economic finance financial trade justice interior "
     "border customs tax election electoral judicial legal medical rescue fire aviation "
     "nuclear atomic space communications outgoing incoming longtime veteran prominent "
     "leading informed unit air naval defense defence police intelligence government "
     "white house kremlin-backed moscow-backed russian-backed ukrainian-backed "
     "us-backed western-backed occupation occupying installed separatist rebel opposition "
     "ruling official informed well-connected influential investigative"},

    /* ---- words after a source noun telling how it knows ---- */
    {AT_L_CONNECT, 0, "familiar close closer briefed privy based near inside working"},
    {AT_L_CONNECT | AT_L_KNOW, 0, "involved present knowledge"},
    {AT_L_KNOW, 0,
     "seen saw reviewed witnessed attended participated took observed heard obtained "
     "direct first-hand firsthand"},
    {AT_L_REASON, 0,
     "because authorized authorised unauthorized unauthorised permitted allowed "
     "sensitivity sensitive protocol customary reprisal reprisals retaliation "
     "confidential discuss freely fear safety"},
    {AT_L_STOP, AT_W_CONDITION, "condition"},
    {AT_L_STOP, AT_W_ANONYMITY, "anonymity"},
    {AT_L_STOP, AT_W_ANONYMOUSLY, "anonymously"},
    {AT_L_STOP, AT_W_NAMED, "named"},
    {AT_L_STOP, AT_W_IDENTIFIED, "identified"},
    {AT_L_STOP, AT_W_DECLINED, "declined refused"},
    {AT_L_STOP, AT_W_REQUESTED, "requested"},
    {AT_L_STOP, AT_W_INTERVIEW, "interview interviews comment comments remarks conversation"},
    {AT_L_STOP, AT_W_NOMINAL,
     "criticism condemnation warning warnings announcement accusation accusations denial "
     "denials assurances assurance praise backlash rebuke"},
    {AT_L_NOUNV, 0,
     "report reports claim claims note notes estimate estimates quote quotes comment state "
     "states remark remarks promise promises pledge pledges vow vows fear fears call calls "
     "issue issues release releases show shows find finds answer answers reply replies "
     "tweet tweets voice voices brief briefs counter counters warning alert alerts post "
     "posts read reads mention mentions testimony stress"},
    {AT_L_STOP, AT_W_SPEAKING, "speaking spoke spoken talking talked"},

    /* ---- personal-name particles ---- */
    {AT_L_PARTICLE, 0, "von van der den de da di du la le bin ibn al el del dos das ter ten abu"},

    /* ---- things one claims that are not claims ---- */
    {AT_L_PRIZE, 0,
     "trophy trophies title titles prize prizes medal medals victory win seat seats crown "
     "championship record lives life gold silver bronze spot place throne cup jackpot "
     "top pole land territory ownership credit asylum benefits compensation damages refund"},

    /* ---- named organisations (capitalised only) ---- */
    {AT_L_ORG, 0,
     "kremlin pentagon congress senate parliament duma rada knesset bundestag sejm majlis "
     "nato un eu imf wto opec osce iaea icc icj asean g7 g20 hamas hezbollah taliban "
     "houthis isis wagner gazprom rosneft rosatom roscosmos lukoil sberbank google apple "
     "microsoft amazon meta facebook instagram whatsapp tiktok youtube twitter telegram "
     "openai nvidia tesla boeing airbus spacex starlink huawei samsung toyota volkswagen "
     "shell exxon chevron interpol europol frontex unicef unesco unhcr unrwa oecd fbi cia "
     "nsa fsb gru svr sbu mossad mi5 mi6 gchq dhs doj fda cdc epa fed ecb amnesty msf ocha "
     "greenpeace vatican eurostat rosstat ofcom ukrenergo naftogaz energoatom nasa esa ioc "
     "fifa uefa rsf hrw cpj icrc who ec wfp fao ilo undp unep nabu sapo gur "
     "white_house downing_street state_department foreign_office home_office "
     "general_staff air_force armed_forces security_council european_union "
     "united_nations european_commission european_parliament red_cross supreme_court "
     "justice_department defense_department defence_ministry defense_ministry "
     "foreign_ministry interior_ministry national_guard border_guard "
     "reporters_without_borders human_rights_watch amnesty_international "
     "international_criminal_court world_bank world_health_organization "
     "federal_reserve bank_of_england"},

    /* ---- countries and regions (capitalised only) ---- */
    {AT_L_PLACE, 0,
     "afghanistan albania algeria andorra angola argentina armenia australia austria "
     "azerbaijan bahrain bangladesh belarus belgium benin bolivia bosnia botswana brazil "
     "britain bulgaria burma burundi cambodia cameroon canada chad chile china colombia "
     "congo croatia cuba cyprus czechia denmark djibouti ecuador egypt england eritrea "
     "estonia ethiopia finland france gabon gambia georgia germany ghana greece guatemala "
     "guinea haiti honduras hungary iceland india indonesia iran iraq ireland israel italy "
     "jamaica japan jordan kazakhstan kenya kosovo kuwait kyrgyzstan laos latvia lebanon "
     "liberia libya liechtenstein lithuania luxembourg madagascar malawi malaysia maldives "
     "mali malta mauritania mexico moldova monaco mongolia montenegro morocco mozambique "
     "myanmar namibia nepal netherlands nicaragua niger nigeria norway oman pakistan "
     "palestine panama paraguay peru philippines poland portugal qatar romania russia "
     "rwanda scotland senegal serbia singapore slovakia slovenia somalia spain sudan "
     "sweden switzerland syria taiwan tajikistan tanzania thailand togo tunisia turkey "
     "turkiye türkiye turkmenistan uganda ukraine uruguay uzbekistan venezuela vietnam "
     "wales yemen zambia zimbabwe gaza crimea america europe africa asia usa u.s u.k "
     "u.s.a uae prc dprk "
     "north_korea south_korea saudi_arabia united_states united_kingdom new_zealand "
     "south_africa sri_lanka costa_rica el_salvador czech_republic dominican_republic "
     "ivory_coast hong_kong united_arab_emirates east_timor north_macedonia "
     "west_bank south_sudan"},
    {AT_L_PLACE, AT_W_US, "us uk"},
    {AT_L_CITY, 0,
     "washington moscow kyiv kiev beijing london paris berlin brussels tehran ankara tokyo "
     "seoul pyongyang islamabad kabul baghdad damascus beirut jerusalem riyadh doha cairo "
     "minsk warsaw prague bratislava budapest bucharest sofia belgrade zagreb vienna rome "
     "madrid lisbon athens stockholm oslo copenhagen helsinki tallinn riga vilnius dublin "
     "ottawa canberra caracas havana bogota tbilisi yerevan baku astana tashkent chisinau "
     "hanoi bangkok manila jakarta taipei nairobi abuja pretoria rabat algiers tunis "
     "tripoli khartoum amman sanaa muscat brasilia lima santiago "
     "new_delhi tel_aviv buenos_aires mexico_city addis_ababa kuala_lumpur"},

    /* ---- nationalities (capitalised only) ---- */
    {AT_L_DEMONYM, 0,
     "american british english scottish welsh irish french german italian spanish "
     "portuguese dutch belgian swiss austrian polish czech slovak hungarian romanian "
     "bulgarian greek turkish russian ukrainian belarusian belarussian moldovan georgian "
     "armenian azerbaijani kazakh uzbek estonian latvian lithuanian finnish swedish "
     "norwegian danish icelandic serbian croatian bosnian slovenian slovene montenegrin "
     "albanian macedonian kosovar cypriot maltese chinese japanese korean taiwanese indian "
     "pakistani afghan iranian iraqi syrian lebanese israeli palestinian jordanian saudi "
     "emirati qatari kuwaiti bahraini omani yemeni egyptian libyan tunisian algerian "
     "moroccan sudanese ethiopian eritrean somali kenyan ugandan tanzanian rwandan "
     "congolese nigerian ghanaian senegalese malian chadian cameroonian african "
     "zimbabwean zambian angolan mozambican namibian canadian mexican cuban venezuelan "
     "colombian peruvian chilean argentine argentinian brazilian bolivian ecuadorian "
     "uruguayan paraguayan haitian dominican jamaican guatemalan honduran salvadoran "
     "nicaraguan panamanian australian indonesian malaysian singaporean thai vietnamese "
     "filipino philippine burmese cambodian laotian bangladeshi nepali nepalese mongolian "
     "tajik kyrgyz turkmen chechen tatar crimean kurdish arab persian european asian "
     "western nordic baltic balkan soviet allied anglo latin transatlantic"},

    /* ---- outlets and agencies (capitalised only) ---- */
    {AT_L_OUTLET, 0,
     "reuters bloomberg cnn bbc ap afp upi npr pbs abc cbs nbc msnbc cnbc politico axios "
     "xinhua tass interfax ukrinform unian kyodo yonhap ansa efe dpa pap ctk mti bta "
     "anadolu bellingcat meduza kommersant izvestia vedomosti rbc nhk kbs cbc sbs rte itv "
     "euronews rfi rferl voa newsweek forbes wsj nyt huffpost buzzfeed vox propublica "
     "semafor mediapart handelsblatt faz tagesschau rtl orf srf svt nrk yle tvn tvn24 "
     "hromadske suspilne rt sputnik ntv irna isna tasnim kcna ndtv cctv cgtn haaretz ynet "
     "asahi yomiuri nikkei caixin scmp bild zdf ard rai dw ukrainska novosti "
     "gazeta.ru lenta.ru fontanka dozhd istories thebell "
     "associated_press agence_france-presse ria_novosti al_jazeera deutsche_welle "
     "der_spiegel le_monde le_figaro el_pais el_país la_repubblica corriere_della_sera "
     "voice_of_america radio_free_europe radio_liberty sky_news fox_news france_24 "
     "usa_today novaya_gazeta channel_one rossiya_1 russia-1 russia_1 ukrainska_pravda "
     "al_arabiya press_tv arab_news times_of_india people's_daily financial_times "
     "new_york_times washington_post wall_street_journal los_angeles_times "
     "gazeta_wyborcza suddeutsche_zeitung süddeutsche_zeitung die_zeit die_welt "
     "radio_france_internationale south_china_morning_post kyiv_independent kyiv_post "
     "moscow_times nk_news yonhap_news kyodo_news"},
    {AT_L_OUTSUF, 0,
     "post times journal herald tribune gazette telegraph chronicle guardian observer "
     "independent mirror express standard daily news radio tv television broadcasting "
     "press pravda zeitung courier examiner inquirer dispatch monitor insider "
     "weekly magazine mail economist atlantic intercept yorker hill today ledger sentinel "
     "bulletin register globe beacon review clarion argus gleaner advertiser enquirer "
     "echo star sun record citizen statesman spectator messenger mercury courant eagle "
     "banner pioneer bee transcript item"},
    /* verbs whose objects the cues look at (cues.c: adds_a_thing, urge) */
    {0, AT_W_ADD, "add adds added adding"},
    {0, AT_W_CONFIRM, "confirm confirms confirmed confirming"},
    {0, AT_W_URGE, "urge urges urged urging"},
};
const size_t at_n_wordsets = sizeof(at_wordsets) / sizeof(at_wordsets[0]);

const at_verbdef at_verbdefs[] = {
    {AT_V_SAY, "say says said said saying"},
    {AT_V_TELL, "tell tells told told telling"},
    {AT_V_SAY, "add adds added added adding"},
    {AT_V_SAY, "warn warns warned warned warning"},
    {AT_V_SAY, "write writes wrote written writing"},
    {AT_V_SAY, "state states stated stated stating"},
    {AT_V_SAY, "explain explains explained explained explaining"},
    {AT_V_SAY, "note notes noted noted noting"},
    {AT_V_SAY, "announce announces announced announced announcing"},
    {AT_V_SAY, "confirm confirms confirmed confirmed confirming"},
    {AT_V_SAY, "deny denies denied denied denying"},
    {AT_V_CLAIM, "claim claims claimed claimed claiming"},
    {AT_V_SAY, "argue argues argued argued arguing"},
    {AT_V_SAY, "insist insists insisted insisted insisting"},
    {AT_V_SAY, "caution cautions cautioned cautioned cautioning"},
    /* "declared war", "declared a state of emergency": acts; a report needs a clause */
    {AT_V_CLAUSE, "declare declares declared declared declaring"},
    {AT_V_SAY, "recount recounts recounted recounted recounting"},
    {AT_V_CITE, "cite cites cited cited citing"},
    {AT_V_CITE, "quote quotes quoted quoted quoting"},
    {AT_V_SAY, "- - posted posted posting"},
    {AT_V_SAY, "report reports reported reported reporting"},
    {AT_V_COG, "believe believes believed believed believing"},
    {AT_V_COG, "think thinks thought thought -"},
    {AT_V_COG, "fear fears feared feared -"},
    {AT_V_COG, "assess assesses assessed assessed -"},
    {AT_V_COG, "suspect suspects suspected suspected -"},
    /* "suggested a closer destination" is a proposal: a report needs a clause */
    {AT_V_CLAUSE, "suggest suggests suggested suggested suggesting"},
    {AT_V_COG, "estimate estimates estimated estimated estimating"},
    {AT_V_COG, "predict predicts predicted predicted predicting"},
    {AT_V_COG, "conclude concludes concluded concluded concluding"},
    {AT_V_READ, "read reads read read -"},
    {AT_V_SAY, "acknowledge acknowledges acknowledged acknowledged acknowledging"},
    {AT_V_SAY, "admit admits admitted admitted admitting"},
    {AT_V_SAY, "assert asserts asserted asserted asserting"},
    {AT_V_SAY, "allege alleges alleged alleged alleging"},
    {AT_V_SAY, "contend contends contended contended contending"},
    {AT_V_SAY, "reveal reveals revealed revealed revealing"},
    {AT_V_SAY, "disclose discloses disclosed disclosed disclosing"},
    {AT_V_SAY, "testify testifies testified testified testifying"},
    /* "conceded a penalty", "conceded defeat": a report only with a clause */
    {AT_V_CLAUSE, "concede concedes conceded conceded conceding"},
    {AT_V_SAY, "stress stresses stressed stressed stressing"},
    {AT_V_SAY, "emphasize emphasizes emphasized emphasized emphasizing"},
    {AT_V_SAY, "emphasise emphasises emphasised emphasised emphasising"},
    {AT_V_SAY, "reiterate reiterates reiterated reiterated reiterating"},
    {AT_V_CLAUSE, "recall recalls recalled recalled recalling"}, /* "recalled its envoy", "observes the holiday" */
    {AT_V_SAY, "remark remarks remarked remarked remarking"},
    {AT_V_SAY, "comment - commented commented commenting"},
    {AT_V_SAY, "reply replies replied replied replying"},
    {AT_V_SAY, "respond responds responded responded responding"},
    {AT_V_SAY, "tweet tweets tweeted tweeted tweeting"},
    {AT_V_SAY, "vow vows vowed vowed vowing"},
    {AT_V_SAY, "pledge pledges pledged pledged pledging"},
    {AT_V_SAY, "promise promises promised promised promising"},
    {AT_V_SAY, "urge urges urged urged urging"},
    {AT_V_SAY, "brief briefs briefed - -"},
    {AT_V_SAY, "inform informs informed - informing"},
    {AT_V_SAY, "assure assures assured assured assuring"},
    {AT_V_SAY, "mention mentions mentioned mentioned mentioning"},
    {AT_V_SAY, "clarify clarifies clarified clarified clarifying"},
    {AT_V_SAY, "specify specifies specified specified specifying"},
    {AT_V_CLAUSE, "observe observes observed observed observing"},
    {AT_V_SAY, "complain complains complained complained complaining"},
    {AT_V_SAY, "lament laments lamented lamented lamenting"},
    {AT_V_SAY, "boast boasts boasted boasted boasting"},
    {AT_V_CLAUSE, "counter counters countered countered countering"},
    {AT_V_SAY, "retort retorts retorted retorted retorting"},
    {AT_V_SAY, "quip quips quipped quipped quipping"},
    {AT_V_SAY, "exclaim exclaims exclaimed exclaimed exclaiming"},
    {AT_V_SAY, "voice voices voiced voiced voicing"},
    {AT_V_SAY, "express expresses expressed expressed expressing"},
    {AT_V_ASK, "ask asks asked asked asking"},
    {AT_V_STANCE, "accuse accuses accused - accusing"},
    {AT_V_STANCE, "criticize criticizes criticized criticized criticizing"},
    {AT_V_STANCE, "criticise criticises criticised criticised criticising"},
    {AT_V_STANCE, "condemn condemns condemned condemned condemning"},
    {AT_V_STANCE, "denounce denounces denounced denounced denouncing"},
    {AT_V_STANCE, "dismiss dismisses dismissed - dismissing"},
    {AT_V_STANCE, "blame blames blamed blamed blaming"},
    {AT_V_STANCE, "threaten threatens threatened threatened threatening"},
    {AT_V_STANCE, "praise praises praised praised praising"},
    {AT_V_STANCE, "hail hails hailed hailed hailing"},
    {AT_V_CALL, "call calls called called calling"},
    {AT_V_CALL, "describe describes described described describing"},
    {AT_V_CALL, "dub dubs dubbed dubbed dubbing"},
    {AT_V_CALL, "label labels labelled labelled labelling"},
    {AT_V_CALL, "label labels labeled labeled labeling"},
    {AT_V_CALL, "brand brands branded branded branding"},
    {AT_V_CALL, "refer refers referred referred referring"},
    {AT_V_CALL, "portray portrays portrayed portrayed portraying"},
    {AT_V_CALL, "depict depicts depicted depicted depicting"},
    {AT_V_CALL, "characterize characterizes characterized characterized characterizing"},
    {AT_V_CALL, "characterise characterises characterised characterised characterising"},
    {AT_V_ISSUE, "issue issues issued issued issuing"},
    {AT_V_ISSUE, "release releases released released releasing"},
    {AT_V_ISSUE, "publish publishes published published publishing"},
    /* what an outlet does with a story: "state media ran the video" */
    {AT_V_ISSUE, "run runs ran run running"},
    {AT_V_ISSUE, "air airs aired aired airing"},
    {AT_V_ISSUE, "broadcast broadcasts broadcast broadcast broadcasting"},
    {AT_V_ISSUE, "carry carries carried carried carrying"},
    {AT_V_ISSUE, "print prints printed printed printing"},
    {AT_V_ISSUE, "televise televises televised televised televising"},
    {AT_V_DOC, "find finds found found -"},
    {AT_V_DOC, "show shows showed shown -"},
    {AT_V_DOC, "indicate indicates indicated indicated -"},
    {AT_V_DOC, "outline outlines outlined outlined -"},
};
const size_t at_n_verbdefs = sizeof(at_verbdefs) / sizeof(at_verbdefs[0]);
