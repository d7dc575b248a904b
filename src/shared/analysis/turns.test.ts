import { describe, expect, it } from 'vitest'
import { analyze } from './index'

/** Speakers of the quotations in document order. */
function speakers(text: string): (string | null)[] {
  return analyze(text).quotes.map((q) => q.speaker?.name ?? null)
}

describe('turn-taking in fiction', () => {
  it('does not take a name quoted inside a quotation for the person addressed', () => {
    const text = [
      'Tom Reed leaned on the gate while Anna Vale watched him.',
      '“You are late,” said Anna.',
      '“The road was flooded,” said Tom.',
      '“Was it?”',
      '“It was.”',
      '“Why do you keep calling me ‘Captain Hart’?” Tom asked.',
      '“Because it suits you.”',
    ].join('\n\n')
    expect(speakers(text)).toEqual(['Anna Vale', 'Tom Reed', 'Anna Vale', 'Tom Reed', 'Tom Reed', 'Anna Vale'])
  })

  it('after a group’s reaction ("They both laughed.") passes the turn on, not to "they"', () => {
    const text = [
      'Ann Pike met Bob Rudd at the gate.',
      '“You came,” said Ann.',
      '“I said I would.”',
      '“You say a great many things.”',
      '“And I mean them all,” said Bob.',
      'They both laughed at that.',
      '“Then prove it tonight.”',
    ].join('\n\n')
    expect(speakers(text).at(-1)).toBe('Ann Pike')
  })

  it('reads an exchange that cues most turns but asks and exclaims as dialogue', () => {
    // Eleven quotation paragraphs, three bare: too few for the bare-turn test alone, but half ask
    // or exclaim, so the bare reply to Louisa is the other person's, not hers again.
    const text = [
      'Louisa Grey sat with James Hart by the window.',
      '“Are you a politician, then?” asked Louisa.',
      '“Not even that,” returned James.',
      '“What are you?” said Louisa.',
      '“An idler,” said James, smiling.',
      '“Is that all?” asked Louisa.',
      '“You are a singular man,” said Louisa.',
      '“Pardon me; I have not even that merit.”',
      '“Then what merit have you?” said Louisa.',
      '“None at all,” said James.',
      '“Do you never work?” asked Louisa.',
      '“Never, if I can help it!”',
      '“How strange!” cried Louisa.',
      '“Not strange, only honest.”',
    ].join('\n\n')
    const said = analyze(text).quotes.find((q) => q.text.startsWith('“Pardon'))!
    expect(said.speaker?.name).toBe('James Hart')
  })

  it('passes the first bare reply to the other person in the scene', () => {
    const text = [
      'Ruth Long found Mary Swan in the kitchen, peeling apples.',
      '“Are you staying for supper?” Ruth asked.',
      '“If there is room.”',
      '“There is always room.”',
      '“Then I will stay.”',
    ].join('\n\n')
    expect(speakers(text)).toEqual(['Ruth Long', 'Mary Swan', 'Ruth Long', 'Mary Swan'])
  })

  it('gives two quotations around one pronoun cue the same speaker', () => {
    const text = [
      'John Carter and Paul Grey walked down to the bridge in the rain.',
      '“Is it far?” asked John.',
      '“Not far.”',
      '“How far?”',
      '“A mile or so.”',
      '“In this weather?”',
      '“A mile,” he said; and, after a moment: “Perhaps two.”',
    ].join('\n\n')
    const s = speakers(text)
    expect(s.slice(0, 5)).toEqual(['John Carter', 'Paul Grey', 'John Carter', 'Paul Grey', 'John Carter'])
    expect(s[5]).toBe('Paul Grey')
    expect(s[6]).toBe('Paul Grey')
  })

  it('lets the person a quotation addressed answer even when its speaker is unknown', () => {
    const text = [
      'Kate Moore and Henry Lyle sat at the long table while the tea went round.',
      '“Will you pass the sugar?” said Henry.',
      '“Here it is.”',
      '“Thank you.”',
      '“Is there more milk?”',
      '“Would it be the blue jug or the white one, Kate?” we asked from the hall.',
      '“The white one, of course.”',
    ].join('\n\n')
    expect(speakers(text).at(-1)).toBe('Kate Moore')
  })

  it('does not give a quotation to someone it names', () => {
    const text = [
      'Ann Gale, Ben Holt and Clara Fenn sat down to dinner at eight.',
      '“Is the soup hot?” asked Clara.',
      '“Very,” said Ann.',
      '“I like it hot,” said Ben.',
      '“There is more in the kitchen,” said Ann.',
      '“Ann, dear, let Mr. Holt eat his soup in peace.”',
    ].join('\n\n')
    expect(speakers(text).at(-1)).toBe('Clara Fenn')
  })

  it('hears a name called on after "and" as the person addressed', () => {
    const text = [
      'Fergus Roe came in from the yard with mud on his boots.',
      '“Well done, all of you!—and Fergus, what have you been doing?” asked Mrs. Hale.',
      '“Fishing.”',
    ].join('\n\n')
    expect(speakers(text)).toEqual(['Mrs. Hale', 'Fergus Roe'])
  })

  it('hears a name set off at the end of a sentence as the person addressed', () => {
    const text = [
      'Iris Vane, her son Owen and the maid Hetty Cole were waiting in the hall.',
      '“The carriage is at the door,” said Hetty.',
      '“We are late, Iris. Where is my hat?” said Owen.',
      '“On the peg, dear.”',
    ].join('\n\n')
    expect(speakers(text)).toEqual(['Hetty Cole', 'Owen', 'Iris Vane'])
  })

  it('hands the turn over after an exclamation as after a question', () => {
    const text = [
      '“We leave for the coast on Monday,” said Hugh Dent.',
      '“You don’t say so!” said Mark Bell.',
      '“I do, and the others are coming too.”',
    ].join('\n\n')
    expect(speakers(text)).toEqual(['Hugh Dent', 'Mark Bell', 'Hugh Dent'])
  })

  it('does not take names in a list for the person addressed', () => {
    const text = [
      'Nora Bell and Ruth Kay were writing the invitations at the kitchen table.',
      '“Is everyone coming?” asked Nora.',
      '“Yes.”',
      '“Who?”',
      '“Tom Ash, Jack Reed, and Peter Finch have all said yes.”',
      '“And the vicar?”',
    ].join('\n\n')
    expect(speakers(text)).toEqual(['Nora Bell', 'Ruth Kay', 'Nora Bell', 'Ruth Kay', 'Nora Bell'])
  })

  it('keeps the turn with the last speaker on "she continued"', () => {
    const text = [
      'Jane Ray and Ann Lee walked slowly round the garden.',
      '“The roses are late,” said Jane.',
      '“They always are,” said Ann.',
      '“Not last year.”',
      '“Last year was warm.”',
      '“Was it?”',
      '“Very warm.”',
      '“And the lilies,” she continued, “were early too.”',
    ].join('\n\n')
    expect(speakers(text).at(-1)).toBe('Ann Lee')
  })

  it('gives "he said" after a narrative paragraph to the person it names, not the next in turn', () => {
    const text = [
      'Ned Cole and Sam Ash sat on the porch after supper.',
      '“Rain tomorrow,” said Ned.',
      '“Maybe.”',
      '“Certain of it.”',
      '“You always say that.”',
      'Sam got up and walked slowly to the rail.',
      '“Look at those clouds,” he said.',
    ].join('\n\n')
    expect(speakers(text)).toEqual(['Ned Cole', 'Sam Ash', 'Ned Cole', 'Sam Ash', 'Sam Ash'])
  })

  it('gives "said the nurse" to the person the turn before addressed by name', () => {
    const text = [
      'The surgeon bent over the bed for a long time.',
      '“It is all over, Mrs. Lane,” said the surgeon at last.',
      '“Poor soul, so it is,” said the nurse.',
    ].join('\n\n')
    expect(speakers(text)[1]).toBe('Mrs. Lane')
  })
})

describe('pronouns in fiction', () => {
  it('takes the subject of a narrative paragraph past its opening clause', () => {
    const text = [
      'Fred Lane waited at the gate.',
      'As the lad stood in a dubious attitude, Jack Durbey put his hand in his pocket and produced a shilling.',
      '"Here is for your labour, lad."',
    ].join('\n\n')
    expect(speakers(text)).toEqual(['Jack Durbey'])
  })

  it('does not give a quote to the person it addresses, even in the same paragraph', () => {
    const text =
      '‘I had hoped she was a witch,’ observed Fergus Hale, while carving his bread.  ‘Nonsense, Fergus!  But is it not strange?’'
    expect(speakers(text)[1]).not.toBe('Fergus Hale')
  })

  it('never gives "he" to someone the quotation itself names', () => {
    const text = [
      'Tom Lott rode up to the gate, and then Mr. Heath opened it.',
      '“Joseph, take Mr. Lott’s horse, and bring up some wine,” he called.',
    ].join('\n\n')
    expect(speakers(text)).toEqual(['Mr. Heath'])
  })

  it('follows "she" back through the narration to someone brought in without a name', () => {
    const text = [
      'Martha Shaw finished her coffee on the terrace and lit a cigarette. Presently an old woman came slowly along the path with a basket. The woman stopped beside the fountain. In front of Martha she put the basket down.',
      '“Will you buy some eggs?” she asked.',
    ].join('\n\n')
    const q = analyze(text).quotes[0]!
    expect(q.speaker?.name).toBe('an old woman')
    expect(q.method).toBe('pronoun')
    expect(q.needsReview).toBe(true)
  })

  it('does not give "she" to a topic of unknown gender when a woman is in the scene', () => {
    const text = [
      'Mrs. Dale waited on the platform. Dr. Quill carried the bags from the train.',
      '“It is later than I thought,” she said.',
    ].join('\n\n')
    expect(speakers(text)).toEqual(['Mrs. Dale'])
  })

  it('remembers whom a paragraph addressed when its last quotation names no one', () => {
    const text = '“It is your turn, Nora,” said Felix Grant. “Hurry up.”\n\n“I am coming,” she answered.'
    expect(speakers(text)).toEqual(['Felix Grant', 'Felix Grant', 'Nora'])
  })

  it('does not name the narrator after a character the narration keeps naming', () => {
    const text = [
      'Old Amos Pike sat by the fire when I came in. Amos Pike had lived in the village all his life, and I had known him since I was a child. I took off my coat. I was cold.',
      '“Sit down by the fire, Amos,” said my aunt Mrs. Hale.',
      '“Thank you,” I said.',
    ].join('\n\n')
    expect(speakers(text)).toEqual(['Mrs. Hale', 'I (narrator)'])
  })

  it('does not name the narrator after a title the others call them by ("Monsieur")', () => {
    const text = [
      'I had not slept, and I went down to the hall before seven. I found the General there with Blanche.',
      '“You are early, Monsieur,” said Blanche.',
      '“I could not sleep,” I replied.',
      '“You are always restless, Monsieur,” said the General.',
      '“It is so,” I said.',
    ].join('\n\n')
    expect(speakers(text)).toEqual(['Blanche', 'I (narrator)', 'General', 'I (narrator)'])
  })

  it('names the narrator from the narration that names them ("Call me …")', () => {
    const text = [
      'Call me Tobias Wren. Some years ago I went to sea, and I have not been dry since. I signed on in March; I was nineteen.',
      '“Sit down, young man,” said the captain.',
      '“Thank you, sir,” I said.',
    ].join('\n\n')
    expect(speakers(text).at(-1)).toBe('Tobias Wren')
  })
})
