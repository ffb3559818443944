//! Relevance: what caseworkers type, against the bundled catalogue. Each
//! query must bring an expected initiative into the top three (`a|b`: either
//! counts, where two offers answer the situation equally well), and at least
//! 95 % of the queries must.
//!
//! The arguments are parsed exactly as `indsats search` parses them, so flag
//! values (`--kommune skive`) resolve the same way.

use clap::Parser;

use indsats::catalogue::load::{self, Origin};
use indsats::cli::args::{Cli, Command};
use indsats::search::SearchIndex;

/// `(arguments of indsats search, expected ids in the top 3)`.
const CASES: &[(&str, &str)] = &[
    // A 17-year-old in Skive who dropped out of EUD.
    ("fgu --kommune skive --alder 17", "fgu-skolen"),
    ("fgu --kommune Ringkøbing-Skjern", "fgu-midt-vest"),
    ("psykisk job", "ips-ung"),
    ("kriminel praktik", "fra-kriminel-til-medarbejder"),
    // Real offers before the forum's proposal since the prior (issue 11).
    ("handicap uddannelse", "stu|hf-enkeltfag"),
    ("mentor", "mentorbarn"),
    ("frivillig mentor", "frivillige-erhvervsmentorer"),
    // The VUC sites teach dyslexic adults (ordblindeundervisning).
    (
        "ordblind",
        "uc-ringkobing-skjern-vuc|herning-hf-vuc|th-langs-hf-vuc",
    ),
    ("ungeindsats", "kui"),
    ("Østjylland", "fgu-oestjylland"),
    ("ostjylland", "fgu-oestjylland"),
    ("oestjylland", "fgu-oestjylland"),
    // Spelled without the hyphen, or cut short.
    ("ips ung", "ips-ung"),
    ("ipsung", "ips-ung"),
    ("hfenkeltfag", "hf-enkeltfag"),
    ("hf enkelt", "hf-enkeltfag"),
    ("ips --kommune aarhus", "ips-plus-aarhus"),
    ("buddy", "buddy-ordninger"),
    ("kompetencebevis", "ocn-kompetencebevis"),
    ("læringsbevis", "ocn-kompetencebevis"),
    ("fritidsjob", "fritidsjob-med-mentor"),
    // Each of them offers anonymous counselling.
    (
        "anonym rådgivning",
        "headspace|u-turn-horsens|rusmiddelcenter-silkeborg-unge|brus-midtjylland",
    ),
    ("radgivning --kommune horsens --alder 15", "headspace"),
    (
        "erhvervsuddannelse frafald",
        "fgu-aarhus|forberedende-forloeb-eud|eud-strategi",
    ),
    ("eud", "forberedende-forloeb-eud"),
    ("garanti", "ungegarantien-hjorring"),
    ("netværk virksomheder", "virksomhedsnetvaerk-udsatte-unge"),
    ("rockwool", "nextworks"),
    ("mikrovirksomhed", "mind-your-own-business"),
    ("psykiatri samarbejde", "jobcentre-og-psykiatrien"),
    ("coop", "coop-crew"),
    // ASCII spellings of æ, ø and å.
    ("bedsteforaeldre", "bedsteforaeldreordning"),
    ("rode kors", "ungdommens-roede-kors"),
    ("topmode", "ungetopmoede"),
    // A letter left out: scattered fuzzy match on the name.
    ("mentrbarn", "mentorbarn"),
    ("talentspejdrne", "talentspejderne"),
    ("fleksjob praktik", "salling-group-plads-til-alle"),
    ("sociale klausuler", "sociale-klausuler"),
    ("uddannelsespulje", "uddannelsespulje"),
    ("kui", "kui"),
    ("hpx", "hpx"),
    ("^inklusion", "hf-fundamentet"),
    (
        "handicap !uddannelse",
        "dansk-handicapforbund-ungdomskredsen",
    ),
    // Situations, typed the way caseworkers type them in a meeting: a place
    // and an age as words, diagnoses, benefits, life events, everyday
    // phrases and slips (issue 11).
    ("skive 17 droppet ud af eud", "fgu-skolen"),
    ("herning 24 angst kontanthjælp", "ips-ung"),
    ("angst job", "ips-ung"),
    ("angst", "headspace|ips-ung"),
    ("adhd", "stu|dansk-handicapforbund-ungdomskredsen"),
    ("autisme stu", "stu"),
    ("depression arbejde", "ips-ung"),
    ("psykisk sårbar 22 år job", "ips-ung"),
    (
        "tidligere straffet job",
        "code-of-care|fra-kriminel-til-medarbejder",
    ),
    (
        "løsladt fra fængsel",
        "fra-kriminel-til-medarbejder|exit-programmet",
    ),
    ("exit bande", "exit-programmet"),
    ("kontanthjælpsmodtager psykisk", "ips-ung"),
    (
        "uddannelseshjælp 19 år",
        "ungdomscentret-horsens|ungeenheden-hedensted|kui",
    ),
    ("sidder derhjemme", "kui"),
    ("hænger fast", "kui"),
    (
        "er faldet fra gymnasiet",
        "hf-enkeltfag|th-langs-hf-vuc|aarhus-hf-vuc",
    ),
    ("ingen studieplads student", "hf-enkeltfag"),
    (
        "ikke uddannelsesparat 9. klasse",
        "talentspejderne|coop-crew",
    ),
    ("aarhus 20 psykiatri job", "ips-plus-aarhus"),
    ("århus ips", "ips-plus-aarhus"),
    ("grenaa fgu", "fgu-oestjylland"),
    ("ebeltoft 18 uddannelse", "fgu-oestjylland|vuc-djursland"),
    ("tarm 19 fgu", "fgu-midt-vest"),
    ("bjerringbro 18 fgu", "fgu-midtjylland"),
    ("samsø 18 fgu", "fgu-sydoestjylland"),
    ("viborg 16 år droppet ud", "fgu-midtjylland"),
    ("17-årig skive", "fgu-skolen"),
    ("holstebro psykisk job", "code-of-care"),
    ("horsens anonym rådgivning", "headspace"),
    ("hjemløs 20 aarhus", "ungeherberg-aarhus|ukhome-aarhus"),
    // Every substance-misuse service answers when no place is given.
    (
        "rusmidler 21",
        "u-turn-horsens|favrskov-rusmiddelcenter|norddjurs-rusmiddelcenter|rusmiddelcenter-silkeborg-unge|ungeraadgivningen-skanderborg",
    ),
    ("ensom", "ventilen"),
    ("herning 17 ungevejen", "ungevejen-herning"),
    ("horsens 19 ungdomscentret", "ungdomscentret-horsens"),
    // The jobcenter, the way in from 25 (issue 21).
    ("sygemeldt 27 stress", "jobcenter"),
    ("holstebro 26 vil melde sig ledig", "jobcenter"),
    ("28 dagpenge a-kasse", "jobcenter"),
    (
        "stx student sabbatår",
        "hf-enkeltfag|aarhus-hf-vuc|holstebro-vuc|horsens-hf-vuc",
    ),
    ("hf silkeborg", "th-langs-hf-vuc"),
    ("fritidsjob 15 år", "coop-crew|sammen-om-fritidsjob-viborg"),
    (
        "fleksjob virksomhed",
        "salling-group-plads-til-alle|code-of-care",
    ),
    // The sick-leave clarification answers sygedagpenge as well as IPS.
    (
        "sygedagpenge 23 stress",
        "ips-ung|ips-plus-aarhus|si-sundhedsteam-sygefravaer-aarhus",
    ),
    ("selvskade", "headspace"),
    // Slips: a letter wrong, swapped or missing, in a word or a place.
    ("mentro", "mentorbarn"),
    ("angts", "headspace|ips-ung"),
    ("skvie fgu", "fgu-skolen"),
    ("socialklausul", "sociale-klausuler"),
    ("psykatri job", "ips-ung"),
    // The situations the catalogue gained in issue 21, with a place.
    (
        "hjemløs --kommune aarhus",
        "boliggaranti-unge-aarhus|ungeherberg-aarhus|ukhome-aarhus",
    ),
    ("sosu --kommune herning", "sosu-midt-vest"),
    ("tømrer --kommune viborg", "mercantec-viborg"),
    (
        "lære dansk --kommune randers",
        "ungevaerket-sprogcenter-randers|uddannelsesvaerkstedet-sprogcenter-randers",
    ),
    (
        "ung mor --kommune silkeborg",
        "moedregrupper-unge-moedre-silkeborg",
    ),
    ("hash --kommune favrskov", "favrskov-rusmiddelcenter"),
    ("landmand --kommune horsens", "bygholm-landbrugsskole"),
    ("gravid --kommune randers", "ung-gravid-hvad-nu-randers"),
    (
        "sygemeldt --kommune aarhus",
        "si-sundhedsteam-sygefravaer-aarhus",
    ),
    ("10. klasse --kommune viborg", "viborg-ungdomsskole"),
    (
        "mekaniker --kommune norddjurs",
        "viden-djurs-erhvervsuddannelser",
    ),
    ("flygtning --kommune holstebro", "sprogcentret-holstebro"),
];

/// What a search of the set gave: the queries whose expected initiative is
/// not in the top three, nDCG@3 (an expected id at rank r counts
/// 1/log2(r + 1); one is all a query asks for) and how many lists were
/// empty. Searched as `indsats search` searches.
struct Outcome {
    misses: Vec<String>,
    ndcg3: f64,
    empty: usize,
}

fn outcome() -> Outcome {
    let catalogue = load::load(Origin::Bundled)
        .expect("bundled catalogue")
        .catalogue;
    let index = SearchIndex::new(&catalogue);
    let mut out = Outcome {
        misses: Vec::new(),
        ndcg3: 0.0,
        empty: 0,
    };
    for &(line, expected) in CASES {
        let expected: Vec<&str> = expected.split('|').collect();
        for id in &expected {
            assert!(
                catalogue.find(id).is_some(),
                "{id} is not in the bundled catalogue"
            );
        }
        let cli = Cli::try_parse_from(
            ["indsats", "search"]
                .into_iter()
                .map(str::to_owned)
                .chain(line.split(' ').map(|w| w.replace('_', " "))),
        )
        .expect("valid arguments");
        let Some(Command::Search(args)) = cli.command else {
            panic!("not a search: {line}");
        };
        let filters = indsats::cli::flags::FlagReader::new(&catalogue, indsats::i18n::Lang::Da)
            .filters(&args)
            .unwrap_or_else(|f| panic!("{line}: {:?}", f.lines));
        // As `indsats search` does: places and ages typed become filters.
        let understood = index.understand(&args.query.join(" "));
        let results = index.search_understood(&understood, &filters);
        out.empty += usize::from(results.hits.is_empty());
        let top: Vec<&str> = results
            .hits
            .iter()
            .take(3)
            .map(|h| catalogue.initiatives[h.index].id.as_str())
            .collect();
        match top.iter().position(|id| expected.contains(id)) {
            Some(rank) => out.ndcg3 += 1.0 / ((rank + 2) as f64).log2(),
            None => out
                .misses
                .push(format!("{line:?}: expected {expected:?}, top 3 {top:?}")),
        }
    }
    out.ndcg3 /= CASES.len() as f64;
    out
}

#[test]
fn the_set_is_large_and_mostly_situations() {
    assert!(CASES.len() >= 80, "{} queries", CASES.len());
    let situations = CASES
        .iter()
        .position(|(q, _)| *q == "skive 17 droppet ud af eud")
        .map_or(0, |first| CASES.len() - first);
    assert!(situations >= 35, "{situations} situations");
}

#[test]
fn caseworker_queries_find_the_expected_initiative_in_the_top_three() {
    let now = outcome();
    // Printed with --nocapture, for BENCHMARKS.md.
    println!(
        "tuned set: {} of {} in the top three, nDCG@3 {:.3}, {} empty",
        CASES.len() - now.misses.len(),
        CASES.len(),
        now.ndcg3,
        now.empty,
    );
    for miss in &now.misses {
        println!("  miss {miss}");
    }
    // At least 95 % of the queries must find their initiative.
    assert!(
        now.misses.len() * 20 <= CASES.len(),
        "{} of {} queries missed:\n{}",
        now.misses.len(),
        CASES.len(),
        now.misses.join("\n")
    );
}
