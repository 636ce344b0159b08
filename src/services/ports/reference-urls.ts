/**
 * How a provider that sends references to a vendor turns an upload id into a URL the vendor can
 * fetch: vendors take references as URLs and fetch them themselves, and an upload lives in the
 * gateway's file store. The app wires it (src/services/reference-urls.ts) when vendor accounts
 * are configured.
 */
export interface ReferenceUrls {
  /**
   * A URL from which the bytes of upload `uploadId` of key `keyId` can be fetched without
   * credentials for a while (at least an hour): a signed, expiring link to the gateway's
   * `/files/uploads/…`, or a presigned blob-store URL. Undefined when the upload is missing or
   * expired, or when nothing can serve it (no public address, no presigned URLs).
   */
  uploadUrl(keyId: string, uploadId: string): Promise<string | undefined>;
}
