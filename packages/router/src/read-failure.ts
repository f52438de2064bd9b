/** Why an upstream read failed, in a few words for a header or an error description. */
export const failureReason = (err: unknown): string => (err instanceof Error ? err.message : String(err));
