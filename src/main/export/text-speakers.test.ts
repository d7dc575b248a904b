import { describe, expect, it } from 'vitest'
import { speakersNamedInText } from './text-speakers'

/** The name the text gives the quote that starts with `opening`, or null. */
function nameOf(body: string, opening: string, width = opening.length): string | null {
  const start = body.indexOf(opening)
  return speakersNamedInText(body, [{ id: 'q', start, end: start + width }]).get('q') ?? null
}

describe('speakersNamedInText', () => {
  it.each([
    ['“We won,” said Mayor Jane Smith.', '“We won,”', 'Jane Smith'],
    ['Jane Smith spoke first.\n\n“The numbers add up,” Smith said.', '“The numbers add up,”', 'Smith'],
    ['“It leaked,” said a senior council official.', '“It leaked,”', 'a senior council official'],
    ['Her rival, Bob Jones, said: “This plan costs too much.”', '“This plan costs too much.”', 'Bob Jones'],
    // The analyser reads "she" as Jane Smith, but the cue itself names no one.
    ['Jane Smith spoke first.\n\n“It is worse,” she said.', '“It is worse,”', null],
    // "Same speaker" guesses have no cue: the text does not say who.
    ['“Off the record,” a person close to Ann Lee said.\n\n“More,” added Ann Lee.', '“Off the record,”', null],
    ['No quotation here, said nobody.', 'No quotation', null],
  ])('%j → %j', (body, opening, expected) => {
    expect(nameOf(body, opening)).toBe(expected)
  })

  it('finds a hand-marked span that covers most of an analysed quote', () => {
    const body = '“We won the vote,” said Mayor Jane Smith.'
    expect(nameOf(body, '“We won the', 14)).toBe('Jane Smith')
  })
})
