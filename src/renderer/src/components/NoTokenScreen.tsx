/**
 * Shown in a browser opened without the address `quotedesk serve` prints, or with one that a
 * tab already used: each printed address opens one tab (finding 11).
 */
export function NoTokenScreen({ isAddressUsed }: { isAddressUsed: boolean }) {
  return (
    <main className="gate" aria-labelledby="gate-heading">
      <div className="gate__card">
        <h1 id="gate-heading">{isAddressUsed ? 'This address was already used' : 'Open Quotedesk from its address'}</h1>
        {isAddressUsed ? (
          <p>
            Each address Quotedesk prints opens the library in one tab, so that your browser’s history holds nothing
            that opens it again. Quotedesk printed a new address in its terminal when this one was used.
          </p>
        ) : (
          <p>
            This page needs the private address that Quotedesk prints when it starts, so that no other website can reach
            your library.
          </p>
        )}
        <ol>
          <li>
            In a terminal, run <code>quotedesk serve</code> (or <code>npm run serve</code> in the project folder).
          </li>
          <li>
            Open the newest address it printed, which looks like <code>http://127.0.0.1:PORT/#code=…</code>, in this
            browser.
          </li>
        </ol>
        <p className="muted">
          A tab that opened Quotedesk stays open across reloads until Quotedesk stops. If you restarted it, use the new
          address: the old ones no longer open the library.
        </p>
      </div>
    </main>
  )
}
