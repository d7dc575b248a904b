import { describe, expect, it } from 'vitest'
import { analyze } from './index'

const found = (text: string): string[] => analyze(text).quotes.map((q) => q.text)

describe('quotation marks', () => {
  it.each([
    ['curly doubles', 'She said: “We won.”', ['“We won.”']],
    ['straight doubles', 'She said: "We won."', ['"We won."']],
    ['curly singles', 'She said: ‘We won.’', ['‘We won.’']],
    ['straight singles', "She said: 'We won.'", ["'We won.'"]],
    ['guillemets', 'Elle a dit : « Nous avons gagné. »', ['« Nous avons gagné. »']],
    ['guillemets after a comma', 'Il a dit, « Oui, nous partons. »', ['« Oui, nous partons. »']],
    ['German low-high', 'Sie sagte: „Wir haben gewonnen.“', ['„Wir haben gewonnen.“']],
    ['reversed guillemets', 'Er sagte: »Wir haben gewonnen.«', ['»Wir haben gewonnen.«']],
    ['single guillemets', 'Il a dit : ‹ Oui. ›', ['‹ Oui. ›']],
    ['corner brackets', '彼は「勝った」と言った。', ['「勝った」']],
  ])('finds a quotation in %s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected)
  })

  it('keeps a nested quotation of another family inside the outer one', () => {
    const text = '“He told me ‘never again’ and left,” she said.'
    expect(found(text)).toEqual(['“He told me ‘never again’ and left,”'])
  })
})

describe('apostrophes are not quotation marks', () => {
  it.each([
    ['contractions', '“I don’t know and I won’t guess,” she said.'],
    ['possessives', '“Oseman’s book is out,” she said.'],
    ['decades', '“It sounds like the ’90s,” she said.'],
    ['rock ’n’ roll', '“Pure rock ’n’ roll,” she said.'],
    ['a ‘ typed for an apostrophe', '“For Heartstopper‘s last outing we go big,” she said.'],
    ['plural possessive inside single quotes', "'The boys' room is a mess,' she said."],
    ['elided words', "'I told 'em twice,' she said."],
  ])('%s do not break the quotation', (_name, text) => {
    const quotes = found(text)
    expect(quotes).toHaveLength(1)
    expect(text.endsWith(` she said.`) && quotes[0]!.length === text.length - ' she said.'.length).toBe(true)
  })

  it('finds no quotation in text with only apostrophes', () => {
    expect(found('Oseman’s fans don’t mind the ’90s feel of rock ’n’ roll or Heartstopper‘s pace.')).toEqual([])
  })
})

describe('multi-paragraph quotations', () => {
  const text = [
    'The author said: “First paragraph goes on.',
    '“Second paragraph goes on.',
    '“Third paragraph ends.”',
    'Narrative resumes here.',
  ].join('\n\n')

  it('gives each paragraph its own piece, all in one group with one speaker', () => {
    const { quotes } = analyze(text)
    expect(quotes.map((q) => q.text)).toEqual([
      '“First paragraph goes on.',
      '“Second paragraph goes on.',
      '“Third paragraph ends.”',
    ])
    expect(new Set(quotes.map((q) => q.groupId)).size).toBe(1)
    expect(quotes.every((q) => q.issues.length === 0)).toBe(true)
  })

  it('works when paragraphs are single lines', () => {
    const lines = text.replaceAll('\n\n', '\n')
    expect(analyze(lines).quotes).toHaveLength(3)
  })
})

describe('stray marks are bounded to their paragraph', () => {
  it('stops an unclosed quote at the end of its paragraph and flags it', () => {
    const text = 'She said she was “tired of it all.\n\nThe next paragraph is narrative, and so is this.'
    const { quotes } = analyze(text)
    expect(quotes).toHaveLength(1)
    expect(quotes[0]!.text).toBe('“tired of it all.')
    expect(quotes[0]!.issues).toContain('unclosed quote mark')
    expect(quotes[0]!.needsReview).toBe(true)
    expect(quotes[0]!.confidence).toBeLessThanOrEqual(0.4)
  })

  it('does not let one stray mark swallow the quotations after it', () => {
    const text = 'A 12" record was “played” twice.\n\n“This is real,” said Ann Lee.'
    expect(found(text)).toContain('“This is real,”')
  })

  it('ignores a closing mark with no opener', () => {
    expect(found('Nothing here” at all.')).toEqual([])
  })
})

describe('partial quotations', () => {
  it.each([
    [
      'after "are"',
      'Oseman went on to say that Nick and Charlie are “a forever love” and, if so, why.',
      '“a forever love”',
    ],
    [
      'after "revealing that they have"',
      'Oseman shared an update, revealing that they have “gone through several drafts”.',
      '“gone through several drafts”',
    ],
    [
      'after a speech verb and "the"',
      'She said they were excited to work on the “creative problems that arise”.',
      '“creative problems that arise”',
    ],
  ])('keeps a short fragment in reported speech (%s) as partial', (_name, text, quote) => {
    const q = analyze(text).quotes.find((x) => x.text === quote)
    expect(q?.kind).toBe('partial')
    expect(q?.partial).toBe(true)
  })

  it('marks a quotation introduced by a colon as direct, not partial', () => {
    expect(analyze('Smith said: “We will appeal.”').quotes[0]!.kind).toBe('direct')
  })
})

describe('scare quotes, titles and mentioned words are not quotations', () => {
  it.each([
    ['a term after "the word"', 'Mercer said the word “village” was doing a lot of work.'],
    [
      'a naming verb and a determiner',
      'Residents oppose what the developer calls a “lifestyle village” on the edge of town.',
    ],
    ['a title after a work noun', 'The soundtrack features the folk song “Sakura” sung by children.'],
    ['a branded title', 'The scheme, branded “Fernhill Reimagined” in leaflets, was rejected.'],
    ['an ironic word with no speech verb', 'His way of “letting things be” annoyed his niece.'],
    ['a word opening a clause', '“Woke” culture is the subject of the debate tonight.'],
  ])('%s', (_name, text) => {
    expect(found(text)).toEqual([])
  })

  it('keeps a short quotation that its sentence reports as speech', () => {
    expect(found('The minister called the plan “reckless” on Monday.')).toEqual(['“reckless”'])
  })

  it.each([
    [
      'a reporting verb the speech verbs lack',
      'The senator decried the bill as “a gift to lobbyists” in a floor speech.',
    ],
    ['dismissed … as', 'Okafor dismissed the report as “pure fiction” before the vote.'],
    ['a present-tense -ing reporting verb', 'The union is predicting a “long, hard winter” for members.'],
    ['a chant', 'Protesters outside the hall chanted “No more cuts!” for an hour.'],
    ['a reporting noun', 'His lament for “the old harbour” moved the room.'],
    ['a naming verb with a person as subject', 'Okafor railed against what she calls the “harbour cartel” on Friday.'],
    ['a naming verb after a perfect auxiliary', 'The deal, which Okafor had called a “disaster,” was signed.'],
    [
      'a shirt that reads … (read is not a title noun)',
      'Organisers said protesters wore shirts that read “Settle for the Pier.”',
    ],
    ['a naming verb with an object: called him a …', 'She called him a “serial liar” at the rally.'],
    ['a naming verb with a pronoun object: called her …', 'The coach called her “reckless” after the match.'],
    [
      'a passive naming verb with an agent',
      'The mill was called “a death trap” by inspectors, who said it must close.',
    ],
    ['"calling" that is not passive', 'Fans were calling “every five minutes,” the manager said.'],
  ])('keeps a short partial quotation framed by %s', (_name, text) => {
    expect(found(text)).toHaveLength(1)
  })

  it.each([
    ['a title-case name after a reporting verb', 'The council defended its “Green Streets” plan.'],
    ['known as', 'They met at a venue known as “the Shed” near the docks.'],
    [
      'a noun that only looks like a reporting verb',
      'Her uncle’s talk turned to his way of “letting things be” at home.',
    ],
    [
      'a programme after a possessive name',
      'Speaking on Harbour FM’s “Morning with Alex Reid,” the mayor said the pier would reopen.',
    ],
    ['a programme after "on"', 'The councillor said on “Question Time” that the plan was dead.'],
    ['a book after "the author of"', 'Okafor, the author of “The Long Tide Home,” said the book took ten years.'],
    [
      'a title set off by a comma after a work noun',
      'In her new memoir, “Salt and Slate,” Okafor said she had no regrets.',
    ],
    ['a passive naming verb', 'The old mill was called “the Tannery” for a century.'],
    ['a naming participle and an article', 'Firms use a tax loophole called an “inversion” to move abroad.'],
    ['known … as, a few words apart', 'She was known to everyone on the quay as “Skipper,” her brother said.'],
    ['a term noun and the copula', 'The boat’s name was “Gull,” the harbour master said.'],
  ])('still drops %s', (_name, text) => {
    expect(found(text)).toEqual([])
  })
})

describe('block quotes and documents', () => {
  it('treats Markdown > lines as a block quotation', () => {
    const text =
      'In a letter, Councillor Beth Naylor wrote:\n\n> I can no longer defend that on the doorstep.\n\nShe resigned.'
    const q = analyze(text).quotes[0]!
    expect(q.kind).toBe('block')
    expect(q.text).toBe('I can no longer defend that on the doorstep.')
    expect(q.speaker?.name).toBe('Beth Naylor')
  })

  it('treats a quoted document as a document of its owner', () => {
    const text =
      'Netflix released the Heartstopper film trailer.\n\nThe official synopsis for the film reads: “Nick and Charlie are inseparable.”'
    const q = analyze(text).quotes[0]!
    expect(q.kind).toBe('document')
    expect(q.speaker?.name).toBe('Heartstopper')
    expect(q.document).toBe('The official synopsis')
  })

  it('names the document itself when it has no owner', () => {
    const q = analyze('The ruling states: “The defendant acted alone.”').quotes[0]!
    expect(q.kind).toBe('document')
    expect(q.speaker?.name).toBe('The ruling')
  })
})

describe('HTML tags in scraped copy', () => {
  it('does not read attribute values as quotations', () => {
    const text =
      'The mayor replied online.\n\n<tweet id="10293847" author="@harbourmayor" datetime="2026-03-02">“We are not closing the pier,” she wrote.</tweet>\n\n[<a href=”https://example.org/pier” target=”_blank”>Pier plan</a>]'
    expect(found(text)).toEqual(['“We are not closing the pier,”'])
  })

  it('skips a tag whose attribute value breaks across a line', () => {
    const text = '<tweet tweet-author="@ferrycouncil" tweet-date="May 4, 2026\n">Sailings resume on Friday.</tweet>'
    expect(found(text)).toEqual([])
  })

  it('still reads a less-than sign in prose as text', () => {
    expect(found('Turnout was <5 per cent, and she called it “a disgrace” on radio.')).toEqual(['“a disgrace”'])
    expect(found('If a <b then “the rule holds,” he said.')).toEqual(['“the rule holds,”'])
  })
})

describe('archive and run-together marks', () => {
  it.each([
    ["'' for a double mark", "''We will not back down,'' the mayor said on Tuesday.", ["''We will not back down,''"]],
    [
      "'' around a nested single quote that ends in a plural",
      "''It is a 'housing crisis' and nothing less,'' she said.",
      ["''It is a 'housing crisis' and nothing less,''"],
    ],
    [
      "''' closing a nested single quote and the double one",
      "''She told me the plan was 'dead on arrival,''' Ms. Adeyemi recalled.",
      ["''She told me the plan was 'dead on arrival,'''"],
    ],
    [
      "'' set apart by a space after a comma",
      "''The vote was close, '' said Ms. Adeyemi. ''Next time it will not be.''",
      ["''The vote was close, ''", "''Next time it will not be.''"],
    ],
    [
      'a nested closer set apart by a space',
      '"She called it \'a betrayal,\' " said the organiser, who asked not to be named.',
      ['"She called it \'a betrayal,\' "'],
    ],
    [
      'a closing mark run into the next word',
      '“We did everything we could,”Okafor said. “Now it is up to them.”',
      ['“We did everything we could,”', '“Now it is up to them.”'],
    ],
    ['an opening mark run on after a comma', 'The aide said,“No comment,” and walked off.', ['“No comment,”']],
  ])('reads %s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected)
  })
})

describe('single quotes and apostrophes that open a word', () => {
  it.each([
    [
      'an elided word before a quotation',
      "The lab bought two 'scopes and a centrifuge, and 'We need more,' said Dr Hale.",
      ["'We need more,'"],
    ],
    ['an elided word left open at the paragraph end', "She said the lab's old 'scopes still work.", []],
    [
      'an elided word around a double-quoted quotation',
      "The 'scopes were old, and “They still work,” he said.",
      ['“They still work,”'],
    ],
    [
      'a closer before a space when the next single mark opens',
      "He said fans call it the 'i-Nick' and the 'Nicktendo 64'.",
      ["'i-Nick'", "'Nicktendo 64'"],
    ],
  ])('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected)
  })

  it.each([
    ['a plural possessive inside', "'It's the boys' turn,' she said.", ["'It's the boys' turn,'"]],
    [
      'British news with partial quotes',
      "The minister said: 'We will act.' Critics said it was 'too little, too late'.",
      ["'We will act.'", "'too little, too late'"],
    ],
  ])('keeps British single quotes working: %s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected)
  })

  it('carries a lower-case single quote on into the next paragraph', () => {
    const text = "She said the report was 'the worst in years.\n\n'It cannot stand,' she added."
    expect(found(text)).toEqual(["'the worst in years.", "'It cannot stand,'"])
  })
})

describe('dialogue set with dashes', () => {
  const story = [
    '―Bring the lamp, Orla! The tide is turning.',
    'She climbed down to the slip and looked at the boats.',
    '―Which one is ours? asked the boy.',
    '―The blue one, she said―the one with the torn sail.',
    '—Will it float? he said.',
    '— No sí —dijo ella—. Ya veremos.',
  ].join('\n\n')

  it('reads each dash paragraph as speech, set apart from its narration', () => {
    expect(found(story)).toEqual([
      '―Bring the lamp, Orla! The tide is turning.',
      '―Which one is ours?',
      '―The blue one,',
      '―the one with the torn sail.',
      '—Will it float?',
      '— No sí',
      'Ya veremos.',
    ])
  })

  it('gives dash dialogue a speaker from its tag', () => {
    const q = analyze(story).quotes.find((x) => x.text === '―Which one is ours?')
    expect(q?.speaker?.name).toBe('the boy')
  })

  it('leaves a list set with dashes alone', () => {
    const list = [
      'The prizes went to:',
      '— Ana Ruiz of the Harbour Gazette, winner of the reporting award.',
      '— Tom Okafor of City Radio, winner of the broadcast award.',
      '— Lee Chan of the Evening Post, for photography.',
    ].join('\n\n')
    expect(found(list)).toEqual([])
  })

  it('leaves a subhead between dashes alone', () => {
    const text = ['― Ready to vote ―.', 'Polls open at seven, he said.', '― A long night ―.'].join('\n\n')
    expect(found(text)).toEqual([])
  })
})

describe('long quotations set as lines', () => {
  const text = [
    'Intro.',
    '“One thing is clear,” she said. “People are angry and they feel ignored.\n“There is another side to it, too,” she said.',
    'End.',
  ].join('\n\n')

  it('ends the open quotation with its line when the next line opens with the same mark', () => {
    expect(found(text)).toEqual([
      '“One thing is clear,”',
      '“People are angry and they feel ignored.',
      '“There is another side to it, too,”',
    ])
  })

  it('groups the two lines as one quotation with no unclosed-mark issue', () => {
    const qs = analyze(text).quotes
    expect(qs[1]!.groupId).toBe(qs[2]!.groupId)
    expect(qs[1]!.issues).toEqual([])
  })

  it('keeps a curly quotation on its own line nested in a straight one', () => {
    const block = '"The senator spoke for an hour, and the crowd was quiet.\n“We are close,” he said.\nThen he left."'
    expect(found(`The blog reported:\n\n${block}\n\nThat was all.`)).toEqual([block])
  })

  it('reads a doubled opening mark as one', () => {
    expect(found('"“We will win the state,” Ruiz said on Sunday.')).toEqual(['"“We will win the state,”'])
  })
})

describe('thoughts are not quotations', () => {
  it.each([
    ['a thought tag after the quote', '“How calm the harbour is!” thought Orla, watching the boats.'],
    ['a pronoun and a thought tag', '“Nobody will notice,” she thought.'],
    ['a thought verb introducing it', 'He looked at the ruined pier and thought, “What a waste of money.”'],
  ])('%s', (_name, text) => {
    expect(found(text)).toEqual([])
  })

  it.each([
    ['speech in the same sentence', '“We will rebuild it,” she said, and thought of her father.'],
    ['a thought verb further on', '“The rule is clear,” said the clerk, which Okafor thinks is wrong.'],
    ['wondered, which news uses for speech', '“Who would build a pier there?” he wondered.'],
  ])('keeps %s', (_name, text) => {
    expect(found(text)).toHaveLength(1)
  })
})
