const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/**
 * A time in London in GOV.UK style: "9am", "2:05pm", "12:14am", "midday", "midnight" (GOV.UK style guide, "Times").
 * Intl's en-GB 12-hour clock counts 0 to 11, which printed "0:14pm" for 12:14 (issue 14), so the hour is worked
 * out here from the 24-hour clock.
 */
export function govukTime(d: Date): string {
  const parts = londonParts.formatToParts(d)
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0) % 24
  const minute = Number(parts.find((p) => p.type === 'minute')?.value ?? 0)
  if (minute === 0 && hour === 0) return 'midnight'
  if (minute === 0 && hour === 12) return 'midday'
  const h = hour % 12 === 0 ? 12 : hour % 12
  const suffix = hour < 12 ? 'am' : 'pm'
  return minute === 0 ? `${h}${suffix}` : `${h}:${String(minute).padStart(2, '0')}${suffix}`
}
