import type { UploadProblem } from '../../../application/portal/check-upload.js'

/** The GOV.UK file upload error message for each reason a file was refused (locale keys). */
export function uploadProblemKey(problem: UploadProblem): string {
  return `portal.uploadProblems.${problem}`
}
