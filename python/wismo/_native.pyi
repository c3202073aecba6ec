"""Type stubs for the native module of wismo (``wismo._native``).

Vocabulary values are the crate's snake_case strings; times are the crate's
RFC 3339 strings (local wall time, plus the UTC offset when the carrier gave
one). ``tests/test_typing.py`` checks these literals against the crate.
"""

import datetime
import os
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal, Optional, Union, overload

from typing_extensions import TypeAlias

Status: TypeAlias = Literal[
    "unknown",
    "info_received",
    "in_transit",
    "out_for_delivery",
    "attempt_failed",
    "available_for_pickup",
    "delivered",
    "exception",
    "return_to_sender",
    "cancelled",
    "expired",
]

Substatus: TypeAlias = Literal[
    "unmapped",
    "label_created",
    "awaiting_handover",
    "pickup_scheduled",
    "picked_up",
    "dropped_off",
    "arrived_at_facility",
    "departed_facility",
    "in_transit",
    "arrived_in_destination_country",
    "customs_processing",
    "customs_cleared",
    "handed_to_partner",
    "redirected",
    "rescheduled_by_recipient",
    "delayed",
    "out_for_delivery",
    "recipient_absent",
    "address_not_found",
    "no_access",
    "notice_left",
    "attempt_failed",
    "at_pickup_point",
    "at_locker",
    "at_carrier_facility",
    "delivered",
    "delivered_to_neighbor",
    "delivered_to_safe_place",
    "delivered_to_mailbox",
    "delivered_to_locker",
    "collected_by_recipient",
    "signed_for",
    "customs_hold",
    "duties_due",
    "address_problem",
    "damaged",
    "held_by_carrier",
    "lost",
    "disposed",
    "undeliverable",
    "security_check",
    "missing_documents",
    "payment_due",
    "return_initiated",
    "refused",
    "not_collected",
    "return_in_transit",
    "returned_to_shipper",
    "cancelled",
    "label_voided",
    "no_updates",
]

Reason: TypeAlias = Literal[
    "recipient_absent",
    "recipient_refused",
    "recipient_request",
    "recipient_moved",
    "business_closed",
    "not_collected",
    "payment_required",
    "id_required",
    "address_incorrect",
    "address_incomplete",
    "postage_insufficient",
    "packaging_insufficient",
    "prohibited_contents",
    "documents_missing",
    "shipper_request",
    "label_problem",
    "operational_delay",
    "missorted",
    "damaged_in_transit",
    "lost_in_transit",
    "customs_inspection",
    "duties_unpaid",
    "weather",
    "strike",
    "holiday",
    "force_majeure",
]

Lang: TypeAlias = Literal[
    "en",
    "nl",
    "de",
    "fr",
    "sv",
    "es",
    "it",
    "pl",
]

LocaleTag: TypeAlias = Literal[
    "en",
    "nl",
    "de",
    "fr",
    "sv",
    "es",
    "it",
    "pl",
    "da",
    "nb",
]

NotificationKind: TypeAlias = Literal[
    "shipped",
    "out_for_delivery",
    "attempt_failed",
    "available_for_pickup",
    "delayed",
    "action_required",
    "returning_to_sender",
    "delivered",
    "stalled",
]
Direction: TypeAlias = Literal["forward", "return"]
EtaSource: TypeAlias = Literal["carrier", "hint", "model"]
Urgency: TypeAlias = Literal["info", "important", "urgent"]
DelayCause: TypeAlias = Literal["eta_moved", "past_promised_date"]
CustomerStep: TypeAlias = Literal[
    "wait_for_retry",
    "follow_notice",
    "reschedule",
    "collect",
    "confirm_address",
    "give_access",
    "pay_duties",
    "pay_charges",
    "show_id",
    "shop_sends_documents",
    "contact_carrier",
]
ErrorKind: TypeAlias = Literal[
    "json",
    "xml",
    "missing_field",
    "timestamp",
    "invalid",
    "carrier_error",
    "too_large",
    "unsupported",
    "unknown_carrier",
    "not_one_tracking",
    "other",
]
ErrorCategory: TypeAlias = Literal["syntax", "data", "carrier", "limit", "usage"]
Body: TypeAlias = Union[bytes, str]
DateArg: TypeAlias = Union[datetime.date, str, None]
DateTimeArg: TypeAlias = Union[datetime.datetime, str, None]

__version__: str
CARRIERS: list[str]
STATUSES: list[Status]
SUBSTATUSES: list[Substatus]
REASONS: list[Reason]
LANGS: list[Lang]
LOCALES: list[LocaleTag]
NOTIFICATION_KINDS: list[NotificationKind]

class Error(Exception):
    """Reading a carrier response failed; the fields of ``wismo::Error``.

    Fields a variant does not have are ``None``.
    """

    kind: ErrorKind
    category: ErrorCategory
    carrier: Optional[str]
    message: str
    line: Optional[int]
    column: Optional[int]
    position: Optional[int]
    field: Optional[str]
    path: Optional[str]
    value: Optional[str]
    carrier_code: Optional[str]
    what: Optional[str]
    limit: Optional[int]
    id: Optional[str]
    candidates: Optional[list[str]]
    """For ``UnknownCarrier``: every carrier an ambiguous name means, or near matches."""
    ambiguous: Optional[bool]
    found: Optional[int]
    """For ``kind == "not_one_tracking"``: how many trackings the body holds."""

class MappingError(ValueError):
    """Override mapping files have problems, each with its file and line."""

    problems: list[tuple[str, int, str]]

class MergeError(ValueError):
    """``Tracking.merge`` refused to mix two parcels (another carrier or tracking number)."""

class ParseError(Error): ...
class CarrierError(Error): ...
class TooLarge(Error): ...
class Unsupported(Error): ...
class UnknownCarrier(Error): ...

class Location:
    @property
    def city(self) -> Optional[str]: ...
    @property
    def postal_code(self) -> Optional[str]: ...
    @property
    def country(self) -> Optional[str]: ...
    @property
    def name(self) -> Optional[str]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self, indent: Optional[int] = None) -> str: ...

class EtaWindow:
    @property
    def earliest(self) -> str: ...
    @property
    def latest(self) -> str: ...
    @property
    def source(self) -> EtaSource: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self, indent: Optional[int] = None) -> str: ...

class Eta:
    @property
    def original(self) -> Optional[EtaWindow]: ...
    @property
    def current(self) -> Optional[EtaWindow]: ...
    @property
    def carrier_as_of(self) -> Optional[str]: ...
    def moved_days(self) -> Optional[int]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self, indent: Optional[int] = None) -> str: ...

class Event:
    @property
    def time(self) -> Optional[str]:
        """As in the crate's JSON: local wall time, plus the offset when known."""
    @property
    def time_local(self) -> Optional[str]:
        """The carrier's local wall time, without offset."""
    @property
    def time_utc(self) -> Optional[str]:
        """The instant in UTC (``...Z``), when the carrier gave an offset."""
    @property
    def code(self) -> str: ...
    @property
    def reason_code(self) -> Optional[str]: ...
    @property
    def description(self) -> str: ...
    @property
    def status(self) -> Status: ...
    @property
    def substatus(self) -> Substatus: ...
    @property
    def reason(self) -> Optional[Reason]: ...
    @property
    def eta(self) -> str:
        """``none``, ``same_day``, ``next_business_day``, ``delayed:MIN-MAX``, ``awaiting_recipient`` or ``final``."""
    @property
    def mapped(self) -> bool: ...
    @property
    def classified(self) -> bool: ...
    @property
    def mapping_key(self) -> Optional[str]: ...
    @property
    def override_source(self) -> Optional[tuple[str, int]]:
        """The override file and line that answered, when an override did (see ``Normalizer``)."""
    @property
    def unknown_words(self) -> list[str]:
        """Vocabulary words of stored JSON this version does not know, as ``field=word``."""
    @property
    def location(self) -> Location: ...
    @property
    def direction(self) -> Direction: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self, indent: Optional[int] = None) -> str: ...

class Tracking:
    @property
    def carrier(self) -> str: ...
    @property
    def tracking_number(self) -> str: ...
    @property
    def status(self) -> Status: ...
    @property
    def substatus(self) -> Substatus: ...
    @property
    def estimated_delivery(self) -> Optional[EtaWindow]: ...
    @property
    def delivered_at(self) -> Optional[str]: ...
    @property
    def direction(self) -> Direction: ...
    @property
    def return_label(self) -> bool: ...
    @property
    def failed_attempts(self) -> int: ...
    @property
    def first_scan_at(self) -> Optional[str]: ...
    @property
    def pickup_since(self) -> Optional[str]: ...
    @property
    def pickup_deadline(self) -> Optional[str]: ...
    @property
    def eta(self) -> Eta: ...
    @property
    def origin(self) -> Optional[Location]: ...
    @property
    def destination(self) -> Optional[Location]: ...
    @property
    def events(self) -> list[Event]: ...
    def current_event(self) -> Optional[Event]: ...
    def is_terminal(self) -> bool: ...
    def merge(self, newer: Tracking) -> None:
        """Folds a newer response's tracking of the same parcel into this one, in place.

        Raises ``MergeError`` for another carrier or tracking number (nothing changes).
        """
    def as_return_label(self) -> Tracking: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self, indent: Optional[int] = None) -> str: ...
    @staticmethod
    def from_json(text: Body) -> Tracking: ...
    def __copy__(self) -> Tracking: ...
    def __deepcopy__(self, memo: Any) -> Tracking: ...

class Limits:
    def __init__(
        self,
        *,
        max_body_bytes: Optional[int] = None,
        max_depth: Optional[int] = None,
        max_events: Optional[int] = None,
    ) -> None: ...
    @property
    def max_body_bytes(self) -> int: ...
    @property
    def max_depth(self) -> int: ...
    @property
    def max_events(self) -> int: ...
    def to_dict(self) -> dict[str, Any]: ...

class Candidate:
    @property
    def carrier(self) -> str: ...
    @property
    def format(self) -> str: ...
    @property
    def confidence(self) -> float: ...
    @property
    def normalized(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self, indent: Optional[int] = None) -> str: ...

class NotificationData:
    @property
    def carrier(self) -> str: ...
    @property
    def tracking_number(self) -> str: ...
    @property
    def status(self) -> Status: ...
    @property
    def substatus(self) -> Substatus: ...
    @property
    def reason(self) -> Optional[Reason]: ...
    @property
    def time(self) -> Optional[str]: ...
    @property
    def place(self) -> Optional[Location]: ...
    @property
    def carrier_text(self) -> Optional[str]: ...
    @property
    def eta(self) -> Optional[EtaWindow]: ...
    @property
    def previous_eta(self) -> Optional[EtaWindow]: ...
    @property
    def promised(self) -> Optional[str]: ...
    @property
    def delay(self) -> Optional[DelayCause]: ...
    @property
    def pickup_deadline(self) -> Optional[str]: ...
    @property
    def attempts(self) -> int: ...
    @property
    def next_step(self) -> Optional[CustomerStep]: ...
    @property
    def silent_days(self) -> Optional[int]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self, indent: Optional[int] = None) -> str: ...

class Notification:
    @property
    def kind(self) -> NotificationKind: ...
    @property
    def urgency(self) -> Urgency: ...
    @property
    def milestone(self) -> str: ...
    @property
    def data(self) -> NotificationData: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self, indent: Optional[int] = None) -> str: ...

class CustomerMessage:
    @property
    def title(self) -> str: ...
    @property
    def body(self) -> str: ...
    @property
    def action(self) -> Optional[str]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self, indent: Optional[int] = None) -> str: ...

class Normalizer:
    """The choices of one deployment (``wismo::Normalizer``): mapping overrides
    (files in the format of ``mappings/*.tsv``), resource limits, and the
    language of carriers' texts. Built once, shared by threads."""

    def __init__(
        self,
        overrides: Optional[Sequence[Union[str, os.PathLike[str]]]] = None,
        *,
        override_texts: Optional[Mapping[str, str]] = None,
        limits: Optional[Limits] = None,
        languages: Optional[Mapping[str, Lang]] = None,
    ) -> None:
        """``overrides``: paths of override files; ``override_texts``: file name
        to text (later wins); ``languages``: carrier id to language tag.
        Raises ``MappingError`` naming every problem's file and line."""
    def parse(self, carrier: str, body: Body) -> list[Tracking]: ...
    @overload
    def parse_many(
        self, items: Iterable[tuple[str, Body]], *, raise_errors: Literal[True] = True
    ) -> list[list[Tracking]]: ...
    @overload
    def parse_many(
        self, items: Iterable[tuple[str, Body]], *, raise_errors: Literal[False]
    ) -> list[Union[list[Tracking], Error]]: ...
    @overload
    def parse_many(
        self, items: Iterable[tuple[str, Body]], *, raise_errors: bool
    ) -> list[Union[list[Tracking], Error]]: ...
    def remap(self, tracking: Tracking) -> None:
        """Re-derives every event's meaning of a stored tracking (in place)."""
    def lookup(self, carrier: str, code: str) -> Optional[dict[str, Any]]:
        """What ``code`` means for ``carrier`` (the crate's JSON of ``Meaning``), or ``None``."""
    @property
    def limits(self) -> Limits: ...
    @property
    def override_files(self) -> list[str]: ...
    def language(self, carrier: str) -> Optional[Lang]: ...

def parse(carrier: str, body: Body, *, limits: Optional[Limits] = None) -> list[Tracking]:
    """Parses one tracking response body of ``carrier``'s API into its trackings."""

def parse_one(carrier: str, body: Body) -> Tracking:
    """A body that holds exactly one tracking; else ``ParseError`` (``kind == "not_one_tracking"``)."""

@overload
def parse_many(
    items: Iterable[tuple[str, Body]],
    *,
    raise_errors: Literal[True] = True,
    limits: Optional[Limits] = None,
) -> list[list[Tracking]]: ...
@overload
def parse_many(
    items: Iterable[tuple[str, Body]],
    *,
    raise_errors: Literal[False],
    limits: Optional[Limits] = None,
) -> list[Union[list[Tracking], Error]]: ...
@overload
def parse_many(
    items: Iterable[tuple[str, Body]],
    *,
    raise_errors: bool,
    limits: Optional[Limits] = None,
) -> list[Union[list[Tracking], Error]]: ...
def detect(text: str) -> list[Candidate]: ...
def classify(text: str, lang: Optional[Lang] = None) -> Optional[tuple[Status, Substatus, float]]: ...
def notifications(
    previous: Optional[Tracking],
    current: Tracking,
    *,
    now: DateTimeArg = None,
    previous_at: DateTimeArg = None,
    promised: DateArg = None,
    min_delay_days: int = 0,
) -> list[Notification]: ...
def message(tracking: Tracking, locale: LocaleTag = "en", *, today: DateArg = None) -> CustomerMessage: ...
def notification_message(
    notification: Notification, locale: LocaleTag = "en", *, today: DateArg = None
) -> CustomerMessage: ...
