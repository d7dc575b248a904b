// api first: it takes the access token out of the address bar before anything else runs.
import { connection } from './api'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { NoTokenScreen } from './components/NoTokenScreen'
import './styles.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

createRoot(root).render(<StrictMode>{connection.mode === 'no-token' ? <NoTokenScreen /> : <App />}</StrictMode>)
