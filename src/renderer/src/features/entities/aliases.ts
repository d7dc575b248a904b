/** One alias per line: names may contain commas ("Oseman, Alice"), lines never do. */
export function parseAliases(text: string): string[] {
  const seen = new Set<string>()
  const aliases: string[] = []
  for (const line of text.split('\n')) {
    const alias = line.trim()
    const key = alias.toLowerCase()
    if (alias === '' || seen.has(key)) continue
    seen.add(key)
    aliases.push(alias)
  }
  return aliases
}
