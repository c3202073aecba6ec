//! Carrier ids and names: case-insensitive ids, common names and aliases,
//! ambiguous and unknown names with their candidates; one `FromStr` error.

use wismo::{Carrier, UnknownWord};

#[test]
fn ids_names_and_aliases() {
    for (text, want) in [
        ("ups", Carrier::Ups),
        ("UPS", Carrier::Ups),
        ("United Parcel Service", Carrier::Ups),
        ("DHL Paket", Carrier::DhlParcelDe),
        ("dhl-parcel-de", Carrier::DhlParcelDe),
        ("Deutsche Post DHL", Carrier::DhlParcelDe),
        ("Deutsche Post", Carrier::DhlParcelDe),
        ("DHL Express", Carrier::DhlExpress),
        ("MyDHL", Carrier::DhlExpress),
        ("DHL eCommerce", Carrier::DhlEcommerce),
        ("GLS", Carrier::Gls),
        ("MyGLS", Carrier::GlsMygls),
        ("FedEx", Carrier::Fedex),
        ("Federal Express", Carrier::Fedex),
        ("U.S. Postal Service", Carrier::Usps),
        ("United States Postal Service", Carrier::Usps),
        ("Royal Mail", Carrier::RoyalMail),
        ("Posten Norge", Carrier::Bring),
        ("Zásilkovna", Carrier::Packeta),
        ("Hermes Germany", Carrier::HermesDe),
        ("OnTrac", Carrier::Ontrac),
        ("Canada Post", Carrier::CanadaPost),
        ("Postes Canada", Carrier::CanadaPost),
    ] {
        assert_eq!(text.parse::<Carrier>(), Ok(want), "{text}");
    }
}

#[test]
fn ambiguous_and_unknown_names_list_candidates() {
    let e: UnknownWord = "DHL".parse::<Carrier>().unwrap_err();
    assert!(e.ambiguous);
    assert_eq!(
        e.candidates,
        [
            "dhl_ecommerce",
            "dhl_express",
            "dhl_parcel_de",
            "dhl_unified"
        ]
    );
    assert_eq!(
        e.to_string(),
        "ambiguous carrier `DHL`: one of dhl_ecommerce, dhl_express, dhl_parcel_de, dhl_unified"
    );
    let e = "Hermes".parse::<Carrier>().unwrap_err();
    assert!(e.ambiguous);
    assert_eq!(e.candidates, ["evri", "hermes_de"]);

    let e = "Poste".parse::<Carrier>().unwrap_err();
    assert!(!e.ambiguous);
    assert!(e.candidates.contains(&"poste_italiane".to_string()), "{e}");
    assert!(e
        .to_string()
        .starts_with("unknown carrier `Poste` (did you mean "));
    let e = "pigeon".parse::<Carrier>().unwrap_err();
    assert!(e.candidates.is_empty());
    assert_eq!(e.to_string(), "unknown carrier `pigeon`");

    // As a crate error, for `?` in functions returning wismo::Error.
    let err: wismo::Error = "DHL".parse::<Carrier>().unwrap_err().into();
    assert_eq!(err.carrier(), None);
    assert!(err.to_string().starts_with("ambiguous carrier `DHL`"));
}

#[test]
fn every_id_and_name_round_trips() {
    for &c in Carrier::ALL {
        assert_eq!(c.as_str().parse::<Carrier>(), Ok(c));
        assert_eq!(c.as_str().to_uppercase().parse::<Carrier>(), Ok(c));
        // A name either means this carrier or is ambiguous and lists it.
        match c.name().parse::<Carrier>() {
            Ok(got) => assert_eq!(got, c, "{}", c.name()),
            Err(e) => assert!(
                e.ambiguous && e.candidates.contains(&c.as_str().to_string()),
                "{e}"
            ),
        }
    }
    // Stored JSON keeps ids strict.
    assert!(serde_json::from_str::<Carrier>("\"UPS\"").is_err());
    assert_eq!(
        serde_json::from_str::<Carrier>("\"ups\"").unwrap(),
        Carrier::Ups
    );
}

#[test]
fn every_from_str_has_the_same_error_type() {
    fn check<T: std::str::FromStr<Err = UnknownWord>>(bad: &str, kind: &str) {
        assert_eq!(T::from_str(bad).err().unwrap().kind, kind);
    }
    check::<Carrier>("x?", "carrier");
    check::<wismo::Status>("x?", "status");
    check::<wismo::Substatus>("x?", "substatus");
    check::<wismo::Reason>("x?", "reason");
    check::<wismo::EtaHint>("x?", "eta hint");
    check::<wismo::Lang>("x?", "language");
    check::<wismo::customer::Locale>("x?", "locale");
    check::<wismo::calendar::Country>("x?", "country");
    check::<wismo::Direction>("x?", "direction");
    check::<wismo::EventTime>("x?", "event time");
}

#[test]
fn parse_one_says_when_there_is_not_exactly_one() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let body = std::fs::read(dir.join("examples/data/ups_delivered.json")).unwrap();
    let t = wismo::parse_one(Carrier::Ups, &body).unwrap();
    assert_eq!(t.status, wismo::Status::Delivered);
    assert_eq!(t.unmapped().count(), 0);
    // Ninja Van's stored array of webhooks holds no events for no parcel.
    let err = wismo::parse_one(Carrier::NinjaVan, b"[]").unwrap_err();
    assert_eq!(
        err.to_string(),
        "ninja_van: the body holds no tracking, where one was expected"
    );
    assert!(matches!(err, wismo::Error::NotOneTracking { found: 0, .. }));
    // CDEK's legacy numeric status is unmapped and counted by unmapped().
    let body =
        std::fs::read(dir.join("tests/fixtures/cdek/webhook_legacy_status_code.json")).unwrap();
    let t = wismo::Normalizer::new()
        .parse_one(Carrier::Cdek, &body)
        .unwrap();
    assert_eq!(
        t.unmapped().map(|e| e.code.as_str()).collect::<Vec<_>>(),
        ["4"]
    );
}
