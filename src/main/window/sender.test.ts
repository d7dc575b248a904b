import { describe, expect, it } from 'vitest'
import { APP_ORIGIN } from './origins'
import { validateSender, type SenderLike } from './sender'

const KNOWN = new Set([7])
const mainFrame = (url: string, parent: unknown = null) => ({ url, parent })
const event = (senderFrame: SenderLike['senderFrame'], id = 7): SenderLike => ({ senderFrame, sender: { id } })

describe('validateSender (checklist item 17, notes E7)', () => {
  it('accepts the main frame of a known window at the app origin', () => {
    expect(validateSender(event(mainFrame('app://quotedesk/index.html#/article/1')), APP_ORIGIN, KNOWN)).toBe(true)
  })

  it.each([
    ['a null frame (navigated away or destroyed)', event(null)],
    ['a subframe', event(mainFrame('app://quotedesk/index.html', mainFrame('app://quotedesk/index.html')))],
    ['about:blank', event(mainFrame('about:blank'))],
    ['about:srcdoc', event(mainFrame('about:srcdoc'))],
    ['an empty URL', event(mainFrame(''))],
    ['a malformed URL', event(mainFrame('not a url'))],
    ['https://evil', event(mainFrame('https://evil.example/'))],
    ['app://quotedesk.evil', event(mainFrame('app://quotedesk.evil/index.html'))],
    ['app://evil', event(mainFrame('app://evil/index.html'))],
    ['a credentialed app URL', event(mainFrame('app://x@quotedesk/index.html'))],
    ['file://', event(mainFrame('file:///app/out/renderer/index.html'))],
    ['data:', event(mainFrame('data:text/html,hi'))],
    ['the dev origin in a built app', event(mainFrame('http://localhost:5173/'))],
    ['an unknown webContents id', event(mainFrame('app://quotedesk/index.html'), 8)],
  ])('rejects %s', (_name, sender) => {
    expect(validateSender(sender, APP_ORIGIN, KNOWN)).toBe(false)
  })

  it('rejects a frame whose getters throw (disposed mid-call) instead of throwing', () => {
    const disposed = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed')
      },
      parent: null,
    }
    expect(validateSender(event(disposed), APP_ORIGIN, KNOWN)).toBe(false)
  })

  it('rejects a parent that is undefined rather than null', () => {
    const frame = { url: 'app://quotedesk/index.html', parent: undefined }
    expect(validateSender(event(frame), APP_ORIGIN, KNOWN)).toBe(false)
  })

  it('in development trusts exactly the dev origin', () => {
    const dev = 'http://localhost:5173'
    expect(validateSender(event(mainFrame('http://localhost:5173/')), dev, KNOWN)).toBe(true)
    expect(validateSender(event(mainFrame('http://localhost:5174/')), dev, KNOWN)).toBe(false)
    expect(validateSender(event(mainFrame('app://quotedesk/index.html')), dev, KNOWN)).toBe(false)
  })
})
