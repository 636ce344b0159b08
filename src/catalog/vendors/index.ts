/** Which vendors run which catalog model, and how our params become theirs. */
export type * from "./types.ts";
export { VENDORS } from "./types.ts";
export { VENDOR_ROUTES, routesOf } from "./routes.ts";
export { carriedReferences, nearestRatio, toVendorInput, type VendorInput } from "./translate.ts";
export { vendorTableMarkdown } from "./table.ts";
export { specOnRoute } from "./spec-on-route.ts";
