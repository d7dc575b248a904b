// api first: it takes the launch code out of the address bar before anything else runs.
import { gate } from './api'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { NoTokenScreen } from './components/NoTokenScreen'
import './styles.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

void gate.then((opened) =>
  createRoot(root).render(
    <StrictMode>
      {opened === 'open' ? <App /> : <NoTokenScreen isAddressUsed={opened === 'address-used'} />}
    </StrictMode>,
  ),
)
