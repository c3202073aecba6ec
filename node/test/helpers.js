'use strict'
// The crate's golden fixtures (tests/fixtures/<carrier>/*.{json,xml}).
const fs = require('node:fs')
const path = require('node:path')
const wismo = require('..')

const FIXTURES = process.env.WISMO_FIXTURES ?? path.resolve(__dirname, '..', '..', 'tests', 'fixtures')

function fixtureBodies() {
  const known = new Set(wismo.carriers)
  const out = []
  for (const dir of fs.readdirSync(FIXTURES).sort()) {
    if (!known.has(dir)) continue // e.g. tests/fixtures/mappings
    for (const name of fs.readdirSync(path.join(FIXTURES, dir)).sort()) {
      if ((name.endsWith('.json') || name.endsWith('.xml')) && !name.endsWith('.expected.json')) {
        out.push({ carrier: dir, file: path.join(FIXTURES, dir, name) })
      }
    }
  }
  return out
}

function stem(file) {
  return file.slice(0, file.lastIndexOf('.'))
}

module.exports = { FIXTURES, fixtureBodies, stem }
