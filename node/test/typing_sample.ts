// A typed program over the whole API; test/types.test.js runs `tsc --strict` on it.
import wismo = require('..')
import type { Tracking, Status, Substatus, WismoError } from '..'

function current(carrier: string, body: Buffer | string): Array<[string, Status, Substatus]> {
  const out: Array<[string, Status, Substatus]> = []
  let trackings: Tracking[]
  try {
    trackings = wismo.parse(carrier, body, { limits: { maxBodyBytes: 1 << 20 } })
  } catch (e) {
    if (e instanceof wismo.TooLarge) {
      const limit: number | null = e.limit
      console.log(limit, e.what, e.code)
    } else if (e instanceof wismo.WismoError) {
      console.log(e.kind, e.category, e.carrier, e.line, e.column, e.position, e.path, e.carrierCode)
    }
    return out
  }
  for (const t of trackings) {
    out.push([t.tracking_number, t.status, t.substatus])
    for (const ev of t.events) {
      const when: string | null = ev.time
      console.log(ev.code, ev.description, ev.reason ?? null, when, ev.eta, ev.mapped, ev.direction, ev.location?.city)
    }
    const eta = t.eta.current ?? t.estimated_delivery
    if (eta) console.log(eta.earliest, eta.latest, eta.source)
    const merged: Tracking = wismo.merge(t, t)
    for (const n of wismo.notifications(null, merged, { now: new Date(), minDelayDays: 1 })) {
      const msg = wismo.notificationMessage(n, 'nl')
      console.log(n.kind, n.urgency, n.data.next_step, msg.title, msg.body, msg.action)
    }
    console.log(wismo.message(t, 'de', { today: '2024-08-21' }).title)
  }
  return out
}

async function batch(items: Array<[string, Buffer]>): Promise<number> {
  let events = 0
  for (const r of await wismo.parseManyAsync(items, { raiseErrors: false })) {
    if (r instanceof wismo.WismoError) {
      const err: WismoError = r
      console.log(err.message)
    } else {
      events += r.reduce((n, t) => n + t.events.length, 0)
    }
  }
  const strict: Tracking[][] = wismo.parseMany(items)
  const one: Tracking[] = await wismo.parseAsync('fedex', items[0][1])
  const single: Tracking = wismo.parseOne('fedex', items[0][1])
  console.log(single.status)
  return events + strict.length + one.length
}

function words(): void {
  for (const c of wismo.detect('1Z999AA10123456784')) console.log(c.carrier, c.format, c.confidence, c.normalized)
  const hit = wismo.classify('Zugestellt', 'de')
  if (hit) console.log(hit.status, hit.substatus, hit.confidence)
  console.log(wismo.carriers, wismo.statuses, wismo.version)
}

console.log(current('fedex', '{}'), words())
void batch([])

function deployment(paths: string[], body: Buffer): void {
  let n: wismo.Normalizer
  try {
    n = new wismo.Normalizer({ overrides: paths, limits: { maxEvents: 500 }, languages: { bpost: 'fr' } })
  } catch (e) {
    if (e instanceof wismo.MappingError) for (const p of e.problems) console.log(`${p.file}:${p.line}: ${p.message}`)
    return
  }
  for (const t of n.parse('fedex', body)) {
    for (const ev of t.events) console.log(ev.override_source?.file, ev.unknown_words)
    const again: Tracking = n.remap(t)
    console.log(again.status, n.lookup('fedex', 'DL')?.substatus, n.overrideFiles)
  }
}
deployment([], Buffer.from('{}'))
