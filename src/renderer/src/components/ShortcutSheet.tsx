import { COMMAND_KEYS, COMMAND_NAMES, describeKeys, type CommandGroup } from '../commands'
import { Dialog } from './Dialog'

const GROUPS: CommandGroup[] = ['Library', 'Article', 'Quotes', 'Fact-check']

/** Every command in the registry with its keys: the sheet cannot drift from what the keys do. */
export function ShortcutSheet({ isMac, onClose }: { isMac: boolean; onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} size="large">
      <p className="muted">
        Single keys work when the cursor is not in a text field; the Alt versions work everywhere, also while typing in
        the article.
      </p>
      <div className="shortcuts">
        {GROUPS.map((group) => (
          <section key={group} className="shortcuts__group" aria-labelledby={`shortcuts-${group}`}>
            <h3 id={`shortcuts-${group}`} className="doc__subheading">
              {group}
            </h3>
            <dl className="shortcuts__list">
              {COMMAND_NAMES.filter((name) => COMMAND_KEYS[name].group === group).map((name) => (
                <div key={name} className="shortcuts__row" data-command={name}>
                  <dt>{COMMAND_KEYS[name].label}</dt>
                  <dd>
                    {COMMAND_KEYS[name].keys.map((spec, i) => (
                      <span key={spec}>
                        {i > 0 && <span className="muted"> or </span>}
                        <kbd>{describeKeys(spec, isMac)}</kbd>
                      </span>
                    ))}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <div className="dialog__actions">
        <button type="button" className="button button--primary" data-autofocus onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  )
}
