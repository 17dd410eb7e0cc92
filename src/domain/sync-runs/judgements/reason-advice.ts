// What usually fixes each failure reason (reasons are free strings; unknown ones get general advice).

const ADVICE: Record<string, string> = {
  permission_denied:
    "The integration's account in the vendor tool lacks read access to this resource. Add the permission to its security role (for example the API member's role in the PSA), then wait for the next run.",
  rate_limited:
    "The vendor's API rate limit was hit. These usually clear on a later run; if they persist, lower other tools' load on that API or ask the vendor for a higher limit.",
  not_found:
    'The resource was deleted or moved in the vendor tool. Check that it still exists and that the integration can see it.',
  timeout:
    'The vendor tool answered too slowly. Usually transient; if it repeats, check the vendor status page.',
  validation_error:
    'The vendor returned data Neo could not accept. Check the record for unusual values; send the error to Neo support if it persists.',
  unmapped_company:
    'The record belongs to a company that is not mapped between the RMM and the PSA. Map the company in Neo, then wait for the next run.',
};

export function adviceForReason(reason: string): string {
  return (
    ADVICE[reason] ??
    'Check the error message below; if it is unclear, send it with the run ids to Neo support.'
  );
}
