'use strict'
// wismo for Node.js: a thin layer over the Rust crate (native.js loads the
// napi-rs addon). Every answer is the crate's own JSON, parsed into plain
// objects; crate errors become WismoError subclasses with the same fields.

const native = require('./native.js')

const MARK = '\u0001wismo:'

/** Reading a carrier response failed (the crate's `wismo::Error`). */
class WismoError extends Error {
  constructor(fields) {
    super(fields.message)
    this.name = new.target.name
    this.code = new.target.code
    this.kind = fields.kind
    this.category = fields.category
    this.carrier = fields.carrier ?? null
    for (const key of ['line', 'column', 'position', 'field', 'path', 'value', 'carrierCode', 'what', 'limit', 'id', 'candidates', 'ambiguous', 'found']) {
      this[key] = fields[key] ?? null
    }
  }
}
WismoError.code = 'WISMO_ERROR'

/** The body is not well-formed, or not the carrier's documented shape or values. */
class ParseError extends WismoError {}
ParseError.code = 'WISMO_PARSE_ERROR'
/** The body is the carrier's error answer (an error object, a SOAP fault). */
class CarrierError extends WismoError {}
CarrierError.code = 'WISMO_CARRIER_ERROR'
/** The body, or a part of it, exceeds a configured limit. */
class TooLarge extends WismoError {}
TooLarge.code = 'WISMO_TOO_LARGE'
/** wismo has a code table for the carrier but no parser for its format yet. */
class Unsupported extends WismoError {}
Unsupported.code = 'WISMO_UNSUPPORTED'
/** The carrier id is not known (see `carriers`). */
class UnknownCarrier extends WismoError {}
UnknownCarrier.code = 'WISMO_UNKNOWN_CARRIER'

/** Override mapping files have problems; `problems` lists each with its file and line. */
class MappingError extends WismoError {
  constructor(fields) {
    super(fields)
    this.problems = fields.problems ?? []
  }
}
MappingError.code = 'WISMO_MAPPING_ERROR'
/** `merge` refused to mix two parcels (another carrier or tracking number). */
class MergeError extends WismoError {}
MergeError.code = 'WISMO_MERGE_ERROR'

const BY_KIND = {
  mapping: MappingError,
  merge: MergeError,
  json: ParseError,
  xml: ParseError,
  missing_field: ParseError,
  timestamp: ParseError,
  invalid: ParseError,
  not_one_tracking: ParseError,
  carrier_error: CarrierError,
  too_large: TooLarge,
  unsupported: Unsupported,
  unknown_carrier: UnknownCarrier,
}
// A kind this package does not know yet: by its category.
const BY_CATEGORY = { syntax: ParseError, data: ParseError, carrier: CarrierError, limit: TooLarge }

function toError(fields) {
  const Class = BY_KIND[fields.kind] ?? BY_CATEGORY[fields.category] ?? WismoError
  return new Class(fields)
}

function isMarked(text) {
  return typeof text === 'string' && text.startsWith(MARK)
}

function call(fn) {
  try {
    return fn()
  } catch (e) {
    if (e instanceof Error && isMarked(e.message)) {
      throw toError(JSON.parse(e.message.slice(MARK.length)))
    }
    throw e
  }
}

/** One batch answer: trackings, or an error (thrown when `raise`). */
function batchResult(text, raise) {
  if (isMarked(text)) {
    const err = toError(JSON.parse(text.slice(MARK.length)))
    if (raise) throw err
    return err
  }
  return JSON.parse(text)
}

function toBuffer(body) {
  if (Buffer.isBuffer(body)) return body
  if (typeof body === 'string') return Buffer.from(body, 'utf8')
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength)
  throw new TypeError('body must be a Buffer, Uint8Array or string')
}

function splitItems(items) {
  const carriers = []
  const bodies = []
  for (const item of items) {
    const [carrier, body] = Array.isArray(item) ? item : [item.carrier, item.body]
    if (typeof carrier !== 'string') throw new TypeError('each item needs a carrier id string')
    carriers.push(carrier)
    bodies.push(toBuffer(body))
  }
  return [carriers, bodies]
}

function limitsOf(options) {
  return options?.limits ?? undefined
}

/** Parses one tracking response body of `carrier`'s API into its trackings. */
function parse(carrier, body, options) {
  const b = typeof body === 'string' || Buffer.isBuffer(body) ? body : toBuffer(body)
  return JSON.parse(call(() => native.parse(carrier, b, limitsOf(options))))
}

/** A body that holds exactly one tracking (`wismo::parse_one`); else a ParseError (`kind: 'not_one_tracking'`). */
function parseOne(carrier, body) {
  const b = typeof body === 'string' || Buffer.isBuffer(body) ? body : toBuffer(body)
  return JSON.parse(call(() => native.parseOne(carrier, b)))
}

/** Many bodies in one call, spread over the cores (blocks the event loop). */
function parseMany(items, options) {
  const [carriers, bodies] = splitItems(items)
  const raise = options?.raiseErrors ?? true
  return native.parseMany(carriers, bodies, limitsOf(options)).map((t) => batchResult(t, raise))
}

/** `parseMany` on worker threads: the event loop stays free. */
async function parseManyAsync(items, options) {
  const [carriers, bodies] = splitItems(items)
  const raise = options?.raiseErrors ?? true
  const out = await native.parseManyAsync(carriers, bodies, limitsOf(options))
  return out.map((t) => batchResult(t, raise))
}

/** `parse` on a worker thread. */
async function parseAsync(carrier, body, options) {
  const [out] = await native.parseManyAsync([carrier], [toBuffer(body)], limitsOf(options))
  return batchResult(out, true)
}

/** `Tracking::merge`: a new tracking, the older with the newer folded in. */
function merge(older, newer) {
  return JSON.parse(call(() => native.merge(JSON.stringify(older), JSON.stringify(newer))))
}

/**
 * The choices of one deployment (`wismo::Normalizer`): mapping overrides
 * (files in the format of `mappings/*.tsv`), limits, the language of
 * carriers' texts. Build once, use for every body.
 */
class Normalizer {
  constructor(options = {}) {
    const texts = options.overrideTexts ? Object.entries(options.overrideTexts) : undefined
    const languages = options.languages ? Object.entries(options.languages) : undefined
    this.#native = call(() => new native.NativeNormalizer(options.overrides ?? undefined, texts, options.limits ?? undefined, languages))
  }

  #native

  parse(carrier, body) {
    const b = typeof body === 'string' || Buffer.isBuffer(body) ? body : toBuffer(body)
    return JSON.parse(call(() => this.#native.parse(carrier, b)))
  }

  async parseAsync(carrier, body) {
    const [out] = await this.#native.parseManyAsync([carrier], [toBuffer(body)])
    return batchResult(out, true)
  }

  parseMany(items, options) {
    const [carriers, bodies] = splitItems(items)
    return this.#native.parseMany(carriers, bodies).map((t) => batchResult(t, options?.raiseErrors ?? true))
  }

  async parseManyAsync(items, options) {
    const [carriers, bodies] = splitItems(items)
    const out = await this.#native.parseManyAsync(carriers, bodies)
    return out.map((t) => batchResult(t, options?.raiseErrors ?? true))
  }

  /** A stored tracking with every event's meaning re-derived from the current tables and these overrides. */
  remap(tracking) {
    return JSON.parse(this.#native.remap(JSON.stringify(tracking)))
  }

  /** What `code` means for `carrier` (the crate's JSON of `Meaning`), or `null`. */
  lookup(carrier, code) {
    const out = call(() => this.#native.lookup(carrier, code))
    return out == null ? null : JSON.parse(out)
  }

  get overrideFiles() {
    return this.#native.overrideFiles()
  }
}

/** The carriers a tracking number (or a text containing one) may belong to, best first. */
function detect(text) {
  return JSON.parse(native.detect(String(text)))
}

/** Reads a carrier's free text: `{status, substatus, confidence}` or `null`. */
function classify(text, lang) {
  return native.classify(String(text), lang ?? undefined)
}

function iso(value, dateOnly) {
  if (value === undefined || value === null) return null
  if (value instanceof Date) return dateOnly ? value.toISOString().slice(0, 10) : value.toISOString()
  return String(value)
}

/** Which messages to send the customer now. */
function notifications(previous, current, options = {}) {
  const opts = {
    now: iso(options.now, false),
    previous_at: iso(options.previousAt, false),
    promised: iso(options.promised, true),
    min_delay_days: options.minDelayDays ?? 0,
  }
  return JSON.parse(
    native.notifications(previous == null ? undefined : JSON.stringify(previous), JSON.stringify(current), JSON.stringify(opts)),
  )
}

function messageOptions(options) {
  return JSON.stringify({ today: iso(options?.today, true) })
}

/** The customer's message for a tracking's current state. */
function message(tracking, locale = 'en', options) {
  return JSON.parse(native.message(JSON.stringify(tracking), locale, messageOptions(options)))
}

/** The customer's message for one notification. */
function notificationMessage(notification, locale = 'en', options) {
  return JSON.parse(native.notificationMessage(JSON.stringify(notification), locale, messageOptions(options)))
}

const vocabulary = JSON.parse(native.vocabulary())

module.exports = {
  version: vocabulary.version,
  carriers: Object.freeze(vocabulary.carriers),
  statuses: Object.freeze(vocabulary.statuses),
  substatuses: Object.freeze(vocabulary.substatuses),
  reasons: Object.freeze(vocabulary.reasons),
  langs: Object.freeze(vocabulary.langs),
  locales: Object.freeze(vocabulary.locales),
  notificationKinds: Object.freeze(vocabulary.notificationKinds),
  parse,
  parseOne,
  parseAsync,
  parseMany,
  parseManyAsync,
  merge,
  detect,
  classify,
  notifications,
  message,
  notificationMessage,
  WismoError,
  ParseError,
  CarrierError,
  TooLarge,
  Unsupported,
  UnknownCarrier,
  MappingError,
  MergeError,
  Normalizer,
}
// `import wismo from 'wismo'` (ESM) and `require('wismo').default` give the same object.
module.exports.default = module.exports
