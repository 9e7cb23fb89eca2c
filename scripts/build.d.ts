// Types for build.js (plain JavaScript: it runs on `npm ci` before anything is compiled).
export declare function buildProduct(root?: string): Promise<{ files: number; ms: number }>
