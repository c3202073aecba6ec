// ES module entry: the same API as index.js.
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const wismo = require('./index.js')

export const {
  version,
  carriers,
  statuses,
  substatuses,
  reasons,
  langs,
  locales,
  notificationKinds,
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
} = wismo
export default wismo
