/**
 * Where the page trades the one-time code of the browser host's printed address for the session
 * token (`POST {"code": …}`): one path for the host that answers and the page that asks.
 */
export const SESSION_PATH = '/api/session'
