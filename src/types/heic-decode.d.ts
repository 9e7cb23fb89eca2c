// heic-decode 2.x ships no types (and @types/heic-decode lacks the size and dispose of `all`): what we use of it.
declare module 'heic-decode' {
  interface DecodedImage {
    width: number
    height: number
    data: Uint8ClampedArray
  }
  interface HeifImage {
    width: number
    height: number
    decode(): Promise<DecodedImage>
  }
  interface Decode {
    (input: { buffer: Uint8Array }): Promise<DecodedImage>
    /** Every image in the file, undecoded until asked; `dispose` frees libheif's memory. */
    all(input: { buffer: Uint8Array }): Promise<HeifImage[] & { dispose(): void }>
  }
  const decode: Decode
  export default decode
}
