// Prometheus text exposition format 0.0.4, written by hand to keep the image free of
// runtime dependencies. Labels come from route templates, never raw paths, so an attacker
// cannot grow the series count with random URLs.
import process from 'node:process'

export const CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8'
export const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

function escapeLabel(value) {
  return String(value).replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"')
}

function labelText(labels) {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`)
  return parts.length ? `{${parts.join(',')}}` : ''
}

function formatNumber(n) {
  if (n === Infinity) return '+Inf'
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15)))
}

export function createMetrics({
  name = 'backend',
  version = '0.0.0-dev',
  startTime = Date.now()
} = {}) {
  const requests = new Map() // key -> { labels, value }
  const durations = new Map() // key -> { labels, buckets[], sum, count }
  let inFlight = 0

  function observeRequest({ method, route, status, seconds }) {
    const reqLabels = { method, route, status: String(status) }
    const reqKey = JSON.stringify(reqLabels)
    const counter = requests.get(reqKey) ?? { labels: reqLabels, value: 0 }
    counter.value += 1
    requests.set(reqKey, counter)

    const durLabels = { method, route }
    const durKey = JSON.stringify(durLabels)
    const hist = durations.get(durKey) ?? {
      labels: durLabels,
      buckets: DURATION_BUCKETS.map(() => 0),
      sum: 0,
      count: 0
    }
    DURATION_BUCKETS.forEach((le, i) => {
      if (seconds <= le) hist.buckets[i] += 1
    })
    hist.sum += seconds
    hist.count += 1
    durations.set(durKey, hist)
  }

  function render() {
    const lines = []
    const mem = process.memoryUsage()
    const cpu = process.cpuUsage()

    lines.push('# HELP app_info Application name and version.', '# TYPE app_info gauge')
    lines.push(`app_info${labelText({ name, version })} 1`)

    lines.push(
      '# HELP http_requests_total HTTP requests handled, by method, route and status.',
      '# TYPE http_requests_total counter'
    )
    for (const { labels, value } of requests.values())
      lines.push(`http_requests_total${labelText(labels)} ${value}`)

    lines.push(
      '# HELP http_request_duration_seconds HTTP request duration in seconds.',
      '# TYPE http_request_duration_seconds histogram'
    )
    for (const h of durations.values()) {
      DURATION_BUCKETS.forEach((le, i) => {
        lines.push(
          `http_request_duration_seconds_bucket${labelText({ ...h.labels, le: formatNumber(le) })} ${h.buckets[i]}`
        )
      })
      lines.push(
        `http_request_duration_seconds_bucket${labelText({ ...h.labels, le: '+Inf' })} ${h.count}`
      )
      lines.push(`http_request_duration_seconds_sum${labelText(h.labels)} ${formatNumber(h.sum)}`)
      lines.push(`http_request_duration_seconds_count${labelText(h.labels)} ${h.count}`)
    }

    lines.push(
      '# HELP http_requests_in_flight HTTP requests being served.',
      '# TYPE http_requests_in_flight gauge'
    )
    lines.push(`http_requests_in_flight ${inFlight}`)

    lines.push(
      '# HELP process_cpu_user_seconds_total User CPU time spent in seconds.',
      '# TYPE process_cpu_user_seconds_total counter'
    )
    lines.push(`process_cpu_user_seconds_total ${formatNumber(cpu.user / 1e6)}`)
    lines.push(
      '# HELP process_cpu_system_seconds_total System CPU time spent in seconds.',
      '# TYPE process_cpu_system_seconds_total counter'
    )
    lines.push(`process_cpu_system_seconds_total ${formatNumber(cpu.system / 1e6)}`)
    lines.push(
      '# HELP process_cpu_seconds_total Total user and system CPU time spent in seconds.',
      '# TYPE process_cpu_seconds_total counter'
    )
    lines.push(`process_cpu_seconds_total ${formatNumber((cpu.user + cpu.system) / 1e6)}`)
    lines.push(
      '# HELP process_resident_memory_bytes Resident memory size in bytes.',
      '# TYPE process_resident_memory_bytes gauge'
    )
    lines.push(`process_resident_memory_bytes ${mem.rss}`)
    lines.push(
      '# HELP nodejs_heap_size_used_bytes Process heap size used from Node.js in bytes.',
      '# TYPE nodejs_heap_size_used_bytes gauge'
    )
    lines.push(`nodejs_heap_size_used_bytes ${mem.heapUsed}`)
    lines.push(
      '# HELP nodejs_heap_size_total_bytes Process heap size from Node.js in bytes.',
      '# TYPE nodejs_heap_size_total_bytes gauge'
    )
    lines.push(`nodejs_heap_size_total_bytes ${mem.heapTotal}`)
    lines.push(
      '# HELP process_start_time_seconds Start time of the process since unix epoch in seconds.',
      '# TYPE process_start_time_seconds gauge'
    )
    lines.push(`process_start_time_seconds ${Math.floor(startTime / 1000)}`)
    return lines.join('\n') + '\n'
  }

  return {
    observeRequest,
    requestStarted: () => (inFlight += 1),
    requestFinished: () => (inFlight -= 1),
    render
  }
}
