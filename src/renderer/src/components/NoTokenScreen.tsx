/** Shown in a browser opened without the access token that `quotedesk serve` prints. */
export function NoTokenScreen() {
  return (
    <main className="gate" aria-labelledby="gate-heading">
      <div className="gate__card">
        <h1 id="gate-heading">Open Quotedesk from its address</h1>
        <p>
          This page needs the private address that Quotedesk prints when it starts, so that no other website can reach
          your library.
        </p>
        <ol>
          <li>
            In a terminal, run <code>quotedesk serve</code> (or <code>npm run serve</code> in the project folder).
          </li>
          <li>
            Open the address it prints, which looks like <code>http://127.0.0.1:PORT/#token=…</code>, in this browser.
          </li>
        </ol>
        <p className="muted">
          The address works until Quotedesk stops. If you restarted it, use the new address: the old one no longer opens
          the library.
        </p>
      </div>
    </main>
  )
}
