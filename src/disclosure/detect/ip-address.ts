import { isIPv6 } from 'node:net'
import { candidate, type Candidate } from './span.js'

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)'
// Not part of a longer dotted number (a version string "1.2.3.4.5" or an OID).
const IPV4 = new RegExp(`(?<![\\d.])${OCTET}(?:\\.${OCTET}){3}(?!\\.?\\d)`, 'g')
const IPV6_CANDIDATE = /(?<![\w:])(?:[0-9A-Fa-f]{1,4}:|:){2,7}(?::|[0-9A-Fa-f]{1,4})(?:%\w+)?(?![\w:])/g

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70)
}

/** Cheap pre-check: "::" or three colons each between hex digits within 15 characters. */
function mayHoldIpv6(text: string): boolean {
  let run = 0
  let lastColon = -100
  for (let at = text.indexOf(':'); at !== -1; at = text.indexOf(':', at + 1)) {
    if (text.charCodeAt(at + 1) === 58) return true
    const hexAround = isHex(text.charCodeAt(at - 1)) && isHex(text.charCodeAt(at + 1))
    run = hexAround && at - lastColon <= 5 ? run + 1 : hexAround ? 1 : 0
    lastColon = at
    if (run >= 3) return true
  }
  return false
}

export function findIpAddresses(text: string, out: Candidate[]): void {
  IPV4.lastIndex = 0
  for (let m = IPV4.exec(text); m; m = IPV4.exec(text)) {
    out.push(candidate(m.index, m.index + m[0].length, 'IP_ADDRESS', 0.9, 'ip-v4'))
  }
  if (!mayHoldIpv6(text)) return
  IPV6_CANDIDATE.lastIndex = 0
  for (let m = IPV6_CANDIDATE.exec(text); m; m = IPV6_CANDIDATE.exec(text)) {
    const raw = m[0]
    // Clock times ("10:28:00") are not addresses: require a hex letter or "::", and isIPv6 to agree.
    if (!/[a-f]|::/i.test(raw) || !isIPv6(raw.replace(/%\w+$/, ''))) continue
    out.push(candidate(m.index, m.index + raw.length, 'IP_ADDRESS', 0.9, 'ip-v6'))
  }
}
