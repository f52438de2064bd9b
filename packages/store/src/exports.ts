/** Reading every public request of a filter in pages, for open-data exports (issue 13). */
import type { RequestFilter } from './contract.js';

/**
 * The list filters of a request search without paging by offset, ids or
 * place: an export reads the whole filter in keyset pages. Empty or absent
 * lists mean every service or status; time bounds are inclusive, epoch ms.
 */
export type ExportFilter = Pick<
  RequestFilter, 'jurisdiction_id' | 'service_codes' | 'statuses' | 'requested_from' | 'requested_to' | 'updated_from' | 'updated_to'
> & {
  /** Rows per page, clamped to EXPORT_PAGE_BOUNDS (default 1,000). */
  page_size?: number;
};

/** 1,000 by default: measured at 200,000 rows, as fast as 2,000 with half the process memory (66 MB anonymous RSS instead of 140). */
export const EXPORT_PAGE_BOUNDS = { min: 1, default: 1_000, max: 5_000 } as const;
