// date-holidays ships no types for its data subpath; the fingerprint reads only the data's release.
declare module 'date-holidays/data' {
  export const data: { readonly version: string }
}
