// Type definitions for wismo (Node.js). Objects are the crate's JSON: field
// names are snake_case as in `wismo`'s serde output; vocabulary values are
// its snake_case strings; times are RFC 3339 strings (the carrier's local wall
// time, plus its UTC offset when the carrier gave one).
// test/types.test.js checks the literal unions below against the crate.

export type Status =
  | 'unknown'
  | 'info_received'
  | 'in_transit'
  | 'out_for_delivery'
  | 'attempt_failed'
  | 'available_for_pickup'
  | 'delivered'
  | 'exception'
  | 'return_to_sender'
  | 'cancelled'
  | 'expired'

export type Substatus =
  | 'unmapped'
  | 'label_created'
  | 'awaiting_handover'
  | 'pickup_scheduled'
  | 'picked_up'
  | 'dropped_off'
  | 'arrived_at_facility'
  | 'departed_facility'
  | 'in_transit'
  | 'arrived_in_destination_country'
  | 'customs_processing'
  | 'customs_cleared'
  | 'handed_to_partner'
  | 'redirected'
  | 'rescheduled_by_recipient'
  | 'delayed'
  | 'out_for_delivery'
  | 'recipient_absent'
  | 'address_not_found'
  | 'no_access'
  | 'notice_left'
  | 'attempt_failed'
  | 'at_pickup_point'
  | 'at_locker'
  | 'at_carrier_facility'
  | 'delivered'
  | 'delivered_to_neighbor'
  | 'delivered_to_safe_place'
  | 'delivered_to_mailbox'
  | 'delivered_to_locker'
  | 'collected_by_recipient'
  | 'signed_for'
  | 'customs_hold'
  | 'duties_due'
  | 'address_problem'
  | 'damaged'
  | 'held_by_carrier'
  | 'lost'
  | 'disposed'
  | 'undeliverable'
  | 'security_check'
  | 'missing_documents'
  | 'payment_due'
  | 'return_initiated'
  | 'refused'
  | 'not_collected'
  | 'return_in_transit'
  | 'returned_to_shipper'
  | 'cancelled'
  | 'label_voided'
  | 'no_updates'

export type Reason =
  | 'recipient_absent'
  | 'recipient_refused'
  | 'recipient_request'
  | 'recipient_moved'
  | 'business_closed'
  | 'not_collected'
  | 'payment_required'
  | 'id_required'
  | 'address_incorrect'
  | 'address_incomplete'
  | 'postage_insufficient'
  | 'packaging_insufficient'
  | 'prohibited_contents'
  | 'documents_missing'
  | 'shipper_request'
  | 'label_problem'
  | 'operational_delay'
  | 'missorted'
  | 'damaged_in_transit'
  | 'lost_in_transit'
  | 'customs_inspection'
  | 'duties_unpaid'
  | 'weather'
  | 'strike'
  | 'holiday'
  | 'force_majeure'

export type Lang =
  | 'en'
  | 'nl'
  | 'de'
  | 'fr'
  | 'sv'
  | 'es'
  | 'it'
  | 'pl'

export type LocaleTag =
  | 'en'
  | 'nl'
  | 'de'
  | 'fr'
  | 'sv'
  | 'es'
  | 'it'
  | 'pl'
  | 'da'
  | 'nb'

export type NotificationKind =
  | 'shipped'
  | 'out_for_delivery'
  | 'attempt_failed'
  | 'available_for_pickup'
  | 'delayed'
  | 'action_required'
  | 'returning_to_sender'
  | 'delivered'
  | 'stalled'

export type CustomerStep =
  | 'wait_for_retry'
  | 'follow_notice'
  | 'reschedule'
  | 'collect'
  | 'confirm_address'
  | 'give_access'
  | 'pay_duties'
  | 'pay_charges'
  | 'show_id'
  | 'shop_sends_documents'
  | 'contact_carrier'
export type Direction = 'forward' | 'return'
export type EtaSource = 'carrier' | 'hint' | 'model'
export type Urgency = 'info' | 'important' | 'urgent'
export type DelayCause = 'eta_moved' | 'past_promised_date'
/** `none`, `same_day`, `next_business_day`, `delayed:MIN-MAX`, `awaiting_recipient` or `final`. */
export type EtaHint = 'none' | 'same_day' | 'next_business_day' | 'awaiting_recipient' | 'final' | `delayed:${number}-${number}`
/** An RFC 3339 time: `2022-01-26T16:30:00-05:00`, or without offset when the carrier gave none. */
export type EventTime = string

export interface Location {
  city?: string | null
  postal_code?: string | null
  country?: string | null
  name?: string | null
}

export interface EtaWindow {
  earliest: EventTime
  latest: EventTime
  source: EtaSource
}

export interface Eta {
  original: EtaWindow | null
  current: EtaWindow | null
  carrier_as_of: EventTime | null
}

export interface Event {
  time: EventTime | null
  /** The carrier's raw event code (empty when the carrier sends text only). */
  code: string
  reason_code?: string
  /** The carrier's own text. */
  description: string
  status: Status
  substatus: Substatus
  reason?: Reason
  eta: EtaHint
  /** Whether the code was found in the carrier's table. */
  mapped: boolean
  /** Present (true) when the meaning was read from the text. */
  classified?: boolean
  mapping_key?: string
  /** The override file and line that answered, when an override did (see `Normalizer`). */
  override_source?: { file: string; line: number }
  location?: Location
  direction: Direction
  /** Vocabulary words of stored JSON this version does not know, as `field=word`. */
  unknown_words?: string[]
}

export interface Tracking {
  carrier: string
  tracking_number: string
  status: Status
  substatus: Substatus
  estimated_delivery: EtaWindow | null
  delivered_at: EventTime | null
  direction: Direction
  return_label: boolean
  failed_attempts: number
  first_scan_at: EventTime | null
  pickup_since: EventTime | null
  pickup_deadline: EventTime | null
  eta: Eta
  origin: Location | null
  destination: Location | null
  /** Every event of the body, mapped or not, oldest first. */
  events: Event[]
}

export interface Candidate {
  carrier: string
  format: string
  confidence: number
  normalized: string
}

export interface Classified {
  status: Status
  substatus: Substatus
  confidence: number
}

export interface NotificationData {
  carrier: string
  tracking_number: string
  status: Status
  substatus: Substatus
  reason?: Reason
  time?: EventTime
  place?: Location
  carrier_text?: string
  eta?: EtaWindow
  previous_eta?: EtaWindow
  /** `YYYY-MM-DD`. */
  promised?: string
  delay?: DelayCause
  pickup_deadline?: EventTime
  attempts: number
  next_step?: CustomerStep
  silent_days?: number
}

export interface Notification {
  kind: NotificationKind
  urgency: Urgency
  milestone: string
  data: NotificationData
}

export interface CustomerMessage {
  title: string
  body: string
  action?: string
}

/** Resource limits; an absent field keeps the crate's default. */
export interface Limits {
  maxBodyBytes?: number
  maxDepth?: number
  maxEvents?: number
}

export interface ParseOptions {
  limits?: Limits
}

export interface BatchOptions extends ParseOptions {
  /** Throw the first error (default), or give each failed body its error in its place. */
  raiseErrors?: boolean
}

export type Body = Buffer | Uint8Array | string
export type BatchItem = readonly [carrier: string, body: Body] | { carrier: string; body: Body }

export interface NotifyOptions {
  now?: Date | string | null
  previousAt?: Date | string | null
  /** A date (`YYYY-MM-DD` or a Date, its UTC day). */
  promised?: Date | string | null
  minDelayDays?: number
}

export interface MessageOptions {
  /** A date (`YYYY-MM-DD` or a Date, its UTC day). */
  today?: Date | string | null
}

export type ErrorKind =
  | 'json'
  | 'xml'
  | 'missing_field'
  | 'timestamp'
  | 'invalid'
  | 'carrier_error'
  | 'too_large'
  | 'unsupported'
  | 'unknown_carrier'
  | 'not_one_tracking'
  | 'mapping'
  | 'merge'
  | 'other'
export type ErrorCategory = 'syntax' | 'data' | 'carrier' | 'limit' | 'usage'
export type ErrorCode =
  | 'WISMO_ERROR'
  | 'WISMO_PARSE_ERROR'
  | 'WISMO_CARRIER_ERROR'
  | 'WISMO_TOO_LARGE'
  | 'WISMO_UNSUPPORTED'
  | 'WISMO_UNKNOWN_CARRIER'
  | 'WISMO_MAPPING_ERROR'
  | 'WISMO_MERGE_ERROR'

/** Reading a carrier response failed; the fields of `wismo::Error` (`null` where a kind has none). */
export class WismoError extends Error {
  readonly code: ErrorCode
  readonly kind: ErrorKind
  readonly category: ErrorCategory
  readonly carrier: string | null
  readonly line: number | null
  readonly column: number | null
  readonly position: number | null
  readonly field: string | null
  readonly path: string | null
  readonly value: string | null
  readonly carrierCode: string | null
  readonly what: string | null
  readonly limit: number | null
  readonly id: string | null
  /** For UnknownCarrier: every carrier an ambiguous name means, or near matches. */
  readonly candidates: string[] | null
  readonly ambiguous: boolean | null
  /** For kind 'not_one_tracking': how many trackings the body holds. */
  readonly found: number | null
  static readonly code: ErrorCode
}
export class ParseError extends WismoError {}
export class CarrierError extends WismoError {}
export class TooLarge extends WismoError {}
export class Unsupported extends WismoError {}
export class UnknownCarrier extends WismoError {}
/** Override mapping files have problems, each with its file and line. */
export class MappingError extends WismoError {
  readonly problems: Array<{ file: string; line: number; message: string }>
}
/** `merge` refused to mix two parcels (another carrier or tracking number). */
export class MergeError extends WismoError {}

/** The meaning a lookup found (the crate's `Meaning`). */
export interface Meaning {
  code: string
  status: Status
  substatus: Substatus
  reason: Reason | null
  eta: EtaHint
  description: string
  coarse: boolean
  source: { file: string; line: number } | null
  shipped_line: number | null
}

export interface NormalizerOptions {
  /** Paths of override files (the format of `mappings/*.tsv`). */
  overrides?: string[]
  /** File name to text; a later entry wins over an earlier one and over the files. */
  overrideTexts?: Record<string, string>
  limits?: Limits
  /** Carrier id to the language its texts are in. */
  languages?: Partial<Record<string, Lang>>
}

/** The choices of one deployment (`wismo::Normalizer`): overrides, limits, languages. Throws `MappingError`. */
export class Normalizer {
  constructor(options?: NormalizerOptions)
  parse(carrier: string, body: Body): Tracking[]
  parseAsync(carrier: string, body: Body): Promise<Tracking[]>
  parseMany(items: Iterable<BatchItem>, options?: { raiseErrors?: true }): Tracking[][]
  parseMany(items: Iterable<BatchItem>, options: { raiseErrors?: boolean }): Array<Tracking[] | WismoError>
  parseManyAsync(items: Iterable<BatchItem>, options?: { raiseErrors?: true }): Promise<Tracking[][]>
  parseManyAsync(items: Iterable<BatchItem>, options: { raiseErrors?: boolean }): Promise<Array<Tracking[] | WismoError>>
  /** A stored tracking with every event's meaning re-derived from the current tables and these overrides. */
  remap(tracking: Tracking): Tracking
  lookup(carrier: string, code: string): Meaning | null
  readonly overrideFiles: string[]
}

export const version: string
export const carriers: readonly string[]
export const statuses: readonly Status[]
export const substatuses: readonly Substatus[]
export const reasons: readonly Reason[]
export const langs: readonly Lang[]
export const locales: readonly LocaleTag[]
export const notificationKinds: readonly NotificationKind[]

/** Parses one tracking response body of `carrier`'s API into its trackings. */
export function parse(carrier: string, body: Body, options?: ParseOptions): Tracking[]
/** A body that holds exactly one tracking; else a ParseError with kind 'not_one_tracking'. */
export function parseOne(carrier: string, body: Body): Tracking
/** `parse` on a worker thread. */
export function parseAsync(carrier: string, body: Body, options?: ParseOptions): Promise<Tracking[]>
/** Many bodies in one call, spread over the cores (blocks the event loop while it runs). */
export function parseMany(items: Iterable<BatchItem>, options?: ParseOptions & { raiseErrors?: true }): Tracking[][]
export function parseMany(items: Iterable<BatchItem>, options: BatchOptions): Array<Tracking[] | WismoError>
/** `parseMany` on worker threads: the event loop stays free. */
export function parseManyAsync(items: Iterable<BatchItem>, options?: ParseOptions & { raiseErrors?: true }): Promise<Tracking[][]>
export function parseManyAsync(items: Iterable<BatchItem>, options: BatchOptions): Promise<Array<Tracking[] | WismoError>>
/** `Tracking::merge`: a new tracking, the older with the newer folded in. */
export function merge(older: Tracking, newer: Tracking): Tracking
export function detect(text: string): Candidate[]
export function classify(text: string, lang?: Lang | null): Classified | null
export function notifications(previous: Tracking | null | undefined, current: Tracking, options?: NotifyOptions): Notification[]
export function message(tracking: Tracking, locale?: LocaleTag, options?: MessageOptions): CustomerMessage
export function notificationMessage(notification: Notification, locale?: LocaleTag, options?: MessageOptions): CustomerMessage

declare const wismo: {
  version: typeof version
  carriers: typeof carriers
  statuses: typeof statuses
  substatuses: typeof substatuses
  reasons: typeof reasons
  langs: typeof langs
  locales: typeof locales
  notificationKinds: typeof notificationKinds
  parse: typeof parse
  parseOne: typeof parseOne
  parseAsync: typeof parseAsync
  parseMany: typeof parseMany
  parseManyAsync: typeof parseManyAsync
  merge: typeof merge
  detect: typeof detect
  classify: typeof classify
  notifications: typeof notifications
  message: typeof message
  notificationMessage: typeof notificationMessage
  WismoError: typeof WismoError
  ParseError: typeof ParseError
  CarrierError: typeof CarrierError
  TooLarge: typeof TooLarge
  Unsupported: typeof Unsupported
  UnknownCarrier: typeof UnknownCarrier
  MappingError: typeof MappingError
  MergeError: typeof MergeError
  Normalizer: typeof Normalizer
}
export default wismo
