// Fetches the backend's /api/status (same origin: the Ingress routes /api to the backend)
// and shows it. No framework: the page is small and the CSP allows only same-origin scripts.
const REFRESH_MS = 15000

function show(id, value) {
  document.getElementById(id).textContent = value
}

function formatUptime(seconds) {
  if (typeof seconds !== 'number') return '–'
  const h = Math.floor(seconds / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const s = seconds % 60
  return h ? `${h}h ${m}m ${s}s` : m ? `${m}m ${s}s` : `${s}s`
}

async function refresh() {
  const status = document.getElementById('backend-status')
  const error = document.getElementById('backend-error')
  try {
    const res = await fetch('/api/status', {
      headers: { accept: 'application/json' },
      cache: 'no-store'
    })
    if (!res.ok) throw new Error(`/api/status answered HTTP ${res.status}`)
    const body = await res.json()
    status.textContent = body.status
    status.dataset.state = body.status === 'ok' ? 'ok' : 'degraded'
    show('backend-version', body.version)
    show('backend-name', body.name)
    show('backend-environment', body.environment)
    show('backend-uptime', formatUptime(body.uptime))
    error.hidden = true
  } catch (err) {
    status.textContent = 'unreachable'
    status.dataset.state = 'error'
    error.textContent = err instanceof Error ? err.message : String(err)
    error.hidden = false
  }
}

show('route', window.location.pathname)
document.getElementById('refresh').addEventListener('click', () => void refresh())
void refresh()
setInterval(() => void refresh(), REFRESH_MS)
