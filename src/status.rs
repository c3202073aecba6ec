//! The standard vocabulary every carrier's codes are mapped into.
//!
//! [`Status`] is the small top-level answer ("where is my order?"), [`Substatus`]
//! refines it (each substatus belongs to exactly one status), [`Reason`] says why
//! something happened and who owns it, and [`EtaHint`] says what an event tells
//! about the delivery date.
//!
//! Every name here is the same snake_case string in the mapping files, in
//! `Display`/`FromStr` and in JSON.
//!
//! This file is std-only: `build.rs` includes it to validate `mappings/*.tsv`
//! with the very code the library runs.

use core::fmt;
use core::str::FromStr;

/// The one error of every `FromStr` in the crate (vocabulary words, carrier
/// ids and names, languages, locales, countries, times): the text is not
/// known, or names several things.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownWord {
    /// Which vocabulary was asked (`status`, `substatus`, `reason`, `eta hint`,
    /// `carrier`, `language`, `locale`, `country`, `event time`, …).
    pub kind: &'static str,
    /// The word that was not recognized.
    pub word: String,
    /// The values it could mean: every match when it is ambiguous (`DHL`),
    /// else near matches to suggest (possibly none).
    pub candidates: Vec<String>,
    /// Whether the word matches several values (listed in `candidates`).
    pub ambiguous: bool,
}

impl UnknownWord {
    /// `word` is no `kind` known, with no suggestion.
    pub fn new(kind: &'static str, word: &str) -> Self {
        UnknownWord {
            kind,
            word: word.to_string(),
            candidates: Vec::new(),
            ambiguous: false,
        }
    }
}

impl fmt::Display for UnknownWord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let list = self.candidates.join(", ");
        match (self.ambiguous, self.candidates.is_empty()) {
            (true, _) => write!(f, "ambiguous {} `{}`: one of {list}", self.kind, self.word),
            (false, true) => write!(f, "unknown {} `{}`", self.kind, self.word),
            (false, false) => write!(
                f,
                "unknown {} `{}` (did you mean {list}?)",
                self.kind, self.word
            ),
        }
    }
}

impl std::error::Error for UnknownWord {}

macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $name:ident, $kind:literal {
            $( $(#[$vmeta:meta])* $variant:ident = $text:literal $(=> $extra:expr)? ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[ $( $name::$variant, )+ ];

            /// The snake_case name used in mapping files, `Display` and JSON.
            pub const fn as_str(self) -> &'static str {
                match self { $( $name::$variant => $text, )+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = UnknownWord;
            fn from_str(s: &str) -> Result<Self, UnknownWord> {
                match s {
                    $( $text => Ok($name::$variant), )+
                    _ => Err(UnknownWord::new($kind, s)),
                }
            }
        }
    };
}

vocabulary! {
    /// Where a shipment stands, in one word a customer understands.
    Status, "status" {
        /// Nothing known, or only events we cannot map.
        Unknown = "unknown",
        /// The shipper announced the parcel; the carrier does not have it yet.
        InfoReceived = "info_received",
        /// The carrier has the parcel and is moving it.
        InTransit = "in_transit",
        /// On the vehicle for delivery today.
        OutForDelivery = "out_for_delivery",
        /// A delivery attempt failed; the carrier will usually try again or hold it.
        AttemptFailed = "attempt_failed",
        /// Waiting for the recipient at a pickup point, locker or carrier office.
        AvailableForPickup = "available_for_pickup",
        /// Handed over to the recipient (or where the recipient chose).
        Delivered = "delivered",
        /// Something stops normal progress (customs, damage, address, loss).
        Exception = "exception",
        /// The parcel goes, or went, back to the shipper.
        ReturnToSender = "return_to_sender",
        /// The shipment was cancelled before it moved.
        Cancelled = "cancelled",
        /// No news for too long; the tracking is considered stale.
        Expired = "expired",
    }
}

vocabulary! {
    /// A finer description under one [`Status`]; see [`Substatus::status`].
    Substatus, "substatus" {
        // unknown
        /// The carrier's code is not in our tables.
        Unmapped = "unmapped",
        // info_received
        /// A label was created; the parcel is not with the carrier yet.
        LabelCreated = "label_created",
        /// The shipper still has to hand the parcel over.
        AwaitingHandover = "awaiting_handover",
        /// A pickup from the shipper is booked.
        PickupScheduled = "pickup_scheduled",
        // in_transit
        /// The carrier collected the parcel from the shipper.
        PickedUp = "picked_up",
        /// The shipper dropped the parcel off at a carrier location.
        DroppedOff = "dropped_off",
        /// Arrived at a carrier facility (hub, depot, sorting center).
        ArrivedAtFacility = "arrived_at_facility",
        /// Left a carrier facility.
        DepartedFacility = "departed_facility",
        /// Moving, with no finer detail.
        InTransit = "in_transit",
        /// Reached the destination country.
        ArrivedInDestinationCountry = "arrived_in_destination_country",
        /// Customs (import or export) is processing the parcel.
        CustomsProcessing = "customs_processing",
        /// Customs released the parcel.
        CustomsCleared = "customs_cleared",
        /// Handed to another carrier (last mile, partner, postal operator).
        HandedToPartner = "handed_to_partner",
        /// Sent to a different address or pickup point.
        Redirected = "redirected",
        /// The recipient chose another delivery day or option.
        RescheduledByRecipient = "rescheduled_by_recipient",
        /// Moving, but later than planned.
        Delayed = "delayed",
        // out_for_delivery
        /// On the delivery vehicle.
        OutForDelivery = "out_for_delivery",
        // attempt_failed
        /// Nobody was there to receive the parcel.
        RecipientAbsent = "recipient_absent",
        /// The driver could not find the address.
        AddressNotFound = "address_not_found",
        /// The driver could not get to the door (gate, building, access).
        NoAccess = "no_access",
        /// A delivery notice or card was left.
        NoticeLeft = "notice_left",
        /// The attempt failed for another or unstated reason.
        AttemptFailed = "attempt_failed",
        // available_for_pickup
        /// At a shop or partner pickup point.
        AtPickupPoint = "at_pickup_point",
        /// In a parcel locker.
        AtLocker = "at_locker",
        /// At a carrier office, depot or post office counter.
        AtCarrierFacility = "at_carrier_facility",
        // delivered
        /// Delivered, no finer detail.
        Delivered = "delivered",
        /// Delivered to a neighbour.
        DeliveredToNeighbor = "delivered_to_neighbor",
        /// Left at a safe place, reception or agreed spot.
        DeliveredToSafePlace = "delivered_to_safe_place",
        /// Put in the mailbox or letterbox.
        DeliveredToMailbox = "delivered_to_mailbox",
        /// Delivered into a locker the recipient chose as address.
        DeliveredToLocker = "delivered_to_locker",
        /// Collected by the recipient at a pickup point, locker or office.
        CollectedByRecipient = "collected_by_recipient",
        /// Delivered against a signature.
        SignedFor = "signed_for",
        // exception
        /// Held by customs.
        CustomsHold = "customs_hold",
        /// Duties or taxes must be paid before delivery.
        DutiesDue = "duties_due",
        /// The address is wrong or incomplete.
        AddressProblem = "address_problem",
        /// The parcel is damaged.
        Damaged = "damaged",
        /// The carrier holds the parcel (for any reason not listed).
        HeldByCarrier = "held_by_carrier",
        /// The parcel is lost.
        Lost = "lost",
        /// The parcel was destroyed or disposed of.
        Disposed = "disposed",
        /// The parcel cannot be delivered.
        Undeliverable = "undeliverable",
        /// A security check holds the parcel.
        SecurityCheck = "security_check",
        /// Documents (invoice, customs papers) are missing.
        MissingDocuments = "missing_documents",
        /// Payment other than duties is due (postage, cash on delivery).
        PaymentDue = "payment_due",
        // return_to_sender
        /// The return to the shipper has started.
        ReturnInitiated = "return_initiated",
        /// The recipient refused the parcel.
        Refused = "refused",
        /// Not collected in time at a pickup point.
        NotCollected = "not_collected",
        /// On its way back to the shipper.
        ReturnInTransit = "return_in_transit",
        /// Back with the shipper. Never reported as delivered.
        ReturnedToShipper = "returned_to_shipper",
        // cancelled
        /// The shipment was cancelled.
        Cancelled = "cancelled",
        /// The label was voided.
        LabelVoided = "label_voided",
        // expired
        /// No update for longer than the carrier's usual gap.
        NoUpdates = "no_updates",
    }
}

impl Substatus {
    /// The [`Status`] this substatus belongs to.
    pub const fn status(self) -> Status {
        use Substatus::*;
        match self {
            Unmapped => Status::Unknown,
            LabelCreated | AwaitingHandover | PickupScheduled => Status::InfoReceived,
            PickedUp
            | DroppedOff
            | ArrivedAtFacility
            | DepartedFacility
            | InTransit
            | ArrivedInDestinationCountry
            | CustomsProcessing
            | CustomsCleared
            | HandedToPartner
            | Redirected
            | RescheduledByRecipient
            | Delayed => Status::InTransit,
            OutForDelivery => Status::OutForDelivery,
            RecipientAbsent | AddressNotFound | NoAccess | NoticeLeft | AttemptFailed => {
                Status::AttemptFailed
            }
            AtPickupPoint | AtLocker | AtCarrierFacility => Status::AvailableForPickup,
            Delivered | DeliveredToNeighbor | DeliveredToSafePlace | DeliveredToMailbox
            | DeliveredToLocker | CollectedByRecipient | SignedFor => Status::Delivered,
            CustomsHold | DutiesDue | AddressProblem | Damaged | HeldByCarrier | Lost
            | Disposed | Undeliverable | SecurityCheck | MissingDocuments | PaymentDue => {
                Status::Exception
            }
            ReturnInitiated | Refused | NotCollected | ReturnInTransit | ReturnedToShipper => {
                Status::ReturnToSender
            }
            Cancelled | LabelVoided => Status::Cancelled,
            NoUpdates => Status::Expired,
        }
    }
}

impl Status {
    /// The substatus used when an event says no more than this status.
    pub const fn default_substatus(self) -> Substatus {
        match self {
            Status::Unknown => Substatus::Unmapped,
            Status::InfoReceived => Substatus::LabelCreated,
            Status::InTransit => Substatus::InTransit,
            Status::OutForDelivery => Substatus::OutForDelivery,
            Status::AttemptFailed => Substatus::AttemptFailed,
            Status::AvailableForPickup => Substatus::AtCarrierFacility,
            Status::Delivered => Substatus::Delivered,
            Status::Exception => Substatus::HeldByCarrier,
            Status::ReturnToSender => Substatus::ReturnInTransit,
            Status::Cancelled => Substatus::Cancelled,
            Status::Expired => Substatus::NoUpdates,
        }
    }

    /// No further movement is expected (delivered, returned, cancelled, lost or disposed
    /// are judged by substatus in [`Substatus::is_terminal`]).
    pub const fn is_terminal(self) -> bool {
        matches!(self, Status::Delivered | Status::Cancelled)
    }
}

impl Substatus {
    /// No further movement is expected after this substatus.
    pub const fn is_terminal(self) -> bool {
        matches!(self.status(), Status::Delivered | Status::Cancelled)
            || matches!(
                self,
                Substatus::ReturnedToShipper | Substatus::Lost | Substatus::Disposed
            )
    }
}

/// Whose domain a [`Reason`] falls in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Owner {
    /// The person the parcel is for.
    Recipient,
    /// The webshop or sender.
    Shipper,
    /// The carrier's own operations.
    Carrier,
    /// Customs or another authority.
    Customs,
    /// Outside anyone's control: weather, strikes, holidays, force majeure.
    External,
}

/// Who must act now for the parcel to move on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// The recipient must do something (pay, show ID, collect, give an address).
    Recipient,
    /// The shipper must do something (fix the address, send documents, pay postage).
    Shipper,
    /// Nobody: the carrier handles it or it resolves by itself.
    Nobody,
}

vocabulary! {
    /// Why an event happened. See [`Reason::owner`] and [`Reason::action_required`].
    Reason, "reason" {
        // recipient
        /// Nobody was at the address.
        RecipientAbsent = "recipient_absent",
        /// The recipient refused the parcel.
        RecipientRefused = "recipient_refused",
        /// The recipient asked for another day, place or option.
        RecipientRequest = "recipient_request",
        /// The recipient moved or is unknown at the address.
        RecipientMoved = "recipient_moved",
        /// The business was closed.
        BusinessClosed = "business_closed",
        /// The recipient did not collect the parcel in time.
        NotCollected = "not_collected",
        /// The recipient must pay (cash on delivery, charges).
        PaymentRequired = "payment_required",
        /// The recipient must show identification or proof of age.
        IdRequired = "id_required",
        // shipper
        /// The address is wrong.
        AddressIncorrect = "address_incorrect",
        /// The address is incomplete (house number, unit, postal code).
        AddressIncomplete = "address_incomplete",
        /// Postage paid is too low.
        PostageInsufficient = "postage_insufficient",
        /// Packaging is inadequate.
        PackagingInsufficient = "packaging_insufficient",
        /// The contents are prohibited or restricted.
        ProhibitedContents = "prohibited_contents",
        /// Invoice, customs or other documents are missing or wrong.
        DocumentsMissing = "documents_missing",
        /// The shipper asked for it (hold, cancel, return).
        ShipperRequest = "shipper_request",
        /// The label is missing, unreadable or wrong.
        LabelProblem = "label_problem",
        // carrier
        /// A delay in the carrier's network (capacity, late arrival, missed connection).
        OperationalDelay = "operational_delay",
        /// Sent to the wrong place by the carrier.
        Missorted = "missorted",
        /// Damaged while with the carrier.
        DamagedInTransit = "damaged_in_transit",
        /// Lost or missing in the carrier's network.
        LostInTransit = "lost_in_transit",
        // customs
        /// Customs is inspecting or holding the parcel.
        CustomsInspection = "customs_inspection",
        /// Duties or import taxes are unpaid.
        DutiesUnpaid = "duties_unpaid",
        // external
        /// Weather or natural disaster.
        Weather = "weather",
        /// Strike or industrial action.
        Strike = "strike",
        /// A public holiday.
        Holiday = "holiday",
        /// Force majeure, civil unrest, public authority or security events.
        ForceMajeure = "force_majeure",
    }
}

impl Reason {
    /// Whose domain the reason falls in.
    pub const fn owner(self) -> Owner {
        use Reason::*;
        match self {
            RecipientAbsent | RecipientRefused | RecipientRequest | RecipientMoved
            | BusinessClosed | NotCollected | PaymentRequired | IdRequired => Owner::Recipient,
            AddressIncorrect
            | AddressIncomplete
            | PostageInsufficient
            | PackagingInsufficient
            | ProhibitedContents
            | DocumentsMissing
            | ShipperRequest
            | LabelProblem => Owner::Shipper,
            OperationalDelay | Missorted | DamagedInTransit | LostInTransit => Owner::Carrier,
            CustomsInspection | DutiesUnpaid => Owner::Customs,
            Weather | Strike | Holiday | ForceMajeure => Owner::External,
        }
    }

    /// Who must act now for the parcel to move on.
    pub const fn action_required(self) -> Action {
        use Reason::*;
        match self {
            PaymentRequired | IdRequired | DutiesUnpaid => Action::Recipient,
            AddressIncorrect
            | AddressIncomplete
            | PostageInsufficient
            | PackagingInsufficient
            | ProhibitedContents
            | DocumentsMissing
            | LabelProblem => Action::Shipper,
            _ => Action::Nobody,
        }
    }
}

/// What an event tells about the delivery date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum EtaHint {
    /// Nothing.
    #[default]
    None,
    /// Delivery is expected today (out for delivery).
    SameDay,
    /// Delivery is expected the next business day (re-attempt).
    NextBusinessDay,
    /// Delivery moves later by this many business days.
    Delayed {
        /// Fewest business days added.
        min: u8,
        /// Most business days added.
        max: u8,
    },
    /// The parcel waits for the recipient (pickup point, hold).
    AwaitingRecipient,
    /// No delivery will follow (delivered, returned, lost, cancelled).
    Final,
}

impl EtaHint {
    /// The words of the simple hints, in mapping files and JSON; `delayed` is
    /// written `delayed:MIN-MAX` in mapping files.
    pub const SIMPLE: &'static [(&'static str, EtaHint)] = &[
        ("none", EtaHint::None),
        ("same_day", EtaHint::SameDay),
        ("next_business_day", EtaHint::NextBusinessDay),
        ("awaiting_recipient", EtaHint::AwaitingRecipient),
        ("final", EtaHint::Final),
    ];

    /// The name of the hint's kind (`delayed` for any delay).
    pub const fn kind(self) -> &'static str {
        match self {
            EtaHint::None => "none",
            EtaHint::SameDay => "same_day",
            EtaHint::NextBusinessDay => "next_business_day",
            EtaHint::Delayed { .. } => "delayed",
            EtaHint::AwaitingRecipient => "awaiting_recipient",
            EtaHint::Final => "final",
        }
    }
}

impl fmt::Display for EtaHint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EtaHint::Delayed { min, max } => write!(f, "delayed:{min}-{max}"),
            other => f.write_str(other.kind()),
        }
    }
}

impl FromStr for EtaHint {
    type Err = UnknownWord;
    fn from_str(s: &str) -> Result<Self, UnknownWord> {
        if let Some((_, h)) = EtaHint::SIMPLE.iter().find(|(w, _)| *w == s) {
            return Ok(*h);
        }
        let bad = || UnknownWord::new("eta hint", s);
        let range = s.strip_prefix("delayed:").ok_or_else(bad)?;
        let (min, max) = range.split_once('-').ok_or_else(bad)?;
        let min: u8 = min.parse().map_err(|_| bad())?;
        let max: u8 = max.parse().map_err(|_| bad())?;
        if min > max {
            return Err(bad());
        }
        Ok(EtaHint::Delayed { min, max })
    }
}
