'use strict'
// Per-call cost of the Node binding on the FedEx fixture, and batches (sync and
// async) against a loop of parse.    node bench/bench.js
const fs = require('node:fs')
const path = require('node:path')
const wismo = require('..')

const FIXTURES = process.env.WISMO_FIXTURES ?? path.resolve(__dirname, '..', '..', 'tests', 'fixtures')

function perCall(fn, n, rounds = 9) {
  const out = []
  for (let r = 0; r < rounds; r++) {
    const t = process.cpuUsage() // CPU time: holds on a loaded machine
    for (let i = 0; i < n; i++) fn()
    const d = process.cpuUsage(t)
    out.push(((d.user + d.system) * 1000) / n)
  }
  out.sort((a, b) => a - b)
  return out[out.length >> 1]
}

async function main() {
  const body = fs.readFileSync(path.join(FIXTURES, 'fedex', 'delivered.json'))
  const text = body.toString('utf8')
  console.log(`node ${process.version}, wismo ${wismo.version}`)
  console.log(`fedex/delivered.json (${body.length} bytes), CPU time per call, median of 9 rounds:`)
  console.log(`  parse(Buffer)          ${perCall(() => wismo.parse('fedex', body), 10000).toFixed(0).padStart(8)} ns/call`)
  console.log(`  parse(string)          ${perCall(() => wismo.parse('fedex', text), 10000).toFixed(0).padStart(8)} ns/call`)

  const items = []
  const known = new Set(wismo.carriers)
  for (const dir of fs.readdirSync(FIXTURES).sort()) {
    if (!known.has(dir)) continue
    for (const name of fs.readdirSync(path.join(FIXTURES, dir)).sort()) {
      if ((name.endsWith('.json') || name.endsWith('.xml')) && !name.endsWith('.expected.json')) {
        items.push([dir, fs.readFileSync(path.join(FIXTURES, dir, name))])
      }
    }
  }
  const batch = []
  while (batch.length < 20000) batch.push(...items)
  const time = async (fn) => {
    let best = Infinity
    for (let r = 0; r < 3; r++) {
      const t = process.hrtime.bigint()
      await fn()
      best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e9)
    }
    return best
  }
  const tLoop = await time(() => {
    for (const [c, b] of batch) {
      try {
        wismo.parse(c, b)
      } catch {}
    }
  })
  const tMany = await time(() => wismo.parseMany(batch, { raiseErrors: false }))
  const tAsync = await time(() => wismo.parseManyAsync(batch, { raiseErrors: false }))
  console.log(`${batch.length} bodies (every fixture, repeated):`)
  console.log(`  loop of parse          ${(batch.length / tLoop).toFixed(0).padStart(8)} bodies/s`)
  console.log(`  parseMany              ${(batch.length / tMany).toFixed(0).padStart(8)} bodies/s (${(tLoop / tMany).toFixed(2)}x)`)
  console.log(`  parseManyAsync         ${(batch.length / tAsync).toFixed(0).padStart(8)} bodies/s (${(tLoop / tAsync).toFixed(2)}x)`)
}

main()
