// File names for the report downloads and the emailed pack: what was reported (a month 'YYYY-MM', or a range
// 'YYYY-MM-to-YYYY-MM') and for which controllers, so files saved side by side never overwrite each other.

/** 'all-controllers', or the controller ids joined with '+'. */
export function scopeName(controllerIds?: readonly string[] | null): string {
  return controllerIds ? controllerIds.join('+') : 'all-controllers'
}

/** The period part of a file name: the month, or 'first-to-last' for a range of months. */
export function periodKey(firstMonth: string, lastMonth = firstMonth): string {
  return firstMonth === lastMonth ? firstMonth : `${firstMonth}-to-${lastMonth}`
}

export function reportFilenames(
  period: string,
  controllerIds?: readonly string[] | null,
): { pack: string; figures: string; cases: string } {
  const scope = scopeName(controllerIds)
  return {
    pack: `compliance-pack-${period}-${scope}.pdf`,
    figures: `compliance-figures-${period}-${scope}.csv`,
    cases: `overdue-and-at-risk-${period}-${scope}.csv`,
  }
}
