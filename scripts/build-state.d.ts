// Types for build-state.js (plain JavaScript so that bin/rightsdesk.js can use it before anything is compiled).
export declare const repoRoot: string
export declare const STAMP: string
export declare function isTestFile(rel: string): boolean
export declare function sourceFiles(srcDir: string): string[]
export declare function sourceState(root?: string): { files: number; filesHash: string; newestMs: number }
export declare function buildProblem(root?: string): string | null
export declare function isCheckout(root?: string): boolean
