'use strict'
// The same goldens as the crate's tests/fixtures.rs: each body's answer equals
// <name>.expected.json (the crate's serde form: every event's status), or its
// error text equals <name>.error.txt.
const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const wismo = require('..')
const { fixtureBodies, stem } = require('./helpers.js')

const bodies = fixtureBodies()

test('fixtures are found', () => {
  assert.ok(bodies.length >= 100, `only ${bodies.length} fixtures`)
})

for (const { carrier, file } of bodies) {
  test(`${carrier}/${file.split('/').pop()}`, () => {
    const body = fs.readFileSync(file)
    const errorFile = `${stem(file)}.error.txt`
    if (fs.existsSync(errorFile)) {
      assert.throws(
        () => wismo.parse(carrier, body),
        (e) => {
          assert.ok(e instanceof wismo.WismoError && e instanceof Error)
          assert.equal(e.message + '\n', fs.readFileSync(errorFile, 'utf8'))
          assert.equal(e.carrier, carrier)
          return true
        },
      )
      return
    }
    const want = JSON.parse(fs.readFileSync(`${stem(file)}.expected.json`, 'utf8'))
    assert.deepEqual(wismo.parse(carrier, body), want)
    assert.deepEqual(wismo.parse(carrier, body.toString('utf8')), want)
  })
}

test('parseMany and parseManyAsync give the same answers as parse', async () => {
  const items = bodies.map(({ carrier, file }) => [carrier, fs.readFileSync(file)])
  const one = items.map(([c, b]) => {
    try {
      return wismo.parse(c, b)
    } catch (e) {
      return e
    }
  })
  const many = wismo.parseMany(items, { raiseErrors: false })
  const manyAsync = await wismo.parseManyAsync(items, { raiseErrors: false })
  assert.equal(many.length, items.length)
  for (let i = 0; i < items.length; i++) {
    for (const got of [many[i], manyAsync[i]]) {
      if (one[i] instanceof Error) {
        assert.equal(got.constructor, one[i].constructor)
        assert.equal(got.message, one[i].message)
      } else {
        assert.deepEqual(got, one[i])
      }
    }
  }
})
