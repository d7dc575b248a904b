import { describe, expect, it } from 'vitest'
import { analyze } from './index'

/** Speaker of the quotation whose text includes `fragment`. */
function speakerOf(text: string, fragment: string): string | null {
  const q = analyze(text).quotes.find((x) => x.text.includes(fragment))
  if (q === undefined) throw new Error(`no quotation containing ${fragment}`)
  return q.speaker?.name ?? null
}

describe('cues', () => {
  it.each([
    ['said after', 'Jane Doe is the mayor.\n\n“We will rebuild,” Doe said.', 'Jane Doe'],
    ['says after', '“We will rebuild,” says Jane Doe.', 'Jane Doe'],
    ['told', '“We will rebuild,” Jane Doe told reporters.', 'Jane Doe'],
    ['added', '“And quickly,” Jane Doe added.', 'Jane Doe'],
    ['continued', '“And quickly,” Jane Doe continued.', 'Jane Doe'],
    ['explained', '“It is simple,” Jane Doe explained.', 'Jane Doe'],
    ['wrote', '“It is simple,” Jane Doe wrote on social media.', 'Jane Doe'],
    ['asked', '“Is it simple?” Jane Doe asked.', 'Jane Doe'],
    ['revealed', '“We are engaged,” Jane Doe revealed.', 'Jane Doe'],
    ['teased', '“Expect surprises,” Jane Doe teased.', 'Jane Doe'],
    ['noted', '“Prices rose,” Jane Doe noted.', 'Jane Doe'],
    ['went on to say', 'Jane Doe went on to say that the plan was “simply unworkable”.', 'Jane Doe'],
    ['before with a colon', 'Jane Doe said: “We will rebuild.”', 'Jane Doe'],
    ['in a statement', 'In a statement, Jane Doe said: “We will rebuild.”', 'Jane Doe'],
    ['according to', '“Costs doubled,” according to Jane Doe.', 'Jane Doe'],
    ['according to before', 'According to Jane Doe, the costs were “simply unaffordable”.', 'Jane Doe'],
    ['inverted', '“We will rebuild,” said Jane Doe.', 'Jane Doe'],
    ['inverted with a role', '“We will rebuild,” said chief executive Jane Doe.', 'Jane Doe'],
    ['inverted with an honorific', '“We will rebuild,” said Professor Jane Doe of the university.', 'Jane Doe'],
    [
      'with an apposition',
      'Jane Doe, the council leader, said the cuts were “regrettable but unavoidable”.',
      'Jane Doe',
    ],
    ['with a relative clause', 'The mayor, Jane Doe, who took office in May, said the plan was “dead”.', 'Jane Doe'],
  ])('%s', (_name, text, speaker) => {
    const q = analyze(text).quotes[0]!
    expect(q.speaker?.name).toBe(speaker)
    expect(q.cue).not.toBeNull()
    expect(q.needsReview).toBe(false)
  })

  it('reports the cue span so the reader can see why, wherever the name is', () => {
    const before = 'Heartstopper creator Alice Oseman spoke to us.\n\nWhen asked, the Loveless author said: “Yes.”'
    const after = 'When asked, the Loveless author said: “Yes.”\n\nHeartstopper creator Alice Oseman spoke to us.'
    for (const text of [before, after]) {
      const q = analyze(text).quotes[0]!
      expect(q.cue, text).not.toBeNull()
      expect(text.slice(q.cue!.start, q.cue!.end)).toBe('the Loveless author said')
    }
  })

  it('shares one cue across an interrupted quotation', () => {
    const { quotes } = analyze('“We lost,” said Tom Hale, “but we will be back.”')
    expect(quotes.map((q) => q.speaker?.name)).toEqual(['Tom Hale', 'Tom Hale'])
  })

  it('takes the cue of an introducing paragraph that ends with a colon', () => {
    const text = 'Council leader Janet Howell said:\n\n“Nobody became a councillor to close libraries.”'
    expect(speakerOf(text, 'Nobody')).toBe('Janet Howell')
  })
})

describe('descriptors', () => {
  it('resolves "the <work> creator" to the person introduced as its creator', () => {
    const text =
      'Heartstopper creator Alice Oseman spoke to Netflix.\n\n“It is a send-off,” the Heartstopper creator said.'
    expect(speakerOf(text, 'send-off')).toBe('Alice Oseman')
  })

  it('resolves an author of another work to the author already in the story', () => {
    const text = 'Heartstopper creator Alice Oseman spoke to Netflix.\n\nThe Loveless author said: “It is a send-off.”'
    expect(speakerOf(text, 'send-off')).toBe('Alice Oseman')
    const oseman = analyze(text).entities.find((e) => e.name === 'Alice Oseman')!
    expect(oseman.roles).toContainEqual({ role: 'author', of: 'Loveless' })
  })

  it('resolves "the director" through a role stated earlier', () => {
    const text =
      'Director Wash Westmoreland joined the project.\n\nDame Ann Lee also joined.\n\n“I am thrilled,” the director said.'
    expect(speakerOf(text, 'thrilled')).toBe('Wash Westmoreland')
  })

  it('keeps "one engineer" unnamed rather than guessing a named person', () => {
    const text =
      'The memo was signed by chief executive Arjun Mehta.\n\nOne engineer, who asked not to be named, said the mood was bad.\n\n“We are all refreshing our inboxes,” the engineer said.'
    expect(speakerOf(text, 'inboxes')).toBe('One engineer')
  })

  it('gives "said the other" to the person who did not speak last, else keeps it as written', () => {
    const named = analyze(
      'Nell Ward waited by the stove while Ivy Pike read the letter.\n\n“Well?” asked Nell.\n\n“It is from Dan,” said the other.',
    ).quotes
    expect(named.map((q) => q.speaker?.name)).toEqual(['Nell Ward', 'Ivy Pike'])
    const alone = analyze('“Where is it?” asked Omar Haddad.\n\n“I cannot tell you,” said the other.').quotes[1]!
    expect(alone.speaker).toMatchObject({ name: 'the other', kind: 'descriptor' })
  })

  it('leaves an adverb after the noun to the verb: "said the other coolly"', () => {
    const q = analyze('“Where is it?” asked Omar Haddad.\n\n“I cannot tell you,” said the other coolly.').quotes[1]!
    expect(q.speaker?.name).toBe('the other')
  })

  it('gives a spokesperson’s words to the organisation', () => {
    const text = 'A spokesperson for the Department of Health said: “We are investing record sums.”'
    expect(speakerOf(text, 'record sums')).toBe('Department of Health')
  })
})

describe('pronouns', () => {
  it('resolves singular "they" to the last speaker, not to people just mentioned', () => {
    const text = [
      'Alice Oseman said the film would be “a send-off”.',
      'Oseman went on to say that they want to explore whether Nick and Charlie are “a forever love”.',
      '“I want the movie to capture this moment,” they continued.',
    ].join('\n\n')
    expect(speakerOf(text, 'capture')).toBe('Alice Oseman')
  })

  it('resolves "she" to the subject of the story, past a woman named later in the paragraph', () => {
    const text = [
      'Elena Varga beat Mia Lorenz in straight sets.',
      'Afterwards she was asked how it felt.',
      '“Strange,” she said.',
    ].join('\n\n')
    expect(speakerOf(text, 'Strange')).toBe('Elena Varga')
  })

  it('resolves "she" to the person named earlier in the quote’s own paragraph', () => {
    const text =
      'Elena Varga beat Mia Lorenz.\n\nLorenz, who had been injured, refused to use it as an excuse. “She was better today,” she said.'
    expect(speakerOf(text, 'better today')).toBe('Mia Lorenz')
  })

  it('does not take a predicate ("She was a patient host") for a new person', () => {
    const text =
      'Dora Quill arrived on Friday.\n\nShe was a patient host. After dinner she laid out the cards. “Do not wait up for me,” she said.'
    expect(speakerOf(text, 'wait up')).toBe('Dora Quill')
  })

  it('uses gender to pick between a man and a woman', () => {
    const text = 'Mr. John Carter met Mrs. Mary Blake.\n\n“Delighted,” she said.\n\n“Likewise,” he said.'
    expect(speakerOf(text, 'Delighted')).toBe('Mary Blake')
    expect(speakerOf(text, 'Likewise')).toBe('John Carter')
  })
})

describe('quotations without a cue', () => {
  it('keep the speaker of the quote paragraph before them (news convention)', () => {
    const text = '“We will rebuild,” said Jane Doe.\n\n“And we will do it this year.”'
    const q = analyze(text).quotes[1]!
    expect(q.speaker?.name).toBe('Jane Doe')
    expect(q.method).toBe('same speaker')
  })

  it('alternate between two speakers in a dialogue', () => {
    const text = [
      '“Did you see these cracks?” asked Fiona Barr.',
      '“I saw some cracks,” Graham Lyle replied.',
      '“Were you concerned?”',
      '“Not at the time.”',
      '“And now?”',
      '“Now I would give anything to go back.”',
    ].join('\n\n')
    const speakers = analyze(text).quotes.map((q) => q.speaker?.name)
    expect(speakers).toEqual(['Fiona Barr', 'Graham Lyle', 'Fiona Barr', 'Graham Lyle', 'Fiona Barr', 'Graham Lyle'])
  })

  it('share the speaker of a cued quote in the same paragraph', () => {
    const text = '“I had her poster on my wall.” Elena Varga smiled. “Now I play her,” Varga said.'
    expect(analyze(text).quotes.map((q) => q.speaker?.name)).toEqual(['Elena Varga', 'Elena Varga'])
  })

  it('are flagged for review when nobody can be found', () => {
    const q = analyze('The sign on the door: “Back in five minutes.”').quotes[0]
    expect(q === undefined || q.needsReview).toBe(true)
  })

  it('give a multi-paragraph quotation one attribution', () => {
    const text = 'Jane Doe said: “First part.\n\n“Second part.\n\n“Third part.”\n\nBob Ray disagreed.'
    const { quotes } = analyze(text)
    expect(quotes.map((q) => q.speaker?.name)).toEqual(['Jane Doe', 'Jane Doe', 'Jane Doe'])
    expect(quotes[1]!.method).toBe('continuation')
  })
})
