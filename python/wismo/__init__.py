"""wismo: normalize parcel carriers' tracking responses into one typed status model.

Python bindings of the ``wismo`` Rust crate: every answer comes from the crate
(parsers, code tables, classifier, notifications, messages); this package only
converts arguments and results. See ``README.md`` beside this package.
"""

from typing import TYPE_CHECKING

from ._native import (
    CARRIERS,
    LANGS,
    LOCALES,
    NOTIFICATION_KINDS,
    REASONS,
    STATUSES,
    SUBSTATUSES,
    Candidate,
    CarrierError,
    CustomerMessage,
    Error,
    Eta,
    EtaWindow,
    Event,
    Limits,
    Location,
    Notification,
    NotificationData,
    ParseError,
    TooLarge,
    Tracking,
    UnknownCarrier,
    Unsupported,
    __version__,
    classify,
    detect,
    message,
    notification_message,
    notifications,
    parse,
    parse_many,
)

if TYPE_CHECKING:  # the vocabulary's literal types, for annotations
    from ._native import (
        Body as Body,
        CustomerStep as CustomerStep,
        DelayCause as DelayCause,
        Direction as Direction,
        ErrorCategory as ErrorCategory,
        ErrorKind as ErrorKind,
        EtaSource as EtaSource,
        Lang as Lang,
        LocaleTag as LocaleTag,
        NotificationKind as NotificationKind,
        Reason as Reason,
        Status as Status,
        Substatus as Substatus,
        Urgency as Urgency,
    )

__all__ = [
    "CARRIERS",
    "LANGS",
    "LOCALES",
    "NOTIFICATION_KINDS",
    "REASONS",
    "STATUSES",
    "SUBSTATUSES",
    "Candidate",
    "CarrierError",
    "CustomerMessage",
    "Error",
    "Eta",
    "EtaWindow",
    "Event",
    "Limits",
    "Location",
    "Notification",
    "NotificationData",
    "ParseError",
    "TooLarge",
    "Tracking",
    "UnknownCarrier",
    "Unsupported",
    "__version__",
    "classify",
    "detect",
    "message",
    "notification_message",
    "notifications",
    "parse",
    "parse_many",
]
