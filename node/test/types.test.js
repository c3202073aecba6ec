'use strict'
// index.d.ts: `tsc --strict` accepts a typed program using the whole API, and
// its literal unions are the crate's vocabularies.
const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const { execFileSync } = require('node:child_process')
const wismo = require('..')

const dts = fs.readFileSync(path.join(__dirname, '..', 'index.d.ts'), 'utf8')

function union(name) {
  const m = dts.match(new RegExp(`export type ${name} =\\n((?:  \\| '[^']+'\\n)+)`))
  assert.ok(m, `${name} not in index.d.ts`)
  return [...m[1].matchAll(/'([^']+)'/g)].map((x) => x[1])
}

test('literal unions are the crate vocabularies', () => {
  assert.deepEqual(union('Status'), wismo.statuses)
  assert.deepEqual(union('Substatus'), wismo.substatuses)
  assert.deepEqual(union('Reason'), wismo.reasons)
  assert.deepEqual(union('Lang'), wismo.langs)
  assert.deepEqual(union('LocaleTag'), wismo.locales)
  assert.deepEqual(union('NotificationKind'), wismo.notificationKinds)
})

test('tsc --strict accepts the typed sample', () => {
  const tsc = require.resolve('typescript/bin/tsc')
  execFileSync(process.execPath, [tsc, '-p', path.join(__dirname, 'tsconfig.json')], { stdio: 'pipe' })
})
