/**
 * Lookup answers without services. Such an answer depends only on which
 * endpoints cover the point, and the points of one county, say, all share the
 * same few: each set is encoded (and gzipped, when asked) once per format and
 * registry state.
 * The endpoint documents of one registry state are the same objects (see
 * PointDiscovery), so the answers are kept under the first one's identity and
 * go with it when the registry changes.
 */
import { encodeLookup, type Format, type LocatedEndpoint } from '@o311/georeport';
import type { CachedAnswer } from '../http/read-cache.js';
import { documentAnswer } from './document-answer.js';

export class LookupDocuments {
  readonly #byFirst = new WeakMap<LocatedEndpoint, Map<string, CachedAnswer>>();
  readonly #empty = new Map<Format, CachedAnswer>();

  encode(endpoints: readonly LocatedEndpoint[], format: Format): CachedAnswer {
    const first = endpoints[0];
    if (first === undefined) return this.#emptyAnswer(format);
    let answers = this.#byFirst.get(first);
    if (answers === undefined) {
      answers = new Map();
      this.#byFirst.set(first, answers);
    }
    let key: string = format;
    for (const e of endpoints) key += ` ${e.slug}`;
    let answer = answers.get(key);
    if (answer === undefined) {
      answer = documentAnswer(encodeLookup({ endpoints: [...endpoints] }, format), format);
      answers.set(key, answer);
    }
    return answer;
  }

  #emptyAnswer(format: Format): CachedAnswer {
    let answer = this.#empty.get(format);
    if (answer === undefined) {
      answer = documentAnswer(encodeLookup({ endpoints: [] }, format), format);
      this.#empty.set(format, answer);
    }
    return answer;
  }
}
