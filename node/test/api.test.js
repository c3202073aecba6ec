'use strict'
const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const wismo = require('..')
const { FIXTURES } = require('./helpers.js')

const fedex = fs.readFileSync(path.join(FIXTURES, 'fedex', 'delivered.json'))

test('version follows the crate', () => {
  assert.equal(wismo.version, '0.1.0')
  assert.equal(require('../package.json').version, wismo.version)
})

test('plain objects with the crate JSON', () => {
  const [t] = wismo.parse('fedex', fedex)
  assert.equal(t.status, 'delivered')
  assert.equal(t.delivered_at, '2024-08-20T12:41:57-04:00')
  assert.equal(t.events.at(-1).code, 'DL')
  assert.equal(Object.getPrototypeOf(t), Object.prototype)
  assert.deepEqual(wismo.parse('fedex', new Uint8Array(fedex)), [t])
})

test('errors are Error subclasses with a code and the fields', () => {
  assert.throws(() => wismo.parse('fedex', '{"output": '), (e) => {
    assert.ok(e instanceof wismo.ParseError && e instanceof wismo.WismoError && e instanceof Error)
    assert.equal(e.code, 'WISMO_PARSE_ERROR')
    assert.equal(e.name, 'ParseError')
    assert.equal(e.kind, 'json')
    assert.equal(e.category, 'syntax')
    assert.equal(e.carrier, 'fedex')
    assert.equal(e.line, 1)
    assert.ok(e.column > 0)
    assert.equal(e.limit, null)
    return true
  })
  assert.throws(() => wismo.parse('canada_post', '<a><b></a>'), (e) => e.kind === 'xml' && typeof e.position === 'number')
  assert.throws(() => wismo.parse('fedex', fs.readFileSync(path.join(FIXTURES, 'fedex', 'error.json'))), (e) => {
    assert.ok(e instanceof wismo.CarrierError)
    assert.equal(e.code, 'WISMO_CARRIER_ERROR')
    assert.ok(e.carrierCode)
    return true
  })
  assert.throws(() => wismo.parse('fedex', fedex, { limits: { maxBodyBytes: 100 } }), (e) => {
    assert.ok(e instanceof wismo.TooLarge)
    assert.equal(e.code, 'WISMO_TOO_LARGE')
    assert.equal(e.what, 'body bytes')
    assert.equal(e.limit, 100)
    return true
  })
  assert.throws(() => wismo.parse('nope', '{}'), (e) => e instanceof wismo.UnknownCarrier && e.id === 'nope' && e.carrier === null)
  assert.throws(() => wismo.parse('upu', '{}'), (e) => e instanceof wismo.Unsupported && e.code === 'WISMO_UNSUPPORTED')
  assert.throws(() => wismo.parseMany([['fedex']]), TypeError)
})

test('batches: errors thrown or in place; async keeps the event loop free', async () => {
  const items = [['fedex', fedex], { carrier: 'ups', body: 'not json' }]
  assert.throws(() => wismo.parseMany(items), wismo.ParseError)
  await assert.rejects(wismo.parseManyAsync(items), wismo.ParseError)
  const [ok, bad] = await wismo.parseManyAsync(items, { raiseErrors: false })
  assert.equal(ok[0].status, 'delivered')
  assert.ok(bad instanceof wismo.ParseError)
  assert.deepEqual(await wismo.parseAsync('fedex', fedex), wismo.parse('fedex', fedex))

  let ticks = 0
  const timer = setInterval(() => ticks++, 1)
  const big = await wismo.parseManyAsync(Array(20000).fill(['fedex', fedex]))
  clearInterval(timer)
  assert.equal(big.length, 20000)
  assert.ok(ticks > 0, 'the event loop ran while the batch was parsed')
})

test('merge, detect, classify', () => {
  const [t] = wismo.parse('fedex', fedex)
  const early = { ...t, events: t.events.slice(0, 5) }
  const merged = wismo.merge(early, t)
  assert.equal(merged.events.length, t.events.length)
  assert.equal(merged.status, 'delivered')
  assert.deepEqual(wismo.merge(t, t), t)
  const [best] = wismo.detect('my code is 1Z999AA10123456784')
  assert.equal(best.carrier, 'ups')
  const c = wismo.classify('Zugestellt an Nachbarn', 'de')
  assert.equal(c.status, 'delivered')
  assert.equal(c.substatus, 'delivered_to_neighbor')
  assert.equal(wismo.classify('Photo taken of parcel'), null)
})

test('notifications and messages', () => {
  const [t] = wismo.parse('fedex', fedex)
  const [n] = wismo.notifications(null, t)
  assert.equal(n.kind, 'delivered')
  assert.equal(n.data.tracking_number, t.tracking_number)
  assert.deepEqual(wismo.notifications(t, t), [])
  assert.ok(wismo.notifications(undefined, t, { now: new Date('2024-08-21T00:00:00Z'), promised: '2024-08-19' }).length > 0)
  assert.equal(wismo.message(t, 'de').title, 'Ihr Paket wurde zugestellt')
  assert.ok(wismo.notificationMessage(n, 'en', { today: new Date('2024-08-21') }).title)
})

test('ESM import gives the same API', async () => {
  const esm = await import('../index.mjs')
  assert.equal(esm.parse, wismo.parse)
  assert.equal(esm.default.parse, wismo.parse)
})

const OVERRIDE =
  '# carrier: fedex\n# name: FedEx\n# source: our review of FedEx answers, 2026-12\n# key: same as mappings/fedex.tsv\n' +
  'code\tstatus\tsubstatus\treason\teta\tdescription\nDL\tdelivered\tsigned_for\t-\tfinal\tdelivered, signature taken\n'

test('Normalizer: overrides, limits, languages', async () => {
  const os = require('node:os')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wismo-'))
  const file = path.join(dir, 'shop-fedex.tsv')
  fs.writeFileSync(file, OVERRIDE)
  for (const n of [
    new wismo.Normalizer({ overrides: [file], limits: { maxEvents: 100 }, languages: { bpost: 'fr' } }),
    new wismo.Normalizer({ overrideTexts: { 'shop-fedex.tsv': OVERRIDE } }),
  ]) {
    const [t] = n.parse('fedex', fedex)
    const last = t.events.at(-1)
    assert.equal(last.substatus, 'signed_for')
    assert.ok(last.override_source.file.endsWith('shop-fedex.tsv'))
    assert.ok(n.overrideFiles[0].endsWith('shop-fedex.tsv'))
    assert.equal(n.lookup('fedex', 'DL').substatus, 'signed_for')
    assert.deepEqual(n.parseMany([['fedex', fedex]]), [[t]])
    assert.deepEqual(await n.parseManyAsync([['fedex', fedex]]), [[t]])
    assert.deepEqual(await n.parseAsync('fedex', fedex), [t])
    const [plain] = wismo.parse('fedex', fedex)
    assert.equal(plain.events.at(-1).override_source, undefined)
    assert.equal(n.remap(plain).events.at(-1).substatus, 'signed_for')
  }
  fs.rmSync(dir, { recursive: true })
  const small = new wismo.Normalizer({ limits: { maxBodyBytes: 10 } })
  assert.throws(() => small.parse('fedex', fedex), wismo.TooLarge)
  assert.deepEqual(new wismo.Normalizer().parse('fedex', fedex), wismo.parse('fedex', fedex))
})

test('Normalizer: bad overrides name file and line', () => {
  const bad = OVERRIDE + 'XX\tno_such_status\tdelivered\t-\tfinal\tbad row\n'
  assert.throws(() => new wismo.Normalizer({ overrideTexts: { 'bad.tsv': bad } }), (e) => {
    assert.ok(e instanceof wismo.MappingError && e instanceof Error)
    assert.equal(e.code, 'WISMO_MAPPING_ERROR')
    assert.equal(e.problems.length, 1)
    assert.equal(e.problems[0].file, 'bad.tsv')
    assert.equal(e.problems[0].line, 7)
    return true
  })
  assert.throws(() => new wismo.Normalizer({ languages: { nope: 'fr' } }), wismo.UnknownCarrier)
})

test('merge refuses another parcel', () => {
  const [t] = wismo.parse('fedex', fedex)
  assert.throws(() => wismo.merge(t, { ...t, tracking_number: '999' }), (e) => e instanceof wismo.MergeError && e.code === 'WISMO_MERGE_ERROR')
})

test('parseOne and carrier names', () => {
  const t = wismo.parseOne('fedex', fedex)
  assert.equal(t.status, 'delivered')
  assert.deepEqual(wismo.parseOne('FedEx', fedex), t)
  assert.throws(() => wismo.parseOne('fedex', '{"output": {"completeTrackResults": []}}'), (e) => e instanceof wismo.ParseError && e.kind === 'not_one_tracking' && e.found === 0)
  assert.throws(() => wismo.parse('DHL', '{}'), (e) => e instanceof wismo.UnknownCarrier && e.ambiguous === true && e.candidates.length > 1)
})
