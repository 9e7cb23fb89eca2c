import { describe, expect, it } from 'vitest'
import { detect } from './detect.js'

function people(text: string): string[] {
  return detect(text)
    .filter((s) => s.type === 'PERSON')
    .map((s) => s.text)
}

describe('titles and police ranks', () => {
  it.each([
    ['PC 1234 Smith attended the scene.', 'PC 1234 Smith'],
    ['Statement taken by DC Okafor yesterday.', 'DC Okafor'],
    ['Det Sgt Jones said so.', 'Det Sgt Jones'],
    ['Chief Inspector Ann Lee agreed.', 'Chief Inspector Ann Lee'],
    ['Dear Mrs Patel, thank you.', 'Mrs Patel'],
    ['I spoke to Mr. Brown on Monday.', 'Mr. Brown'],
    ['Did Uncle Robert leave them?', 'Uncle Robert'],
  ])('%s names %s', (text, name) => expect(people(text)).toContain(name))
  it('a rank that is also an everyday abbreviation needs a name after it', () => {
    expect(people('My PC crashed and we flew to Washington DC in May.')).toEqual([])
  })
  it('"MS Word" is software, not a person', () => {
    expect(people('Send it as MS Word please.')).toEqual([])
  })
})

describe('names from the gazetteers', () => {
  it('a given name and a capitalised surname is a person, middle initials included', () => {
    expect(people('Phillip K. Allen and Laura de la Torre met Abby LOPEZ.')).toEqual([
      'Phillip K. Allen',
      'Laura de la Torre',
      'Abby LOPEZ',
    ])
  })
  it('a surname-first name as in address lists is one person', () => {
    expect(people('Copy to Allen, Phillip K. and SMITH, John.')).toEqual(['Allen, Phillip K.', 'SMITH, John'])
  })
  it('a list of first names is not read as "Surname, Given" pairs', () => {
    expect(people('Ask Lorraine, Paul, Steve and Kim.')).toEqual(['Lorraine', 'Paul', 'Steve', 'Kim'])
  })
  it('an unambiguous given name on its own is a person', () => {
    expect(people('I gave it to Ramona yesterday.')).toEqual(['Ramona'])
  })
  it('everyday words, months, places and organisations are not people', () => {
    expect(people('Will you mark the May figures? Houston Police and Morgan Street Bank agreed.')).toEqual([])
  })
  it('a place after a comma shows a city, not a name', () => {
    expect(people('He grew up in Lawrence, Kansas.')).toEqual([])
  })
  it('a brand written in camel case is not a person', () => {
    expect(people('SoCalGas said the BlackBerry works.')).toEqual([])
  })
  it('a name typed in lower case is still found, with a low score', () => {
    const [span] = detect('i told emma about it').filter((s) => s.type === 'PERSON')
    expect(span).toMatchObject({ text: 'emma', recogniser: 'person-lowercase' })
    expect(span?.score).toBeLessThan(0.5)
  })
})

describe('email headers', () => {
  it('names in From, To and Cc lines are people, in either order', () => {
    const text = 'From: Dunton, Heather\nTo: Allen, Phillip K.; Belden, Tim\nCc: Teb Lokey, Mary Kay Miller\n'
    expect(people(text)).toEqual([
      'Dunton, Heather',
      'Allen, Phillip K.',
      'Belden, Tim',
      'Teb Lokey',
      'Mary Kay Miller',
    ])
  })
  it('an Outlook X-To list of "Surname, Given" pairs is split into people', () => {
    expect(people('X-To: Kuehl, Toby, Lokey, Teb, Blair, Lynn\n')).toEqual(['Kuehl, Toby', 'Lokey, Teb', 'Blair, Lynn'])
  })
  it('a display name before an address is a person and the address an email', () => {
    const spans = detect('From: "Davis, Dana" <Dana.Davis@ENRON.com>\n')
    expect(spans.map((s) => [s.type, s.text])).toEqual([
      ['PERSON', 'Davis, Dana'],
      ['EMAIL', 'Dana.Davis@ENRON.com'],
    ])
  })
  it('a Lotus Notes address names a person', () => {
    expect(people('---- Forwarded by Phillip K Allen/HOU/ECT on 04/16/2001 ----')).toEqual(['Phillip K Allen'])
  })
  it('a distribution list in a header is not a person', () => {
    expect(people('To: All Enron Worldwide; Enron Announcements\n')).toEqual([])
  })
})

describe('greetings, sign-offs and signatures', () => {
  it('a name after a greeting is a person even when no gazetteer lists it', () => {
    expect(people('Hi Zhiyong,\nThanks for this.')).toEqual(['Zhiyong'])
  })
  it('a sign-off name after "Thanks," is a person', () => {
    expect(people('See attached.\n\nThanks,\nSarah\n')).toEqual(['Sarah'])
    expect(people('Speak soon.\nRegards\nTushar Dhruv\n')).toEqual(['Tushar Dhruv'])
  })
  it('initials signing off a message are a person', () => {
    expect(people('We will be back in touch.\nMK\n\n-----Original Message-----\n')).toEqual(['MK'])
  })
  it('a first name opening a line and addressing the reader is a person', () => {
    expect(people('Frank, I was out last week.')).toEqual(['Frank'])
  })
  it('"Hi all" and "Dear Sir" name nobody', () => {
    expect(people('Hi all,\nDear Sir or Madam,\nThanks Team')).toEqual([])
  })
})

describe('names remembered within a document', () => {
  it('a first name seen in a header is a person later in the body', () => {
    expect(people('From: Lokey, Teb\n\nTeb will send it.')).toEqual(['Lokey, Teb', 'Teb'])
  })
  it('name parts of a personal email address mark the names in the body', () => {
    expect(people('From: zhiyong.wei@example.com\n\nI asked Zhiyong.')).toEqual(['Zhiyong'])
  })
})

describe('known parties on the case', () => {
  it('a third party named on the case is always a person, whatever the context', () => {
    const spans = detect('the zebra crossing near qwerty uiop', { knownParties: ['Qwerty Uiop'] })
    expect(spans.map((s) => [s.type, s.text, s.recogniser])).toEqual([['PERSON', 'qwerty uiop', 'known-party']])
  })
})
