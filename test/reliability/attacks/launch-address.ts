import { TOKEN_HEADER, type RunningHost } from '../../../src/main/host/host'
import type { Attack } from '../attacks'
import { redeemLaunchCode, withHost } from './real-host'

function fragment(address: string): URLSearchParams {
  return new URLSearchParams(new URL(address).hash.slice(1))
}

/** Whether `token` opens the library: the API call every screen makes first. */
async function opensLibrary(host: RunningHost, token: string): Promise<boolean> {
  const response = await fetch(`${host.url}api/articles:list`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
    body: '{}',
  })
  return response.status === 200
}

/**
 * What a browser tab does with an address, as the page does it: a `#token=` is the credential
 * itself (the page before finding 11); a `#code=` is traded once at /api/session for the token.
 * Returns the credential the tab ends up with, or null.
 */
async function openTab(host: RunningHost, address: string): Promise<string | null> {
  const params = fragment(address)
  const token = params.get('token')
  if (token !== null) return (await opensLibrary(host, token)) ? token : null
  const code = params.get('code')
  if (code === null) return null
  return redeemLaunchCode(host.url, code)
}

/** Finding 11: the address the browser keeps in its history must open nothing once used. */
export const launchAddress: Attack[] = [
  {
    finding: 11,
    id: 'a85',
    title: 'the printed address, read from browser history after the user’s tab opened it, replayed elsewhere',
    run: (workDir) =>
      withHost(workDir, async (host) => {
        const history = host.launchUrl
        const users = await openTab(host, history)
        if (users === null || !(await opensLibrary(host, users)))
          return { held: false, detail: 'the user’s own tab could not open the library (control)' }
        const attackers = await openTab(host, history)
        if (attackers !== null && (await opensLibrary(host, attackers)))
          return { held: false, detail: 'the address from history opened the library again' }
        return { held: true, detail: 'the used address opens nothing; the user’s tab still works' }
      }),
  },
  {
    finding: 11,
    id: 'a86',
    title: 'every value in the address fragment tried directly as the API token',
    run: (workDir) =>
      withHost(workDir, async (host) => {
        for (const [name, value] of fragment(host.launchUrl)) {
          if (await opensLibrary(host, value))
            return { held: false, detail: `#${name}= from the address is itself the API token` }
        }
        return { held: true, detail: 'nothing in the address is a credential (401)' }
      }),
  },
  {
    finding: 11,
    id: 'a87',
    title: 'the history address raced against the user’s first tab',
    run: (workDir) =>
      withHost(workDir, async (host) => {
        const address = host.launchUrl
        const tabs = await Promise.all([openTab(host, address), openTab(host, address)])
        const inside = tabs.filter((token) => token !== null).length
        if (inside !== 1) return { held: false, detail: `${inside} tabs got in with one address` }
        return { held: true, detail: 'one tab got in; the other was refused' }
      }),
  },
]
