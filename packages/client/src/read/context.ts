/** What every reader of one document shares: the format, the options and the warnings so far. */
import type { Format } from '@o311/georeport';
import { zoneOffsetMinutes } from '@o311/georeport';
import type { Area, ReadOptions } from '../model.js';
import type { Occurrence } from './warning-log.js';
import { WarningLog } from './warning-log.js';

export class ReadContext {
  readonly log = new WarningLog();
  readonly timezone: string;
  readonly area: Area | undefined;

  /** Throws RangeError for a `timezone` Intl does not know: a caller's mistake, not the body's. */
  constructor(readonly format: Format, options: ReadOptions = {}) {
    this.timezone = options.timezone ?? 'UTC';
    zoneOffsetMinutes(0, this.timezone);
    this.area = options.area;
  }

  warn(occurrence: Occurrence): void {
    this.log.add(occurrence);
  }
}
