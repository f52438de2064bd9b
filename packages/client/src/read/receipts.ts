/**
 * POST requests and GET tokens/{token}: `service_request_id` (realtime) or `token`
 * (batch) or neither (blackbox); every member is optional and left out when absent.
 */
import type { Format, RequestReceipt } from '@o311/georeport';
import type { ReadOptions } from '../model.js';
import type { Read } from '../warnings.js';
import { readListDocument } from './document.js';
import type { ListFrame } from './framing.js';
import { defineRecord } from './record.js';
import { REQUESTS_FRAME } from './requests.js';
import { optionalText } from './scalars.js';
import { hasAnyOf } from './tree.js';

const RECEIPT = defineRecord({
  service_request_id: optionalText(),
  token: optionalText(),
  service_notice: optionalText(),
  account_id: optionalText(),
});

const FRAME: ListFrame = {
  ...REQUESTS_FRAME,
  isItem: hasAnyOf(['service_request_id', 'token', 'service_notice', 'account_id']),
};

export function readReceipts(body: string, format: Format, options?: ReadOptions): Read<RequestReceipt[]> {
  return readListDocument(body, format, options, FRAME, 'receipt', (rec): RequestReceipt => RECEIPT.read(rec));
}
