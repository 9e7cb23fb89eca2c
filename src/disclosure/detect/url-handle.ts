import { candidate, type Candidate } from './span.js'

// Profile links that name a person: the path segment after the site is the account handle.
const SITES = [
  'facebook\\.com',
  'fb\\.com',
  'twitter\\.com',
  'x\\.com',
  'instagram\\.com',
  'linkedin\\.com/in',
  'tiktok\\.com/@',
  'youtube\\.com/(?:@|user/|c/)',
  'github\\.com',
  'reddit\\.com/u(?:ser)?',
  'snapchat\\.com/add',
  'threads\\.net/@',
  'medium\\.com/@',
  'pinterest\\.(?:com|co\\.uk)',
  'twitch\\.tv',
  'onlyfans\\.com',
  'soundcloud\\.com',
  't\\.me',
]
// Anchored on the site name; the scheme and "www." in front are added back from the text before.
const PROFILE_URL = new RegExp(`(?<![\\w@-])(?:${SITES.join('|')})/?([A-Za-z0-9_.\\-]{2,64})[^\\s<>"')\\]]*`, 'gi')
const SITE_HINT = /\.(?:com|net|tv|me|co\.uk)\//i
const SCHEME = /(?:https?:\/\/)?(?:(?:www|m|mobile|uk|en-gb)\.)?$/i
// Paths on those sites that are not people.
const NOT_A_HANDLE = new Set([
  'groups',
  'pages',
  'events',
  'sharer',
  'share',
  'login',
  'help',
  'policy',
  'privacy',
  'terms',
  'hashtag',
  'search',
  'watch',
  'explore',
  'home',
  'settings',
  'about',
  'intent',
  'i',
  'messages',
  'notifications',
  'marketplace',
  'gaming',
  'watch',
  'p',
  'reel',
  'stories',
  'signup',
  'jobs',
  'company',
  'school',
  'r',
])

export function findProfileUrls(text: string, out: Candidate[]): void {
  if (!SITE_HINT.test(text)) return
  PROFILE_URL.lastIndex = 0
  for (let m = PROFILE_URL.exec(text); m; m = PROFILE_URL.exec(text)) {
    const handle = (m[1] ?? '').toLowerCase()
    if (NOT_A_HANDLE.has(handle)) continue
    const scheme = SCHEME.exec(text.slice(Math.max(0, m.index - 20), m.index))?.[0] ?? ''
    // "www.x.com" is the site; "fax.com" or "max.com" is not; after a slash only as "https://…".
    const before = text[m.index - scheme.length - 1]
    if (before === '.' || (text[m.index - 1] === '/' && !scheme.includes('//'))) continue
    let end = m.index + m[0].length
    while (end > m.index && '.,;:!?'.includes(text[end - 1] ?? '')) end--
    out.push(candidate(m.index - scheme.length, end, 'URL', 0.9, 'url-profile-handle'))
  }
}
